/**
 * Every route the store registers, called as anonymous / customer / staff / admin. Routes come
 * from Fastify itself (the onRoute collector in plugins/auth.ts), so a route added later is
 * checked too: a public route must be listed in PUBLIC below, a customer page in CUSTOMER, a
 * staff page in STAFF; anything else is expected to be admin-only. A new route without a guard
 * therefore fails this test until someone decides, in this file, who may call it. Routes inside
 * the admin area are staff+ by its one guard, admin-only where they say so; unknown admin paths
 * answer outsiders like real admin pages.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRole } from '../../src/db/schema';
import { registerAuth } from '../../src/store/plugins/auth';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, TestBrowser } from './accounts-client';

/** Anyone, logged in or not. */
const PUBLIC = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /',
  'GET /produk',
  'GET /produk/:slug',
  'GET /produk/*',
  'GET /toko',
  'GET /sitemap.xml',
  'GET /robots.txt',
  'GET /api/v1/products',
  'GET /api/v1/products/suggest',
  'GET /api/v1/products/:slug',
  'GET /api/v1/categories',
  'GET /api/openapi.json',
  'GET /api/docs',
  // The cart belongs to the account or to the guest's session (K1).
  'GET /keranjang',
  'GET /keranjang/token',
  'POST /keranjang/tambah',
  'POST /keranjang/ubah',
  'POST /keranjang/hapus',
  'POST /keranjang/konfirmasi',
  // Checkout works for guests; an order page answers its owner, staff or the signed guest link
  // (a 404 for anyone else, checked in checkout.test.ts and orders.test.ts).
  'GET /checkout',
  'POST /checkout',
  'GET /pesanan/:number',
  'GET /pesanan/:number/faktur.pdf',
  'POST /pesanan/:number/bukti-transfer',
  'GET /pesanan/:number/bukti-transfer.jpg',
  'POST /pesanan/:number/batal',
  'POST /pesanan/:number/beli-lagi',
  'POST /pesanan/:number/bayar',
  // Payment providers' notifications: no session, no CSRF; the provider's signature is the credential (P3).
  'POST /webhooks/:provider',
  'GET /masuk',
  'POST /masuk',
  'POST /keluar',
  'GET /daftar',
  'POST /daftar',
  'GET /verifikasi-email',
  'GET /lupa-password',
  'POST /lupa-password',
  'GET /reset-password',
  'POST /reset-password',
  // The second step of a staff login: it answers only a session holding a pending login (U6).
  'GET /masuk/verifikasi',
  'POST /masuk/verifikasi',
  // A staff invitation (A8): the signed, single-use link is the credential.
  'GET /undangan',
  'POST /undangan',
  // Chat: the guest pre-chat form, and the Socket.IO proxy (the chat service checks its own token).
  'GET /chat/guest',
  'POST /chat/guest',
  'GET /chat/socket.io',
  'POST /chat/socket.io',
  'GET /chat/socket.io/*',
  'POST /chat/socket.io/*',
  // Image attachments, proxied likewise: the chat service checks the Bearer token and who may see each image.
  'GET /chat/api',
  'POST /chat/api',
  'GET /chat/api/*',
  'POST /chat/api/*',
]);

/** Any logged-in user (customer, staff, admin). */
const CUSTOMER = new Set([
  'GET /akun',
  'POST /akun/profil',
  'POST /akun/password',
  'POST /akun/keluar-semua',
  'POST /akun/verifikasi/kirim-ulang',
  'GET /akun/alamat',
  'POST /akun/alamat',
  'GET /akun/alamat/:id/ubah',
  'POST /akun/alamat/:id',
  'POST /akun/alamat/:id/hapus',
  'POST /akun/alamat/:id/utama',
  'GET /chat/token',
  'GET /akun/pesanan',
  // Personal access tokens on the account page, and the signed-in JSON API (X10): a token or the session.
  'GET /akun/token-api',
  'POST /akun/token-api',
  'POST /akun/token-api/:id/cabut',
  'GET /api/v1/cart',
  'POST /api/v1/cart/items',
  'PATCH /api/v1/cart/items/:product_id',
  'DELETE /api/v1/cart/items/:product_id',
  'GET /api/v1/checkout/quote',
  'GET /api/v1/orders',
  'GET /api/v1/orders/:number',
]);

/** Staff and admin: orders and chat (docs/security.md). */
const STAFF = new Set([
  'GET /admin',
  'GET /admin/chat',
  'GET /admin/chat/pelanggan/:customerId',
  // The orders desk (A6): staff work the orders every day.
  'GET /admin/pesanan',
  'GET /admin/pesanan/perlu-tindakan',
  'GET /admin/pesanan/:number',
  'POST /admin/pesanan/:number/status',
  'GET /admin/pesanan/:number/label.pdf',
  'GET /admin/pesanan/:number/label-alamat.pdf',
  'GET /admin/pesanan/:number/slip-paket.pdf',
  'GET /admin/pesanan/:number/faktur.pdf',
  'POST /admin/pesanan/cetak',
  'POST /admin/pesanan/:number/catatan',
  // Every staff member's own two-factor settings (U6): no id in the URL, always the signed-in user.
  'GET /admin/akun/keamanan',
  'POST /admin/akun/keamanan/aktifkan',
  'POST /admin/akun/keamanan/konfirmasi',
  'POST /admin/akun/keamanan/kode-pemulihan',
  'POST /admin/akun/keamanan/nonaktifkan',
  // Probes registered below inside the admin area with no role of their own: its guard's staff+.
  'GET /admin/probe-unguarded',
  'POST /admin/probe-unguarded',
]);

