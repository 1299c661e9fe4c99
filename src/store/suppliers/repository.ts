/** Supplier queries (A5). The only suppliers file that talks to the database. */
import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { StoreDb } from '../../db/store-db';
import { products, suppliers } from '../../db/schema';
import type { SuppliedProductRow, SupplierFields, SupplierListRow, SupplierRow, SupplierStatusFilter } from './types';

/** `%`, `_` and `\` typed by the user match themselves, not "anything". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createSupplierRepository(db: StoreDb) {
  function where(q: string, status: SupplierStatusFilter): SQL | undefined {
    const filters: (SQL | undefined)[] = [];
    if (q) filters.push(or(ilike(suppliers.name, likePattern(q)), ilike(suppliers.contactPerson, likePattern(q))));
    if (status !== 'all') filters.push(eq(suppliers.isActive, status === 'active'));
    return and(...filters);
  }

  return {
    async list(
      q: string,
      status: SupplierStatusFilter,
      limit: number,
      offset: number,
    ): Promise<{ rows: SupplierListRow[]; total: number }> {
      const filter = where(q, status);
      const [totalRow] = await db.select({ n: count() }).from(suppliers).where(filter);
      const rows = await db
        .select({
          id: suppliers.id,
          name: suppliers.name,
          contactPerson: suppliers.contactPerson,
          phone: suppliers.phone,
          email: suppliers.email,
          address: suppliers.address,
          notes: suppliers.notes,
          isActive: suppliers.isActive,
          createdAt: suppliers.createdAt,
          // Spelled out: in a one-table select Drizzle leaves columns unqualified, and an unqualified
          // "id" inside this subquery would be the product's id, not the supplier's.
          productCount: sql<number>`(SELECT count(*) FROM products p WHERE p.supplier_id = "suppliers"."id")`.mapWith(Number),
        })
        .from(suppliers)
        .where(filter)
        .orderBy(asc(suppliers.name), asc(suppliers.id))
        .limit(limit)
        .offset(offset);
      return { rows, total: Number(totalRow?.n ?? 0) };
    },

    async find(id: number): Promise<SupplierRow | undefined> {
      const [row] = await db.select().from(suppliers).where(eq(suppliers.id, id));
      return row;
    },

    async insert(fields: SupplierFields): Promise<number> {
      const [row] = await db.insert(suppliers).values(fields).returning({ id: suppliers.id });
      return row!.id;
    },

    async update(id: number, fields: SupplierFields): Promise<boolean> {
      const rows = await db.update(suppliers).set(fields).where(eq(suppliers.id, id)).returning({ id: suppliers.id });
      return rows.length > 0;
    },

    async setActive(id: number, isActive: boolean): Promise<boolean> {
      const rows = await db.update(suppliers).set({ isActive }).where(eq(suppliers.id, id)).returning({ id: suppliers.id });
      return rows.length > 0;
    },

    async productsOf(id: number): Promise<SuppliedProductRow[]> {
      return db
        .select({
          id: products.id,
          slug: products.slug,
          name: products.name,
          sku: products.sku,
          stock: products.stock,
          isActive: products.isActive,
        })
        .from(products)
        .where(eq(products.supplierId, id))
        .orderBy(asc(products.name));
    },
  };
}

export type SupplierRepository = ReturnType<typeof createSupplierRepository>;
