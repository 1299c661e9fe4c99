import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { products, shippingServices } from './catalog';
import { restockOrders } from './restock';
import { users } from './users';

export const orderStatus = pgEnum('order_status', [
  'awaiting_payment',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
  'refunded',
]);

export interface BankAccount {
  bank: string;
  number: string;
  holder: string;
}

/** Shop-wide checkout settings: a single row (id = 1), edited in the admin's settings later. */
export const shopSettings = pgTable(
  'shop_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** Subtotal (whole rupiah) from which shipping is free; null = never free. */
    freeShippingFrom: bigint('free_shipping_from', { mode: 'number' }),
    bankTransferEnabled: boolean('bank_transfer_enabled').notNull().default(true),
    bankAccounts: jsonb('bank_accounts').$type<BankAccount[]>().notNull().default([]),
    /** How long an unpaid order keeps its stock: bank transfer (24 h) and card gateways (60 min). */
    transferExpiryMinutes: integer('transfer_expiry_minutes').notNull().default(1440),
    gatewayExpiryMinutes: integer('gateway_expiry_minutes').notNull().default(60),
    /** Where new orders and receipts are announced; null = the store profile's email. */
    notificationEmail: varchar('notification_email', { length: 254 }),
    /** When on, staff and admins must sign in with a second factor (TOTP) and enrol before using the back office. */
    requireStaffTwoFactor: boolean('require_staff_two_factor').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('shop_settings_single_row', sql`${t.id} = 1`),
    check('shop_settings_expiry_positive', sql`${t.transferExpiryMinutes} > 0 AND ${t.gatewayExpiryMinutes} > 0`),
  ],
);

/**
 * What the orders desk searches (number, customer name, email, phone) as one lower-cased text: one
 * trigram index serves `LIKE '%…%'` on all four. The repository's query repeats this expression
 * exactly, so the planner uses the index.
 */
export const ORDER_SEARCH_TEXT = sql.raw(`lower("number" || ' ' || "customer_name" || ' ' || "email" || ' ' || "ship_phone")`);

