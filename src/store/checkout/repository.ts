/** Couriers a customer can choose at checkout (A7 manages them). */
import { asc, eq } from 'drizzle-orm';
import { shippingServices } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { ShippingServiceRow } from './types';

export function createCheckoutRepository(db: StoreDb) {
  return {
    async activeShippingServices(): Promise<ShippingServiceRow[]> {
      return db
        .select()
        .from(shippingServices)
        .where(eq(shippingServices.isActive, true))
        .orderBy(asc(shippingServices.position), asc(shippingServices.id));
    },
  };
}

export type CheckoutRepository = ReturnType<typeof createCheckoutRepository>;
