/**
 * Who may call the signed-in JSON API (X10), on both databases: a bearer token acts for its owner
 * without CSRF, within its scope; a cookie caller needs the CSRF token for a change; bad, revoked
 * and deactivated tokens get 401 in the one error shape; orders are the caller's own (404 for
 * anyone else's, staff included); a staff token opens nothing under /admin; signed-in calls are
 * rate limited per token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTokenSecret } from '../../src/store/api-tokens/secret';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, deactivate, PASSWORD, TestBrowser } from './accounts-client';
import { api, createTokenOnPage } from './api-helpers';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, placeOrder } from './checkout-helpers';

const RATE_LIMIT = 40;

describe.each(dbTargets)('JSON API authentication on %s', (target) => {
  let store: TestStore;
  let db: TestStore['database']['db'];
  let product: Awaited<ReturnType<typeof productBySlug>>;
  let rina: TestBrowser;
  let rinaRead: string;
  let rinaWrite: string;
  let rinaOrder: string;

  beforeAll(async () => {
    store = await createTestStore(target, { env: { API_RATE_LIMIT: String(RATE_LIMIT) } });
    db = store.database.db;
    product = await productBySlug(db, 'yamaha-f310');
    for (const [email, role] of [
      ['rina@api.example', 'customer'],
      ['budi@api.example', 'customer'],
      ['staff@api.example', 'staff'],
      ['gone@api.example', 'customer'],
    ] as const) {
      await createUser(db, { email, role, name: email.split('@')[0] });
    }
    rina = new TestBrowser(store.app, '203.0.113.41');
    await rina.login('rina@api.example', PASSWORD);
    rinaRead = await createTokenOnPage(rina, 'reader', 'read');
    rinaWrite = await createTokenOnPage(rina, 'writer', 'write');
    await addToCart(store.app, rina, product.id, 1);
    const placed = await placeOrder(rina, GUEST_ADDRESS);
    expect(placed.status).toBe(303);
    rinaOrder = numberFrom(placed.location);
  });
  afterAll(() => store?.close());

  async function tokenFor(email: string, scope: 'read' | 'write') {
    const b = new TestBrowser(store.app, '203.0.113.42');
    await b.login(email, PASSWORD);
    return { browser: b, token: await createTokenOnPage(b, `${scope} token`, scope) };
  }

  it('answers anonymous, malformed, unknown and foreign-scheme credentials with 401 in the error shape', async () => {
    const anonymous = await api(store.app, 'GET', '/api/v1/cart');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('unauthenticated');
    for (const header of [`Bearer ${newTokenSecret()}`, 'Bearer hrt_short', 'Basic cmluYTpwYXNz', `Bearer ${rinaRead}x`]) {
      const res = await api(store.app, 'GET', '/api/v1/orders', { headers: { authorization: header } });
      expect(res.status, header).toBe(401);
      expect(res.json).toEqual({ error: { code: 'invalid_token', message: expect.any(String) } });
      expect(res.headers['www-authenticate']).toContain('Bearer');
    }
    // Public catalog reads need nothing, but a broken token is still refused rather than ignored.
    expect((await api(store.app, 'GET', '/api/v1/categories')).status).toBe(200);
    expect((await api(store.app, 'GET', '/api/v1/categories', { token: newTokenSecret() })).status).toBe(401);
  });

  it('lets a read token read, and refuses it any change with 403 insufficient_scope', async () => {
    const cart = await api(store.app, 'GET', '/api/v1/cart', { token: rinaRead });
    expect(cart.status).toBe(200);
    expect(cart.headers['cache-control']).toBe('private, no-store');
    const refused = await api(store.app, 'POST', '/api/v1/cart/items', { token: rinaRead, body: { product_id: product.id } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('insufficient_scope');
    for (const method of ['PATCH', 'DELETE'] as const) {
      const res = await api(store.app, method, `/api/v1/cart/items/${product.id}`, { token: rinaRead, body: { quantity: 1 } });
      expect(res.status, method).toBe(403);
    }
  });

  it('lets a write token change the cart without any CSRF token or cookie', async () => {
    const added = await api(store.app, 'POST', '/api/v1/cart/items', { token: rinaWrite, body: { product_id: product.id, quantity: 2 } });
    expect(added.status).toBe(200);
    const line = added.json.data.lines.find((l: { product_id: number }) => l.product_id === product.id);
    expect(line).toMatchObject({ quantity: 2, unit_price: product.price, line_total: product.price * 2 });
    // The same cart as the shop's pages show for the account.
    const page = await rina.get('/keranjang');
    expect(page.body).toContain(product.name);
    const changed = await api(store.app, 'PATCH', `/api/v1/cart/items/${product.id}`, { token: rinaWrite, body: { quantity: 1 } });
    expect(changed.json.data.units).toBe(1);
    const removed = await api(store.app, 'DELETE', `/api/v1/cart/items/${product.id}`, { token: rinaWrite });
    expect(removed.status).toBe(200);
    expect(removed.json.data.lines).toEqual([]);
    const gone = await api(store.app, 'DELETE', `/api/v1/cart/items/${product.id}`, { token: rinaWrite });
    expect(gone.status).toBe(404);
    expect(gone.json.error.fields).toHaveProperty('product_id');
  });

  it('names each bad field of a body or parameter', async () => {
    const res = await api(store.app, 'POST', '/api/v1/cart/items', { token: rinaWrite, body: { product_id: 'abc', quantity: 0 } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['product_id', 'quantity']);
    const tooMany = await api(store.app, 'POST', '/api/v1/cart/items', {
      token: rinaWrite,
      body: { product_id: product.id, quantity: 99_999 },
    });
    expect(tooMany.status).toBe(409);
    expect(tooMany.json.error).toMatchObject({ code: 'insufficient_stock', fields: { quantity: expect.any(String) } });
    const query = await api(store.app, 'GET', '/api/v1/orders?per_page=500', { token: rinaRead });
    expect(query.status).toBe(400);
    expect(query.json.error.fields).toHaveProperty('per_page');
  });

  it('wants the CSRF token when the session cookie authenticates a change', async () => {
    const cookieOnly = await api(store.app, 'POST', '/api/v1/cart/items', { browser: rina, body: { product_id: product.id } });
    expect(cookieOnly.status).toBe(403);
    expect(cookieOnly.json.error.code).toBe('csrf');
    await rina.get('/akun');
    const withToken = await api(store.app, 'POST', '/api/v1/cart/items', { browser: rina, csrf: true, body: { product_id: product.id } });
    expect(withToken.status).toBe(200);
    expect((await api(store.app, 'GET', '/api/v1/cart', { browser: rina })).json.data.units).toBe(1);
    await api(store.app, 'DELETE', `/api/v1/cart/items/${product.id}`, { browser: rina, csrf: true });
  });

  it('acts for the token’s owner even when another account’s cookie rides along', async () => {
    const budi = await tokenFor('budi@api.example', 'write');
    const res = await api(store.app, 'GET', '/api/v1/orders', { token: budi.token, browser: rina });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual([]);
  });

  it('shows the caller’s own orders; someone else’s order is a 404, for staff too', async () => {
    const list = await api(store.app, 'GET', '/api/v1/orders', { token: rinaRead });
    expect(list.json.data.map((o: { number: string }) => o.number)).toEqual([rinaOrder]);
    const own = await api(store.app, 'GET', `/api/v1/orders/${rinaOrder}`, { token: rinaRead });
    expect(own.status).toBe(200);
    expect(own.json.data).toMatchObject({ number: rinaOrder, status: 'awaiting_payment', currency: 'IDR' });
    expect(own.json.data.total).toBe(own.json.data.subtotal + own.json.data.shipping);

    const budi = await tokenFor('budi@api.example', 'read');
    const foreign = await api(store.app, 'GET', `/api/v1/orders/${rinaOrder}`, { token: budi.token });
    const missing = await api(store.app, 'GET', '/api/v1/orders/HR-000000-AAAAAA', { token: budi.token });
    expect(foreign.status).toBe(404);
    expect(foreign.json).toEqual(missing.json);
    const staff = await tokenFor('staff@api.example', 'write');
    expect((await api(store.app, 'GET', `/api/v1/orders/${rinaOrder}`, { token: staff.token })).status).toBe(404);
    // Also with the staff member's cookie: the API answers for the account only.
    expect((await api(store.app, 'GET', `/api/v1/orders/${rinaOrder}`, { browser: staff.browser })).status).toBe(404);
  });

  it('gives a staff token no way into the back office', async () => {
    const staff = await tokenFor('staff@api.example', 'write');
    const page = await store.app.inject({ method: 'GET', url: '/admin/pesanan', headers: { authorization: `Bearer ${staff.token}` } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/masuk\?next=/);
    const json = await api(store.app, 'GET', '/admin/pesanan', { token: staff.token });
    expect(json.status).toBe(401);
    const account = await store.app.inject({ method: 'GET', url: '/akun', headers: { authorization: `Bearer ${staff.token}` } });
    expect(account.statusCode).toBe(303);
  });

  it('stops a deactivated account’s tokens', async () => {
    const gone = await tokenFor('gone@api.example', 'read');
    expect((await api(store.app, 'GET', '/api/v1/cart', { token: gone.token })).status).toBe(200);
    const [row] = await db.query.users.findMany({ where: (u, { eq }) => eq(u.email, 'gone@api.example') });
    await deactivate(db, row!.id);
    const res = await api(store.app, 'GET', '/api/v1/cart', { token: gone.token });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('invalid_token');
  });

  it(`rate limits signed-in calls per token (${RATE_LIMIT} a minute), answering 429 with Retry-After`, async () => {
    const first = await tokenFor('budi@api.example', 'read');
    const second = await tokenFor('budi@api.example', 'read');
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT; i++) statuses.push((await api(store.app, 'GET', '/api/v1/cart', { token: first.token })).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await api(store.app, 'GET', '/api/v1/orders', { token: first.token });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another token of the same account has its own count, from the same address.
    expect((await api(store.app, 'GET', '/api/v1/cart', { token: second.token })).status).toBe(200);
  });
});
