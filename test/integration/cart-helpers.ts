/** Shared by the cart integration tests: JSON requests the way web/cart.ts sends them. */
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { products } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import type { TestBrowser } from './accounts-client';

/** A guest's first step: a session and its token, as web/cart.ts does on a cached page. */
export async function guestToken(b: TestBrowser): Promise<string> {
  const res = await b.get('/keranjang/token', { accept: 'application/json' });
  b.csrf = (JSON.parse(res.body) as { token: string }).token;
  return b.csrf;
}

/** POST with a JSON body and the `x-csrf-token` header; the browser's cookies ride along. */
export async function postJson(app: FastifyInstance, b: TestBrowser, url: string, data: unknown, token = b.csrf ?? '') {
  const res = await app.inject({
    method: 'POST',
    url,
    remoteAddress: '203.0.113.10',
    headers: {
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': token,
    },
    payload: JSON.stringify(data),
  });
  return { status: res.statusCode, json: res.json() as any };
}

export async function productBySlug(db: StoreDb, slug: string) {
  const [row] = await db.select().from(products).where(eq(products.slug, slug));
  if (!row) throw new Error(`no sample product ${slug}`);
  return row;
}

export async function setProduct(db: StoreDb, id: number, values: Partial<{ price: number; stock: number; isActive: boolean }>) {
  await db.update(products).set(values).where(eq(products.id, id));
}

/** The number in the navbar badge of a page, or 0 when the badge is hidden. */
export function badgeOf(html: string): number {
  const m = /<span class="cart-badge" data-cart-badge="true" aria-hidden="true"( hidden)?>([^<]*)<\/span>/.exec(html);
  if (!m) throw new Error('no cart badge on the page');
  return m[1] ? 0 : Number(m[2]);
}