type Who = 'anonymous' | UserRole;
const RANK: Record<Who, number> = { anonymous: 0, customer: 1, staff: 2, admin: 3 };

function expectedLevel(key: string): Who {
  if (PUBLIC.has(key)) return 'anonymous';
  if (CUSTOMER.has(key)) return 'customer';
  if (STAFF.has(key)) return 'staff';
  return 'admin';
}

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');
const PASSWORD = 'Matrix-Password-2026';

describe('routes under /admin', () => {
  it('can only be registered inside the admin area, under its guard', () => {
    const app = Fastify();
    registerAuth(app);
    expect(() => app.get('/admin/sneaky', async () => ({ ok: true }))).toThrow(/admin area/);
    expect(() => app.get('/administrasi', async () => ({ ok: true }))).not.toThrow();
  });
});

describe.each(dbTargets)('authorization matrix on %s', (target) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(target, {
      sampleData: false,
      // Admin routes registered with no guard of their own: the area's guard must cover them;
      // an admin-only page refines it per route.
      adminRoutes: (admin: FastifyInstance) => {
        admin.get('/probe-unguarded', async () => ({ ok: true }));
        admin.post('/probe-unguarded', async () => ({ ok: true }));
        admin.get('/probe-admin-only', { config: { role: 'admin' } }, async () => ({ ok: true }));
      },
    });
    for (const role of ['customer', 'staff', 'admin'] as const) {
      await createUser(store.database.db, { email: `${role}@matrix.example`, role, password: PASSWORD });
    }
  });
  afterAll(() => store?.close());

  async function browserFor(who: Who) {
    const b = new TestBrowser(store.app, '192.0.2.50');
    if (who === 'anonymous') await b.get('/masuk');
    else expect((await b.login(`${who}@matrix.example`, PASSWORD)).status).toBe(303);
    return b;
  }

  it('knows every route and guards everything under /admin', () => {
    const routes = store.app.registeredRoutes;
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      if (r.url.startsWith('/admin')) expect(r.role, r.url).toBeDefined();
    }
    expect(routes.find((r) => r.url === '/admin/probe-unguarded')?.role).toBe('staff');
    expect(routes.find((r) => r.url === '/admin/probe-admin-only')?.role).toBe('admin');
  });

  it('answers an unknown admin path like a guarded page: login, 403, or the admin 404 for staff', async () => {
    const url = '/admin/anything-new';
    for (const who of ['anonymous', 'customer', 'staff', 'admin'] as const) {
      const b = await browserFor(who);
      const page = await b.get(url);
      const json = await b.request('GET', url, { headers: { accept: 'application/json' } });
      const post = await b.post(url, {});
      if (who === 'anonymous') {
        expect(page.status, who).toBe(303);
        expect(page.location).toBe('/masuk?next=%2Fadmin%2Fanything-new&pesan=login');
        expect(json.status, who).toBe(401);
        expect(post.status, who).toBe(303);
        expect(post.location).toMatch(/^\/masuk\?next=/);
      } else if (who === 'customer') {
        expect(page.status, who).toBe(403);
        expect(page.body).not.toContain('admin-frame');
        expect(json.status, who).toBe(403);
        expect(JSON.parse(json.body).error.code).toBe('forbidden');
        expect(post.status, who).toBe(403);
      } else {
        expect(page.status, who).toBe(404);
        expect(page.body).toContain('class="admin-frame"');
        expect(page.body).toContain('Halaman admin tidak ditemukan');
        expect(json.status, who).toBe(404);
        expect(JSON.parse(json.body).error.code).toBe('not_found');
      }
    }
  });

  it.each(['anonymous', 'customer', 'staff', 'admin'] as const)('as %s every route answers as the matrix says', async (who) => {
    let b = await browserFor(who);
    const problems: string[] = [];
    for (const route of store.app.registeredRoutes) {
      const key = `${route.method} ${route.url}`;
      if (route.method !== 'GET' && route.method !== 'POST') continue;
      // Logging out (POST /keluar, /akun/keluar-semua) ends the session: log in again.
      if (who !== 'anonymous' && !b.cookies.has('sid')) b = await browserFor(who);
      const url = concrete(route.url);
      const res = route.method === 'GET' ? await b.get(url) : await b.post(url, {});
      const allowed = RANK[who] >= RANK[expectedLevel(key)];
      const toLogin = res.status === 303 && (res.location ?? '').startsWith('/masuk?next=');
      if (allowed) {
        if (res.status === 401 || res.status === 403 || toLogin)
          problems.push(`${key}: expected allowed, got ${res.status} ${res.location ?? ''}`);
      } else if (who === 'anonymous') {
        // Under /api/ every answer is JSON, a page request's too.
        const apiRefusal = url.startsWith('/api/') && res.status === 401;
        if (!toLogin && !apiRefusal) problems.push(`${key}: expected redirect to login, got ${res.status}`);
        const json = await b.request(route.method, url, { headers: { accept: 'application/json' } });
        if (json.status !== 401) problems.push(`${key}: expected JSON 401, got ${json.status}`);
      } else {
        if (res.status !== 403) problems.push(`${key}: expected 403, got ${res.status}`);
        const json = await b.request(route.method, url, { headers: { accept: 'application/json', 'x-csrf-token': b.csrf ?? '' } });
        if (json.status !== 403 || JSON.parse(json.body).error?.code !== 'forbidden')
          problems.push(`${key}: expected JSON 403, got ${json.status}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
