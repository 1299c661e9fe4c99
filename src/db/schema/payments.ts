import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { orders } from './orders';

/**
 * One try at paying an order online (P3, P4). Midtrans lets an `order_id` be paid once, so a retry
 * after a failed or expired try is a new attempt with its own reference (`HR-…-2`); Stripe gets a
 * new Checkout Session per attempt. The attempt's status only moves forward (see
 * payments/attempt-status.ts); the order's status moves only through the orders' `transition()`.
 */
export const paymentAttempts = pgTable(
  'payment_attempts',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    provider: varchar('provider', { length: 20 }).notNull(),
    /** 1, 2, 3 … per order. */
    seq: integer('seq').notNull(),
    /** What the provider knows the attempt by: Midtrans' order_id, Stripe's client_reference_id suffix. */
    reference: varchar('reference', { length: 50 }).notNull(),
    /** The provider's own id: Stripe's Checkout Session id, Midtrans' Snap token. */
    externalId: varchar('external_id', { length: 255 }),
    /** Stripe's PaymentIntent once paid (refunds and `charge.refunded` name it). */
    paymentRef: varchar('payment_ref', { length: 255 }),
    redirectUrl: text('redirect_url'),
    status: varchar('status', { length: 20 }).notNull().default('created'),
    /** Whole rupiah: the order's total when the attempt started. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** How the customer chose to pay on the provider's page (e.g. "bank_transfer:bca", "qris", "card"). */
    channel: varchar('channel', { length: 60 }),
    /** What the waiting page shows for a pending payment (virtual account numbers, payment code). */
    instructions: jsonb('instructions').$type<{ label: string; value: string }[]>(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Reconciliation asks the provider about a still-open attempt from this moment (a missed notification). */
    checkAfter: timestamp('check_after', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payment_attempts_reference_idx').on(t.provider, t.reference),
    uniqueIndex('payment_attempts_order_seq_idx').on(t.orderId, t.seq),
    index('payment_attempts_external_idx').on(t.provider, t.externalId),
    index('payment_attempts_payment_ref_idx').on(t.provider, t.paymentRef),
    index('payment_attempts_check_idx').on(t.checkAfter).where(sql`${t.status} IN ('created', 'pending', 'review')`),
    check('payment_attempts_amount_positive', sql`${t.amount} > 0`),
  ],
);

/**
 * Every verified provider event, raw, once: the unique (provider, event key) is what makes a
 * duplicate, a replay or a concurrent second delivery change nothing. Stripe's key is its event id;
 * Midtrans has none, so its key is built from the confirmed status (order id, status, code, time).
 */
export const paymentEvents = pgTable(
  'payment_events',
  {
    id: serial('id').primaryKey(),
    provider: varchar('provider', { length: 20 }).notNull(),
    eventKey: varchar('event_key', { length: 200 }).notNull(),
    attemptId: integer('attempt_id').references(() => paymentAttempts.id, { onDelete: 'set null' }),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** The provider's name for what happened ("settlement", "checkout.session.completed"). */
    kind: varchar('kind', { length: 80 }).notNull(),
    /** webhook: a signed notification; status: the provider's API asked by reconciliation or a return page; refund: our own refund call. */
    source: varchar('source', { length: 20 }).notNull(),
    /** What it did: applied, ignored, amount_mismatch, unknown_attempt, refund_needed, review, recorded. */
    outcome: varchar('outcome', { length: 30 }).notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payment_events_key_idx').on(t.provider, t.eventKey), index('payment_events_order_idx').on(t.orderId, t.receivedAt)],
);

/**
 * The payment providers' settings from the back office (P6). Keys are sealed with AES-256-GCM
 * (lib/secret-box.ts) before they reach this table; values in the environment win over these.
 */
export const paymentProviderSettings = pgTable('payment_provider_settings', {
  provider: varchar('provider', { length: 20 }).primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  production: boolean('production').notNull().default(false),
  /** Midtrans' server key or Stripe's secret key, sealed. */
  secretKeySealed: text('secret_key_sealed'),
  /** Midtrans' client key (public by design: snap.js sends it), kept plain. */
  publicKey: varchar('public_key', { length: 200 }),
  /** Stripe's webhook signing secret, sealed. */
  webhookSecretSealed: text('webhook_secret_sealed'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
