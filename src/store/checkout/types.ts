/** Checkout's row types. */
import type { shippingServices } from '../../db/schema';

export type ShippingServiceRow = typeof shippingServices.$inferSelect;
