/**
 * The contract test (X10): every operation the generated OpenAPI document lists is called, with
 * its success and its documented failures, and every answer's status must be documented and its
 * body must validate against the document's schema for that status (ajv, JSON Schema 2020-12 as
 * OpenAPI 3.1 uses, formats checked). An operation added to the API without a call here fails the
 * last test, so the document and the routes cannot drift apart unnoticed.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { type ApiAnswer, api, createTokenOnPage } from './api-helpers';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, placeOrder } from './checkout-helpers';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe.each(dbTargets)('the API answers as its OpenAPI document says on %s', (target) => {
  let store: TestStore;
  let doc: any;
  let ajv: Ajv2020;
  const seen = new Map<string, Set<number>>();
  let reader: string;
  let writer: string;
  let productId: number;
  let productSlug: string;
  let orderNumber: string;

  beforeAll(async () => {
    store = await createTestStore(target, { env: { SUGGEST_RATE_LIMIT: '5', API_RATE_LIMIT: '60' } });
    doc = (await store.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');

    const db = store.database.db;
    const product = await productBySlug(db, 'yamaha-f310');
    productId = product.id;
    productSlug = product.slug;
    await createUser(db, { email: 'kontrak@api.example', name: 'Kontrak' });
    const b = new TestBrowser(store.app, '203.0.113.61');
    await b.login('kontrak@api.example', PASSWORD);
    reader = await createTokenOnPage(b, 'reader', 'read');
    writer = await createTokenOnPage(b, 'writer', 'write');
    await addToCart(store.app, b, productId, 1);
    const placed = await placeOrder(b, GUEST_ADDRESS);
    orderNumber = numberFrom(placed.location);
  });
  afterAll(() => store?.close());

  /** JSON pointer escaping of one path segment. */
  const pointer = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

  /** Calls `url` and checks the answer against the operation `method path` of the document. */
  async function call(method: Method, path: string, url: string, opts: Parameters<typeof api>[3] = {}): Promise<ApiAnswer> {
    const res = await api(store.app, method, url, opts);
    const operation = doc.paths[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path} is documented`).toBeDefined();
    expect(Object.keys(operation.responses), `${method} ${url} answered ${res.status}`).toContain(String(res.status));
    expect(res.headers['content-type'], `${method} ${url}`).toContain('application/json');
    const ref = `openapi.json#/paths/${pointer(path)}/${method.toLowerCase()}/responses/${res.status}/content/application~1json/schema`;
    const validate = ajv.getSchema(ref);
    expect(validate, ref).toBeDefined();
    if (!validate!(res.json)) {
      throw new Error(`${method} ${url} → ${res.status} does not match the document: ${ajv.errorsText(validate!.errors)}`);
    }
    const key = `${method} ${path}`;
    if (!seen.has(key)) seen.set(key, new Set());
    seen.get(key)!.add(res.status);
    return res;
  }

  async function catalog() {
    const list = await call('GET', '/api/v1/products', '/api/v1/products?per_page=48');
    expect(list.json.data.length).toBeGreaterThan(0);
    await call('GET', '/api/v1/products', '/api/v1/products?q=gitar&sort=price_asc&brand=Yamaha&brand=Ibanez&in_stock=true');
    expect((await call('GET', '/api/v1/products', '/api/v1/products?page=0&sort=cheap')).status).toBe(400);
    await call('GET', '/api/v1/products/suggest', '/api/v1/products/suggest?q=gitar');
    await call('GET', '/api/v1/products/suggest', '/api/v1/products/suggest?q=g');
    expect((await call('GET', '/api/v1/products/suggest', '/api/v1/products/suggest')).status).toBe(400);
    const categories = await call('GET', '/api/v1/categories', '/api/v1/categories');
    const badToken = { token: `hrt_${'0'.repeat(43)}` };
    expect((await call('GET', '/api/v1/categories', '/api/v1/categories', badToken)).status).toBe(401);
    expect(categories.json.data.length).toBeGreaterThan(0);
    const one = await call('GET', '/api/v1/products/{slug}', `/api/v1/products/${productSlug}`);
    expect(one.json.data.id).toBe(productId);
    expect((await call('GET', '/api/v1/products/{slug}', '/api/v1/products/no-such-guitar')).status).toBe(404);
  }

  async function suggestLimit() {
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i++) {
      status = (await call('GET', '/api/v1/products/suggest', '/api/v1/products/suggest?q=bass', { remoteAddress: '198.51.100.9' })).status;
    }
    expect(status).toBe(429);
  }

  async function cart() {
    expect((await call('GET', '/api/v1/cart', '/api/v1/cart')).status).toBe(401);
    expect((await call('GET', '/api/v1/cart', '/api/v1/cart', { token: `hrt_${'x'.repeat(43)}` })).status).toBe(401);
    await call('GET', '/api/v1/cart', '/api/v1/cart', { token: reader });
    const items = '/api/v1/cart/items';
    const added = await call('POST', items, items, { token: writer, body: { product_id: productId, quantity: 2 } });
    expect(added.json.data.units).toBe(2);
    expect((await call('POST', items, items, { token: writer, body: { product_id: -1 } })).status).toBe(400);
    expect((await call('POST', items, items, { token: reader, body: { product_id: productId } })).status).toBe(403);
    expect((await call('POST', items, items, { token: writer, body: { product_id: 999_999_999 } })).status).toBe(404);
    expect((await call('POST', items, items, { token: writer, body: { product_id: productId, quantity: 999_999 } })).status).toBe(409);
    const line = '/api/v1/cart/items/{product_id}';
    expect((await call('PATCH', line, `${items}/${productId}`, { token: writer, body: { quantity: 1 } })).json.data.units).toBe(1);
    expect((await call('PATCH', line, `${items}/${productId}`, { token: writer, body: { quantity: 'many' } })).status).toBe(400);
    expect((await call('PATCH', line, `${items}/${productId}`, { token: writer, body: { quantity: 999_999 } })).status).toBe(409);
    expect((await call('PATCH', line, `${items}/999999999`, { token: writer, body: { quantity: 1 } })).status).toBe(404);
    expect((await call('PATCH', line, `${items}/${productId}`, { token: reader, body: { quantity: 1 } })).status).toBe(403);
    expect((await call('DELETE', line, `${items}/abc`, { token: writer })).status).toBe(400);
    expect((await call('DELETE', line, `${items}/${productId}`, { token: writer })).status).toBe(200);
    expect((await call('DELETE', line, `${items}/${productId}`, { token: writer })).status).toBe(404);
  }

  async function quote() {
    const quote = '/api/v1/checkout/quote';
    const empty = await call('GET', quote, quote, { token: reader });
    expect(empty.json.data).toMatchObject({ lines: [], total: 0, shipping: null });
    await call('POST', '/api/v1/cart/items', '/api/v1/cart/items', { token: writer, body: { product_id: productId, quantity: 1 } });
    const cheapest = await call('GET', quote, quote, { token: reader });
    const q = cheapest.json.data;
    expect(q.shipping_options.length).toBeGreaterThan(1);
    expect(q.shipping).toBe(Math.min(...q.shipping_options.map((o: { charge: number }) => o.charge)));
    expect(q.total).toBe(q.subtotal + q.shipping);
    const dearest = [...q.shipping_options].sort((a, b) => b.charge - a.charge)[0];
    const chosen = await call('GET', quote, `${quote}?shipping=${dearest.code}`, { token: reader });
    expect(chosen.json.data).toMatchObject({ selected_shipping: dearest.code, total: q.subtotal + dearest.charge });
    expect((await call('GET', quote, `${quote}?shipping=teleport`, { token: reader })).status).toBe(400);
    expect((await call('GET', quote, quote)).status).toBe(401);
  }

  async function orders() {
    const list = await call('GET', '/api/v1/orders', '/api/v1/orders?page=1&per_page=5', { token: reader });
    expect(list.json.meta).toMatchObject({ page: 1, per_page: 5, total: 1 });
    expect((await call('GET', '/api/v1/orders', '/api/v1/orders?page=x', { token: reader })).status).toBe(400);
    const one = await call('GET', '/api/v1/orders/{number}', `/api/v1/orders/${orderNumber}`, { token: reader });
    expect(one.json.data.items).toHaveLength(1);
    expect((await call('GET', '/api/v1/orders/{number}', '/api/v1/orders/HR-000000-AAAAAA', { token: reader })).status).toBe(404);
  }

  async function tokenLimit() {
    let last: ApiAnswer | undefined;
    for (let i = 0; i < 80 && last?.status !== 429; i++) last = await call('GET', '/api/v1/orders', '/api/v1/orders', { token: reader });
    expect(last!.status).toBe(429);
    expect(last!.headers['retry-after']).toBeDefined();
  }

  function coverage() {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, { responses: Record<string, unknown> }>).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        success: Object.keys(op.responses).filter((s) => s.startsWith('2')),
      })),
    );
    expect(documented.length).toBeGreaterThanOrEqual(11);
    for (const { key, success } of documented) {
      expect(seen.has(key), `${key} was never called`).toBe(true);
      for (const status of success) expect(seen.get(key)!.has(Number(status)), `${key} never answered ${status}`).toBe(true);
    }
  }

  // One test, in this order (the file's tests are otherwise shuffled): the cart is empty before the
  // quote fills it, the per-token limit is spent last, and the coverage check sees every call.
  it('answers every operation as documented, and every operation was called', async () => {
    await catalog();
    await suggestLimit();
    await cart();
    await quote();
    await orders();
    await tokenLimit();
    coverage();
  });
});
