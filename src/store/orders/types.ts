/** The orders area's row types and read models, for the areas and views that show orders. */
import type { orderEvents, orderItems, orders } from '../../db/schema';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** The courier service as the order keeps it (a copy: later edits of the service do not change it). */
export interface ShippingSnapshot {
  courier: string;
  name: string;
  minDays: number;
  maxDays: number;
  trackingUrlTemplate: string | null;
  billableKg: number;
  /** What the courier charges, and what the customer pays (0 past the free-shipping threshold). */
  cost: number;
  charge: number;
}

/** What checkout hands over: everything already validated and priced by the server. */
export interface OrderDraft {
  idempotencyKey: string;
  userId: number | null;
  email: string;
  customerName: string;
  locale: string;
  address: { recipient: string; phone: string; street: string; city: string; province: string; postalCode: string };
  shipping: ShippingSnapshot & { serviceId: number };
  lines: { productId: number; quantity: number; unitPrice: number }[];
  subtotal: number;
  paymentMethod: string;
  note: string;
  expiresAt: Date;
}

export type PlaceResult = { ok: true; number: string; created: boolean } | { ok: false; reason: 'stock' | 'price'; productId: number };
