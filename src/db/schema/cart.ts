import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, primaryKey, serial, timestamp, varchar } from 'drizzle-orm/pg-core';
import { products } from './catalog';
import { users } from './users';

/**
 * One cart per owner: an account (user_id) or a guest's session (session_key = the session's
 * SHA-256 key, never the cookie value). Guest carts are merged into the account cart at login
 * and deleted. Not a foreign key to `sessions`: with Redis the sessions are not in the database.
 */
export const carts = pgTable(
  'carts',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionKey: varchar('session_key', { length: 64 }).unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('carts_one_owner', sql`(${t.userId} IS NULL) <> (${t.sessionKey} IS NULL)`)],
);

/**
 * A product in a cart. `price_seen`/`stock_seen` are what the customer saw when adding (K4), so
 * a later price change or stock drop can be shown with its old and new values.
 */
export const cartItems = pgTable(
  'cart_items',
  {
    cartId: integer('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    /** Whole rupiah. */
    priceSeen: bigint('price_seen', { mode: 'number' }).notNull(),
    stockSeen: integer('stock_seen').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.productId] }), check('cart_items_quantity_positive', sql`${t.quantity} > 0`)],
);
