/**
 * A11 the audit log through HTTP on both databases: a price change, a hand stock adjustment and a
 * confirmed transfer each write exactly one entry (who, from where, before and after) in the
 * change's transaction, refused changes write none; the log page filters by person, action and
 * date, is admin-only, and the table refuses to be rewritten. Also: the back office keeps a theme
 * of its own.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, products } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { addToCart, GUEST_ADDRESS, numberFrom, placeOrder } from './checkout-helpers';

const productForm = (p: typeof products.$inferSelect, extra: Record<string, string>) => ({
  name: p.name,
  slug: p.slug,
  sku: p.sku,
  brand: p.brand,
  model: p.model ?? '',
  categoryId: String(p.categoryId),
  supplierId: p.supplierId ? String(p.supplierId) : '',
  price: String(p.price),
  stockWas: String(p.stock),
  stock: String(p.stock),
  minStock: String(p.minStock),
  lowStockThreshold: String(p.lowStockThreshold),
  weightGrams: String(p.weightGrams),
  lengthCm: String(p.lengthCm),
  widthCm: String(p.widthCm),
  heightCm: String(p.heightCm),
  description: p.description ?? '',
  isActive: 'on',
  ...extra,
});

describe.each(dbTargets)('audit log on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let admin: TestBrowser;
  let staff: TestBrowser;
  let adminId: number;
  let ip = 10;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    adminId = (await createUser(db, { email: 'audit-admin@audit.example', role: 'admin', name: 'Audit Admin' })).id;
    await createUser(db, { email: 'audit-staff@audit.example', role: 'staff', name: 'Audit Staf' });
    admin = new TestBrowser(store.app, '203.0.113.77');
    staff = new TestBrowser(store.app, '203.0.113.78');
    expect((await admin.login('audit-admin@audit.example', PASSWORD)).status).toBe(303);
    expect((await staff.login('audit-staff@audit.example', PASSWORD)).status).toBe(303);
  });
  afterAll(() => store?.close());

  const entries = (action: string, subjectId: string) =>
    db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

  async function aProduct(offset: number) {
    const [p] = await db.select().from(products).orderBy(products.id).limit(1).offset(offset);
    return p!;
  }

  it('records a price change once, with who, where, before and after; an unchanged or refused price records none', async () => {
    const p = await aProduct(0);
    await admin.get(`/admin/produk/${p.id}`);
    const saved = await admin.post(`/admin/produk/${p.id}`, productForm(p, { price: String(p.price + 50_000) }));
    expect(saved.status).toBe(303);
    const [entry, ...more] = await entries('product.price', String(p.id));
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: adminId,
      actorEmail: 'audit-admin@audit.example',
      actorRole: 'admin',
      ip: '203.0.113.77',
      subjectType: 'product',
      subjectLabel: p.name,
      before: { price: p.price },
      after: { price: p.price + 50_000 },
    });

    // Same price again (the description changes): no entry. A bad price: refused, no entry.
    const fresh = (await db.select().from(products).where(eq(products.id, p.id)))[0]!;
    expect((await admin.post(`/admin/produk/${p.id}`, productForm(fresh, { description: 'Baru.' }))).status).toBe(303);
    const refused = await admin.post(`/admin/produk/${p.id}`, productForm(fresh, { price: 'mahal', name: '' }));
    expect(refused.status).toBe(400);
    expect(await entries('product.price', String(p.id))).toHaveLength(1);
  });

  it('records a hand stock adjustment with the count before and after; one refused below zero records none', async () => {
    const p = await aProduct(1);
    await db.update(products).set({ stock: 4 }).where(eq(products.id, p.id));
    await admin.get(`/admin/stok/${p.id}`);
    expect((await admin.post(`/admin/stok/${p.id}/penyesuaian`, { delta: '-1', note: 'rusak di gudang' })).status).toBe(303);
    expect((await admin.post(`/admin/stok/${p.id}/penyesuaian`, { delta: '-50', note: 'salah ketik' })).status).toBe(400);
    const rows = await entries('stock.adjusted', String(p.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: adminId,
      subjectLabel: p.name,
      before: { stock: 4 },
      after: { stock: 3, note: 'rusak di gudang' },
    });
  });

  it('records a confirmed transfer once; a stale second confirmation records nothing', async () => {
    const p = await aProduct(2);
    await db.update(products).set({ stock: 10, isActive: true }).where(eq(products.id, p.id));
    const buyer = new TestBrowser(store.app, `198.51.100.${ip++}`);
    await addToCart(store.app, buyer, p.id, 1);
    const placed = await placeOrder(buyer, { email: 'pembeli@audit.example', ...GUEST_ADDRESS });
    expect(placed.status).toBe(303);
    const number = numberFrom(placed.location);
    await staff.get(`/admin/pesanan/${number}`);
    const form = { to: 'paid', from: 'awaiting_payment' };
    expect((await staff.post(`/admin/pesanan/${number}/status`, form)).status).toBe(303);
    expect((await staff.post(`/admin/pesanan/${number}/status`, form)).status).toBe(409);
    const rows = await entries('order.payment_confirmed', number);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorEmail: 'audit-staff@audit.example',
      actorRole: 'staff',
      ip: '203.0.113.78',
      subjectType: 'order',
      before: { status: 'awaiting_payment' },
      after: { status: 'paid', paymentMethod: 'bank_transfer' },
    });
  });

  it('shows the log to admins only, newest first, filtered by person, action and WIB dates in the URL', async () => {
    // Its own entries (tests run in any order), as the writers would leave them.
    const staffId = (await createUser(db, { email: 'audit-filter@audit.example', role: 'staff' })).id;
    const base = { actorRole: 'admin', ip: '203.0.113.9' };
    await db.insert(auditLog).values([
      {
        ...base,
        actorId: adminId,
        actorEmail: 'audit-admin@audit.example',
        action: 'product.price',
        subjectType: 'product',
        subjectId: '999999',
      },
      { ...base, actorId: staffId, actorEmail: 'audit-filter@audit.example', actorRole: 'staff', action: 'order.refunded' },
      // The last WIB minute of 10 January belongs to that day, not the next.
      {
        ...base,
        at: new Date('2025-01-10T16:59:00Z'),
        actorId: adminId,
        actorEmail: 'audit-admin@audit.example',
        action: 'settings.shop',
        before: { freeShippingFrom: null },
        after: { freeShippingFrom: 500000 },
      },
    ]);
    const rowsOf = (body: string) => [...body.matchAll(/data-audit-row="([^"]+)"/g)].map((m) => m[1]);

    expect((await staff.get('/admin/audit')).status).toBe(403);
    const page = await admin.get('/admin/audit');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/data-admin-nav="audit"/);
    expect(rowsOf(page.body)).toContain('product.price');
    const prices = await admin.get('/admin/audit?aksi=product.price');
    expect(new Set(rowsOf(prices.body))).toEqual(new Set(['product.price']));
    expect(prices.body).toContain('audit-admin@audit.example');

    expect(rowsOf((await admin.get(`/admin/audit?orang=${staffId}`)).body)).toEqual(['order.refunded']);

    const day = await admin.get('/admin/audit?dari=2025-01-10&sampai=2025-01-10');
    expect(rowsOf(day.body)).toEqual(['settings.shop']);
    expect(day.body).toContain('500000');
    expect(rowsOf((await admin.get('/admin/audit?dari=2025-01-11&sampai=2025-01-31')).body)).toEqual([]);

    const bad = await admin.get('/admin/audit?aksi=drop-table&dari=2025-02-30&orang=abc');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Pilih tindakan dari daftar.');
    expect(bad.body).toContain('Tulis tanggal sebagai TTTT-BB-HH.');
    expect(bad.body).toContain('Pilih orang dari daftar.');
  });

  it('cannot be rewritten or deleted, not even with the application’s own database access', async () => {
    const [one] = await db
      .insert(auditLog)
      .values({ action: 'staff.login_failed', subjectType: 'user', subjectId: '1', ip: '192.0.2.1' })
      .returning();
    await expect(db.execute(sql`UPDATE audit_log SET action = 'staff.login' WHERE id = ${one!.id}`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log WHERE id = ${one!.id}`)).rejects.toThrow();
    const [still] = await db.select().from(auditLog).where(eq(auditLog.id, one!.id));
    expect(still).toEqual(one);
  });

  it('keeps a theme of its own for the back office', async () => {
    const themed = async (who: TestBrowser, url: string, cookies: Record<string, string>) => {
      for (const [k, v] of Object.entries(cookies)) who.cookies.set(k, v);
      const res = await who.get(url);
      for (const k of Object.keys(cookies)) who.cookies.delete(k);
      return res.body;
    };
    expect(await themed(admin, '/admin', { admin_theme: 'dark', theme: 'light' })).toMatch(
      /<html[^>]*class="admin"[^>]*data-bs-theme="dark"/,
    );
    expect(await themed(new TestBrowser(store.app), '/', { admin_theme: 'dark', theme: 'light' })).toMatch(
      /<html[^>]*data-bs-theme="light"/,
    );
    // The shop's choice does not follow staff into the back office.
    expect(await themed(admin, '/admin', { theme: 'dark' })).toMatch(/<html[^>]*data-bs-theme="light" data-theme-source="system"/);
  });
});
