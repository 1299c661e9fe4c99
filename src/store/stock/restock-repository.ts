/**
 * Restock orders to suppliers: their rows and lines, the suppliers and products their form offers.
 * A receipt locks the order row (`lockOrder`, FOR UPDATE) in the transaction that adds the stock.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreExecutor } from '../../db/store-db';
import type {
  RestockLine,
  RestockLineInput,
  RestockOrderHead,
  RestockOrderSummary,
  RestockProductOption,
  RestockStatus,
  RestockSupplier,
} from './types';

type Row = Record<string, unknown>;
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));

const HEAD_COLUMNS = sql`r.id, r.supplier_id, r.status, r.notes, r.created_by, r.created_at, r.updated_at, r.ordered_at, r.received_at`;

function head(r: Row): RestockOrderHead {
  return {
    id: Number(r.id),
    supplierId: Number(r.supplier_id),
    status: r.status as RestockStatus,
    notes: String(r.notes ?? ''),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    orderedAt: dateOrNull(r.ordered_at),
    receivedAt: dateOrNull(r.received_at),
  };
}

export function createRestockRepository(db: StoreExecutor) {
  return {
    /**
     * The suppliers a restock order may name, read here (not through the suppliers area) so this
     * page does not wait for it: active ones, plus `includeId` (the order's current supplier).
     */
    async suppliersForRestockForm(includeId?: number): Promise<RestockSupplier[]> {
      return rowsOf<RestockSupplier>(
        await db.execute(sql`
          SELECT id, name, contact_person AS "contactPerson", phone, email, address, is_active AS "isActive"
          FROM suppliers WHERE is_active OR id = ${includeId ?? null} ORDER BY name, id`),
      );
    },

    async supplierForRestock(ex: StoreExecutor, id: number): Promise<RestockSupplier | undefined> {
      const [row] = rowsOf<RestockSupplier>(
        await ex.execute(sql`
          SELECT id, name, contact_person AS "contactPerson", phone, email, address, is_active AS "isActive"
          FROM suppliers WHERE id = ${id}`),
      );
      return row;
    },

    async productOptions(): Promise<RestockProductOption[]> {
      return rowsOf<RestockProductOption>(await db.execute(sql`SELECT id, name, sku, stock FROM products ORDER BY name, id`)).map((p) => ({
        ...p,
        stock: Number(p.stock),
      }));
    },

    async existingProductIds(ex: StoreExecutor, ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = rowsOf<{ id: number }>(
        await ex.execute(
          sql`SELECT id FROM products WHERE id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        ),
      );
      return new Set(rows.map((r) => Number(r.id)));
    },

    async list(filter: { status?: RestockStatus; limit: number; offset: number }): Promise<{ rows: RestockOrderSummary[]; total: number }> {
      const rows = rowsOf<Row>(
        await db.execute(sql`
          SELECT ${HEAD_COLUMNS}, s.name AS supplier_name, u.name AS creator_name,
            (SELECT count(*) FROM restock_order_lines l WHERE l.restock_order_id = r.id) AS line_count,
            (SELECT coalesce(sum(l.quantity_ordered), 0) FROM restock_order_lines l WHERE l.restock_order_id = r.id) AS units_ordered,
            (SELECT coalesce(sum(l.quantity_received), 0) FROM restock_order_lines l WHERE l.restock_order_id = r.id) AS units_received,
            (SELECT coalesce(sum(l.quantity_ordered * l.unit_cost), 0) FROM restock_order_lines l
              WHERE l.restock_order_id = r.id) AS total_cost,
            count(*) OVER () AS total
          FROM restock_orders r
          JOIN suppliers s ON s.id = r.supplier_id
          LEFT JOIN users u ON u.id = r.created_by
          WHERE (${filter.status ?? null}::text IS NULL OR r.status::text = ${filter.status ?? null})
          ORDER BY r.created_at DESC, r.id DESC
          LIMIT ${filter.limit} OFFSET ${filter.offset}`),
      );
      return {
        rows: rows.map((r) => ({
          ...head(r),
          supplierName: String(r.supplier_name),
          creatorName: r.creator_name === null ? null : String(r.creator_name),
          lineCount: Number(r.line_count),
          unitsOrdered: Number(r.units_ordered),
          unitsReceived: Number(r.units_received),
          totalCost: Number(r.total_cost),
        })),
        total: rows[0] ? Number(rows[0].total) : 0,
      };
    },

    async findOrder(ex: StoreExecutor, id: number): Promise<(RestockOrderHead & { creatorName: string | null }) | undefined> {
      const [row] = rowsOf<Row>(
        await ex.execute(sql`
          SELECT ${HEAD_COLUMNS}, u.name AS creator_name FROM restock_orders r
          LEFT JOIN users u ON u.id = r.created_by WHERE r.id = ${id}`),
      );
      return row ? { ...head(row), creatorName: row.creator_name === null ? null : String(row.creator_name) } : undefined;
    },

    /** Locks the order row until the transaction ends: concurrent receipts of one order run one after the other. */
    async lockOrder(tx: StoreExecutor, id: number): Promise<RestockOrderHead | undefined> {
      const [row] = rowsOf<Row>(await tx.execute(sql`SELECT ${HEAD_COLUMNS} FROM restock_orders r WHERE r.id = ${id} FOR UPDATE`));
      return row ? head(row) : undefined;
    },

    async lines(ex: StoreExecutor, orderId: number): Promise<RestockLine[]> {
      const rows = rowsOf<Row>(
        await ex.execute(sql`
          SELECT l.id, l.product_id, l.quantity_ordered, l.quantity_received, l.unit_cost, p.name, p.sku, p.brand
          FROM restock_order_lines l JOIN products p ON p.id = l.product_id
          WHERE l.restock_order_id = ${orderId} ORDER BY l.id`),
      );
      return rows.map((r) => ({
        id: Number(r.id),
        productId: Number(r.product_id),
        quantityOrdered: Number(r.quantity_ordered),
        quantityReceived: Number(r.quantity_received),
        unitCost: Number(r.unit_cost),
        productName: String(r.name),
        sku: String(r.sku),
        brand: String(r.brand),
      }));
    },

    async insertOrder(tx: StoreExecutor, input: { supplierId: number; notes: string; createdBy: number | null }): Promise<number> {
      const [row] = rowsOf<{ id: number }>(
        await tx.execute(sql`
          INSERT INTO restock_orders (supplier_id, notes, created_by) VALUES (${input.supplierId}, ${input.notes}, ${input.createdBy})
          RETURNING id`),
      );
      return Number(row!.id);
    },

    async updateDraft(tx: StoreExecutor, id: number, input: { supplierId: number; notes: string }): Promise<void> {
      await tx.execute(sql`
        UPDATE restock_orders SET supplier_id = ${input.supplierId}, notes = ${input.notes}, updated_at = now() WHERE id = ${id}`);
    },

    async replaceLines(tx: StoreExecutor, orderId: number, lines: readonly RestockLineInput[]): Promise<void> {
      await tx.execute(sql`DELETE FROM restock_order_lines WHERE restock_order_id = ${orderId}`);
      for (const line of lines) {
        await tx.execute(sql`
          INSERT INTO restock_order_lines (restock_order_id, product_id, quantity_ordered, unit_cost)
          VALUES (${orderId}, ${line.productId}, ${line.quantityOrdered}, ${line.unitCost})`);
      }
    },

    async setStatus(tx: StoreExecutor, id: number, status: RestockStatus): Promise<void> {
      await tx.execute(sql`
        UPDATE restock_orders SET status = ${status}, updated_at = now(),
          ordered_at = CASE WHEN ${status} = 'ordered' THEN now() ELSE ordered_at END,
          received_at = CASE WHEN ${status} = 'received' THEN now() ELSE received_at END
        WHERE id = ${id}`);
    },

    async addReceived(tx: StoreExecutor, lineId: number, quantity: number): Promise<void> {
      await tx.execute(sql`UPDATE restock_order_lines SET quantity_received = quantity_received + ${quantity} WHERE id = ${lineId}`);
    },

    async touch(tx: StoreExecutor, id: number): Promise<void> {
      await tx.execute(sql`UPDATE restock_orders SET updated_at = now() WHERE id = ${id}`);
    },
  };
}

export type RestockRepository = ReturnType<typeof createRestockRepository>;
