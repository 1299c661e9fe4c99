/** Shared by the online payment tests: a store listening on a port, wired to the local Stripe and Midtrans servers. */
import { asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { emailOutbox, orderEvents, orders, paymentAttempts, paymentEvents } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { guestLinkKey } from '../../src/store/orders/order-number';
import type { DbTarget } from '../helpers/databases';
import { type MidtransFake, paymentEnv, type StripeFake, startMidtransFake, startStripeFake } from '../helpers/payment-fakes';
import { createTestStore, type TestStore } from '../helpers/store-app';
import type { TestBrowser } from './accounts-client';
import { addToCart, checkoutFields, GUEST_ADDRESS } from './checkout-helpers';

export interface PaymentsWorld {
  store: TestStore;
  db: StoreDb;
  stripe: StripeFake;
  midtrans: MidtransFake;
  /** The store's own address (it listens: the fakes deliver webhooks over HTTP). */
  url: string;
  close(): Promise<void>;
}

/**
 * `keysInEnv: false` leaves only the servers' addresses in the environment: the keys are then
 * entered in the back office, as a shop without server access does.
 */
export async function startPaymentsWorld(
  target: DbTarget,
  env: Record<string, string> = {},
  { keysInEnv = true }: { keysInEnv?: boolean } = {},
): Promise<PaymentsWorld> {
  const [stripe, midtrans] = await Promise.all([startStripeFake(), startMidtransFake()]);
  const all = paymentEnv(stripe, midtrans);
  const servers = {
    STRIPE_API_BASE: all.STRIPE_API_BASE!,
    MIDTRANS_API_BASE: all.MIDTRANS_API_BASE!,
    MIDTRANS_SNAP_BASE: all.MIDTRANS_SNAP_BASE!,
  };
  const store = await createTestStore(target, { env: { ...(keysInEnv ? all : servers), ...env } });
  const url = await store.app.listen({ host: '127.0.0.1', port: 0 });
  stripe.webhookUrl = `${url}/webhooks/stripe`;
  midtrans.notificationUrl = `${url}/webhooks/midtrans`;
  return {
    store,
    db: store.database.db,
    stripe,
    midtrans,
    url,
    async close() {
      await Promise.all([stripe.idle(), midtrans.idle()]);
      await store.close();
      await Promise.all([stripe.close(), midtrans.close()]);
    },
  };
}

/** A guest orders `quantity` of `productId` paying with `payment`; returns the order and where checkout sent them. */
export async function checkoutWith(world: PaymentsWorld, b: TestBrowser, productId: number, payment: string, quantity = 1) {
  await addToCart(world.store.app, b, productId, quantity);
  const fields = checkoutFields((await b.get('/checkout')).body);
  const email = `buyer-${randomUUID().slice(0, 8)}@pay.example`;
  const res = await b.post('/checkout', { ...fields, payment, email, ...GUEST_ADDRESS });
  if (res.status !== 303) throw new Error(`checkout answered ${res.status}: ${res.body.slice(0, 300)}`);
  const [order] = await world.db.select().from(orders).where(eq(orders.email, email));
  if (!order) throw new Error('checkout placed no order');
  return { order, number: order.number, email, location: res.location ?? '' };
}

export const attemptsOf = (db: StoreDb, orderId: number) =>
  db.select().from(paymentAttempts).where(eq(paymentAttempts.orderId, orderId)).orderBy(asc(paymentAttempts.seq));
export const eventsOf = (db: StoreDb, orderId: number) =>
  db.select().from(paymentEvents).where(eq(paymentEvents.orderId, orderId)).orderBy(asc(paymentEvents.id));
export const movesOf = (db: StoreDb, orderId: number) =>
  db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
export const mailsTo = (db: StoreDb, email: string) =>
  db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(asc(emailOutbox.id));

/** The guest link's key, as the order's emails carry it. */
export const guestKeyOf = (world: PaymentsWorld, order: { number: string }) => guestLinkKey(world.store.config.sessionSecret, order.number);
