import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { products, suppliers } from './catalog';
import { users } from './users';

/** draft → ordered → received; cancelled from draft or ordered (rules in src/store/stock/restock-service.ts). */
export const restockStatus = pgEnum('restock_status', ['draft', 'ordered', 'received', 'cancelled']);

/** An order of goods from a supplier; receiving it adds stock (as `restock` movements) exactly once per unit. */
export const restockOrders = pgTable(
  'restock_orders',
  {
    id: serial('id').primaryKey(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'restrict' }),
    status: restockStatus('status').notNull().default('draft'),
    notes: text('notes').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
  },
  (t) => [index('restock_orders_status_idx').on(t.status, t.createdAt), index('restock_orders_supplier_idx').on(t.supplierId)],
);

/** One product of a restock order: how many were ordered, how many have arrived so far, at what unit cost (whole rupiah). */
export const restockOrderLines = pgTable(
  'restock_order_lines',
  {
    id: serial('id').primaryKey(),
    restockOrderId: integer('restock_order_id')
      .notNull()
      .references(() => restockOrders.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
    /** Whole rupiah per unit. */
    unitCost: bigint('unit_cost', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('restock_order_lines_product_uq').on(t.restockOrderId, t.productId),
    check('restock_order_lines_quantity_positive', sql`${t.quantityOrdered} > 0`),
    check('restock_order_lines_received_range', sql`${t.quantityReceived} >= 0 AND ${t.quantityReceived} <= ${t.quantityOrdered}`),
    check('restock_order_lines_cost_nonnegative', sql`${t.unitCost} >= 0`),
  ],
);