/**
 * An order, created *awaiting payment* with its stock reserved (P2). Customer, address and
 * shipping are copies: editing a product, an address or a courier later never changes an order.
 */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    /** Shown to customers and staff, e.g. "HR-261201-7K3Q9"; random so numbers reveal no volume. */
    number: varchar('number', { length: 20 }).notNull().unique(),
    /** Null for a guest order until an account with the same email claims it. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    email: varchar('email', { length: 254 }).notNull(),
    customerName: varchar('customer_name', { length: 120 }).notNull(),
    locale: varchar('locale', { length: 5 }).notNull().default('id'),
    status: orderStatus('status').notNull().default('awaiting_payment'),
    /** From the checkout form: a resubmitted form finds the order it already created. */
    idempotencyKey: varchar('idempotency_key', { length: 64 }).notNull().unique(),

    shipRecipient: varchar('ship_recipient', { length: 120 }).notNull(),
    shipPhone: varchar('ship_phone', { length: 20 }).notNull(),
    shipStreet: varchar('ship_street', { length: 300 }).notNull(),
    shipCity: varchar('ship_city', { length: 100 }).notNull(),
    shipProvince: varchar('ship_province', { length: 100 }).notNull(),
    shipPostalCode: varchar('ship_postal_code', { length: 5 }).notNull(),

    shippingServiceId: integer('shipping_service_id').references(() => shippingServices.id, { onDelete: 'set null' }),
    shippingCourier: varchar('shipping_courier', { length: 40 }).notNull(),
    shippingServiceName: varchar('shipping_service_name', { length: 80 }).notNull(),
    shippingMinDays: integer('shipping_min_days').notNull(),
    shippingMaxDays: integer('shipping_max_days').notNull(),
    trackingUrlTemplate: text('tracking_url_template'),
    billableKg: integer('billable_kg').notNull(),
    /** What the courier charges, and what the customer pays (0 past the free-shipping threshold). */
    shippingCost: bigint('shipping_cost', { mode: 'number' }).notNull(),
    shippingCharge: bigint('shipping_charge', { mode: 'number' }).notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),

    paymentMethod: varchar('payment_method', { length: 20 }).notNull(),
    /**
     * Set when money arrived that the order cannot keep (paid after it expired and its units were
     * sold meanwhile) or the provider reports a dispute: staff must act (refund_needed, chargeback).
     */
    paymentFlag: varchar('payment_flag', { length: 30 }),
    note: varchar('note', { length: 500 }).notNull().default(''),
    trackingNumber: varchar('tracking_number', { length: 60 }),
    /** Re-encoded transfer receipt uploaded by the customer (random storage key). */
    transferProofKey: varchar('transfer_proof_key', { length: 100 }),
    transferProofAt: timestamp('transfer_proof_at', { withTimezone: true }),
    /** Unpaid orders past this moment are expired by the background job. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orders_user_idx').on(t.userId, t.createdAt),
    index('orders_email_idx').on(sql`lower(${t.email})`),
    index('orders_expiry_idx').on(t.expiresAt).where(sql`${t.status} = 'awaiting_payment'`),
    index('orders_status_idx').on(t.status, t.createdAt),
    // The orders desk (A6): newest first, unfiltered, and the search by number, name, email or phone (trigram).
    index('orders_created_idx').on(t.createdAt.desc(), t.id.desc()),
    index('orders_payment_idx').on(t.paymentMethod, t.createdAt),
    index('orders_search_idx').using('gin', sql`${ORDER_SEARCH_TEXT} gin_trgm_ops`),
    check(
      'orders_amounts_nonnegative',
      sql`${t.subtotal} >= 0 AND ${t.shippingCharge} >= 0 AND ${t.total} = ${t.subtotal} + ${t.shippingCharge}`,
    ),
  ],
);

/** A copy of what was bought, at the price of that moment. */
export const orderItems = pgTable(
  'order_items',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Kept for "buy again" and stock give-back; products that were ordered are archived, not deleted. */
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    productSlug: varchar('product_slug', { length: 220 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    sku: varchar('sku', { length: 60 }).notNull(),
    brand: varchar('brand', { length: 80 }).notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    quantity: integer('quantity').notNull(),
    lineTotal: bigint('line_total', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('order_items_order_idx').on(t.orderId),
    uniqueIndex('order_items_one_line_per_product').on(t.orderId, t.productId),
    check('order_items_quantity_positive', sql`${t.quantity} > 0 AND ${t.lineTotal} = ${t.unitPrice} * ${t.quantity}`),
  ],
);

/** Every status change: from, to, who, when, why (O2). */
export const orderEvents = pgTable(
  'order_events',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status').notNull(),
    /** customer | staff | system */
    actorKind: varchar('actor_kind', { length: 10 }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    note: varchar('note', { length: 500 }).notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

/** Every change of a product's stock, with its reason; the sum of `change` explains the stock. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Negative when units leave the shelf (reserved by an order), positive when they come back. */
    change: integer('change').notNull(),
    /** order_reserved | order_released | adjustment | restock */
    reason: varchar('reason', { length: 30 }).notNull(),
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** The restock order a `restock` movement received goods from. */
    restockOrderId: integer('restock_order_id').references(() => restockOrders.id, { onDelete: 'set null' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    note: varchar('note', { length: 300 }).notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_product_idx').on(t.productId, t.createdAt),
    index('stock_movements_order_idx').on(t.orderId),
    index('stock_movements_restock_idx').on(t.restockOrderId),
    check('stock_movements_change_nonzero', sql`${t.change} <> 0`),
  ],
);

/** Staff-only notes on an order (A6): who wrote what and when; customers never see them. */
export const orderNotes = pgTable(
  'order_notes',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    authorUserId: integer('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: varchar('body', { length: 1000 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_notes_order_idx').on(t.orderId, t.id)],
);
