/** Shared by the checkout and order tests: fill a cart, read the checkout form, place an order. */
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { orders, products } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import type { TestBrowser } from './accounts-client';
import { guestToken, postJson } from './cart-helpers';

export const GUEST_ADDRESS = {
  recipient: 'Rina Distorsi',
  phone: '0812-3456-7890',
  street: 'Jl. Riau No. 17, RT 02/RW 05, Citarum, Bandung Wetan',
  city: 'Kota Bandung',
  province: 'Jawa Barat',
  postalCode: '40115',
};

export async function addToCart(app: FastifyInstance, b: TestBrowser, productId: number, quantity = 1) {
  if (!b.csrf) await guestToken(b);
  const res = await postJson(app, b, '/keranjang/tambah', { product: productId, quantity });
  if (res.status !== 200) throw new Error(`add to cart failed: ${res.status} ${JSON.stringify(res.json)}`);
}

/** The hidden fields of the checkout form as the page rendered them. */
export function checkoutFields(html: string): { key: string; quote: string; shipping: string } {
  const key = /name="key" value="([^"]+)"/.exec(html)?.[1];
  const quote = /name="quote" value="([^"]*)"/.exec(html)?.[1];
  const shipping = /name="shipping" id="ship-[^"]+" value="([^"]+)" checked/.exec(html)?.[1] ?? '';
  if (!key || quote === undefined) throw new Error('no checkout form on the page');
  return { key, quote, shipping };
}

/** Opens /checkout and submits it with the page's own hidden fields plus `form`. */
export async function placeOrder(b: TestBrowser, form: Record<string, string>) {
  const page = await b.get('/checkout');
  if (page.status !== 200) throw new Error(`checkout page answered ${page.status}`);
  const fields = checkoutFields(page.body);
  return b.post('/checkout', { key: fields.key, quote: fields.quote, shipping: fields.shipping, payment: 'bank_transfer', ...form });
}

export async function stockOf(db: StoreDb, productId: number): Promise<number> {
  const [row] = await db.select({ stock: products.stock }).from(products).where(eq(products.id, productId));
  return row!.stock;
}

/** Sum of the stock movements of a product (for one order, when given). */
export async function movementsSum(db: StoreDb, productId: number, orderId?: number): Promise<number> {
  const byOrder = orderId === undefined ? sql`` : sql` AND order_id = ${orderId}`;
  const result = (await db.execute(
    sql`SELECT COALESCE(SUM(change), 0)::int AS n FROM stock_movements WHERE product_id = ${productId}${byOrder}`,
  )) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]!.n);
}

export async function orderByNumber(db: StoreDb, number: string) {
  const [row] = await db.select().from(orders).where(eq(orders.number, number));
  return row;
}

/** "HR-…" from an order page address such as /pesanan/HR-261201-ABCDEF?k=…&baru=1 */
export function numberFrom(location: string | undefined): string {
  const m = /\/pesanan\/(HR-\d{6}-[0-9A-Z]{6})/.exec(location ?? '');
  if (!m) throw new Error(`not an order address: ${location}`);
  return m[1]!;
}
