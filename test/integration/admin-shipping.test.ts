/**
 * A7 Couriers and rates through HTTP on both databases: the page by courier (admin only), every
 * form valid and invalid (values kept), activation and what checkout then offers, the free-shipping
 * threshold in the checkout total, an open checkout seeing the "changed" notice after a rate
 * change (no order at the old price), delete refused for a service orders use, and the order.
 * Tests run shuffled: each one sets up what it needs and puts shared things back.
 */
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orders, shippingServices, shopSettings } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { formatRupiah } from '../../src/lib/money';
import { parcelWeight, shippingCost } from '../../src/store/checkout/shipping';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, checkoutFields, GUEST_ADDRESS, numberFrom, orderByNumber, placeOrder } from './checkout-helpers';

type ServiceRow = typeof shippingServices.$inferSelect;

/** The edit form as the page fills it for this service, with `change` on top. */
function formOf(s: ServiceRow, change: Record<string, string> = {}): Record<string, string> {
  return {
    code: s.code,
    courier: s.courier,
    name: s.name,
    basePrice: String(s.basePrice),
    pricePerKg: String(s.pricePerKg),
    volumeDivisor: String(s.volumeDivisor),
    minDays: String(s.minDays),
    maxDays: String(s.maxDays),
    trackingUrlTemplate: s.trackingUrlTemplate ?? '',
    ...change,
  };
}

/** The couriers a checkout page offers, by code, with the charge of each. */
function offered(html: string): Map<string, number> {
  return new Map([...html.matchAll(/id="ship-([^"]+)"[^>]*data-charge="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
}

const NEW_SERVICE = {
  code: 'anteraja-reg',
  courier: 'AnterAja',
  name: 'AnterAja Reguler',
  basePrice: '11.000',
  pricePerKg: 'Rp 4.000',
  volumeDivisor: '6000',
  minDays: '2',
  maxDays: '3',
  trackingUrlTemplate: 'https://anteraja.id/tracking/{awb}',
  isActive: 'on',
};

describe.each(dbTargets)('admin couriers and rates on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let admin: TestBrowser;
  let ip = 10;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    await createUser(db, { email: 'kurir@shipping.example', role: 'admin', name: 'Kurir Admin' });
    await createUser(db, { email: 'staff@shipping.example', role: 'staff' });
    admin = new TestBrowser(store.app, '203.0.113.91');
    expect((await admin.login('kurir@shipping.example', PASSWORD)).status).toBe(303);
  });
  afterAll(() => store?.close());

  const service = async (code: string) => (await db.select().from(shippingServices).where(eq(shippingServices.code, code)))[0]!;
  const allInOrder = () => db.select().from(shippingServices).orderBy(asc(shippingServices.position), asc(shippingServices.id));

  async function customerAtCheckout(slug = 'yamaha-f310', quantity = 1) {
    const b = new TestBrowser(store.app, `198.51.100.${ip++}`);
    const p = await productBySlug(db, slug);
    await addToCart(store.app, b, p.id, quantity);
    return { b, p };
  }

  it('is admin-only, in the sidebar, and lists the seeded services by courier with their rates', async () => {
    const staff = new TestBrowser(store.app, `192.0.2.${ip++}`);
    await staff.login('staff@shipping.example', PASSWORD);
    expect((await staff.get('/admin/pengiriman')).status).toBe(403);
    expect((await staff.post('/admin/pengiriman/gratis-ongkir', { freeShippingFrom: '1' })).status).toBe(403);

    const page = await admin.get('/admin/pengiriman?lang=id');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/data-admin-nav="shipping"/);
    const couriers = [...page.body.matchAll(/data-courier="([^"]+)"/g)].map((m) => m[1]);
    expect(couriers).toEqual(expect.arrayContaining(['JNE', 'J&amp;T', 'SiCepat', 'POS Indonesia']));
    // Every service, in checkout's order, each courier's together.
    const codes = [...page.body.matchAll(/data-shipping-row="([^"]+)"/g)].map((m) => m[1]);
    const stored = await allInOrder();
    expect(codes).toEqual(stored.map((s) => s.code));
    expect(codes).toEqual(expect.arrayContaining(['jne_reg', 'jne_yes', 'jnt_ez', 'sicepat_reg', 'sicepat_best', 'pos_kilat']));
    const reg = stored.find((s) => s.code === 'jne_reg')!;
    expect(page.body).toMatch(new RegExp(`data-shipping-base="true">${formatRupiah(reg.basePrice)}<`));
    expect(page.body).toMatch(/Sekarang: (gratis ongkir mulai|tidak ada gratis ongkir)/);
  });

  it('creates a service ("11.000" and "Rp 4.000" read as rupiah), offered at checkout at once', async () => {
    await admin.get('/admin/pengiriman/baru');
    const res = await admin.post('/admin/pengiriman', NEW_SERVICE);
    expect(res.status).toBe(303);
    const created = await service('anteraja-reg');
    expect(res.location).toBe(`/admin/pengiriman/${created.id}`);
    expect(created).toMatchObject({ basePrice: 11_000, pricePerKg: 4_000, isActive: true, minDays: 2, maxDays: 3 });
    expect((await admin.get(res.location!)).body).toContain('Layanan AnterAja Reguler ditambahkan.');
    // It goes last (its own courier), and the list shows it.
    expect((await allInOrder()).at(-1)!.code).toBe('anteraja-reg');
    expect((await admin.get('/admin/pengiriman')).body).toContain('data-courier="AnterAja"');

    const { b, p } = await customerAtCheckout();
    const kg = parcelWeight([{ ...p, quantity: 1 }], 6000).billableKg;
    expect(offered((await b.get('/checkout')).body).get('anteraja-reg')).toBe(shippingCost(created, kg));
  });

  it('refuses a bad new service with one message per field, the values kept, nothing saved', async () => {
    const before = (await db.select({ n: count() }).from(shippingServices))[0]!.n;
    await admin.get('/admin/pengiriman/baru?lang=id');
    for (const [change, field, message] of [
      [{ code: 'JNE REG!' }, 'code', 'Isi kode 1–40 karakter'],
      [{ code: 'jne_reg' }, 'code', 'Kode ini sudah dipakai layanan lain.'],
      [{ courier: '' }, 'courier', 'Isi nama kurir'],
      [{ name: '' }, 'name', 'Isi nama layanan'],
      [{ basePrice: '-5.000' }, 'basePrice', 'Isi harga dalam rupiah bulat'],
      [{ pricePerKg: '4.5' }, 'pricePerKg', 'Isi harga dalam rupiah bulat'],
      [{ volumeDivisor: '0' }, 'volumeDivisor', 'Isi bilangan bulat lebih dari nol'],
      [{ minDays: 'dua' }, 'minDays', 'Isi jumlah hari 0–60.'],
      [{ minDays: '4', maxDays: '2' }, 'maxDays', 'Estimasi terlama tidak boleh kurang dari estimasi tercepat.'],
      [{ trackingUrlTemplate: 'https://anteraja.id/tracking' }, 'trackingUrlTemplate', 'Isi alamat https yang memuat {awb}'],
      [{ trackingUrlTemplate: 'http://anteraja.id/{awb}' }, 'trackingUrlTemplate', 'Isi alamat https yang memuat {awb}'],
    ] as const) {
      const form: Record<string, string> = Object.assign({}, NEW_SERVICE, { code: 'sap-reg' }, change);
      const res = await admin.post('/admin/pengiriman', form);
      expect(res.status, JSON.stringify(change)).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain(`id="f-${field}-error"`);
      expect(res.body).toContain('Periksa lagi isian yang ditandai.');
      // What was typed stays in the form.
      if (field !== 'code') expect(res.body).toContain('value="sap-reg"');
      const typed = form[field]!;
      if (typed !== '') expect(res.body).toContain(`value="${typed.replace(/&/g, '&amp;')}"`);
    }
    // Without the CSRF token nothing happens either.
    const forged = await admin.request('POST', '/admin/pengiriman', { form: { ...NEW_SERVICE, code: 'forged' } });
    expect(forged.status).toBe(403);
    expect((await db.select({ n: count() }).from(shippingServices))[0]!.n).toBe(before);
  });

  it('edits a service, and refuses a bad edit with the values kept and nothing changed', async () => {
    const jnt = await service('jnt_ez');
    await admin.get(`/admin/pengiriman/${jnt.id}?lang=id`);
    const bad = await admin.post(`/admin/pengiriman/${jnt.id}`, formOf(jnt, { basePrice: '14.500', maxDays: '1', code: 'jne_yes' }));
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="f-maxDays-error"');
    expect(bad.body).toContain('value="14.500"');
    expect(await service('jnt_ez')).toEqual(jnt);
    // The code clash shows once the other fields are right.
    const clash = await admin.post(`/admin/pengiriman/${jnt.id}`, formOf(jnt, { code: 'jne_yes' }));
    expect(clash.status).toBe(400);
    expect(clash.body).toContain('Kode ini sudah dipakai layanan lain.');

    const ok = await admin.post(`/admin/pengiriman/${jnt.id}`, formOf(jnt, { basePrice: '14.500', name: 'J&T EZ' }));
    expect(ok.status).toBe(303);
    expect(await service('jnt_ez')).toEqual({ ...jnt, basePrice: 14_500, name: 'J&T EZ' });
    const page = await admin.get(ok.location!);
    expect(page.body).toContain('disimpan');
    // Saving keeps the active flag: that has its own confirmed action.
    expect((await service('jnt_ez')).isActive).toBe(true);
    expect((await admin.get('/admin/pengiriman/999999')).status).toBe(404);
    expect((await admin.post('/admin/pengiriman/999999', formOf(jnt, { code: 'ghost' }))).status).toBe(404);
  });

  it('a deactivated service leaves checkout and cannot be posted there; reactivated, it is back', async () => {
    const pos = await service('pos_kilat');
    const { b } = await customerAtCheckout();
    expect(offered((await b.get('/checkout')).body).has('pos_kilat')).toBe(true);

    await admin.get(`/admin/pengiriman/${pos.id}`);
    const off = await admin.post(`/admin/pengiriman/${pos.id}/status`, { active: '0' });
    expect(off.status).toBe(303);
    expect((await admin.get(off.location!)).body).toContain('dinonaktifkan');
    expect((await service('pos_kilat')).isActive).toBe(false);
    const page = await b.get('/checkout');
    const codes = offered(page.body);
    expect(codes.has('pos_kilat')).toBe(false);
    expect(codes.size).toBeGreaterThan(0);
    // Posting the inactive service anyway is refused, no order.
    const fields = checkoutFields(page.body);
    const res = await b.post('/checkout', {
      ...fields,
      shipping: 'pos_kilat',
      payment: 'bank_transfer',
      email: 'pos@example.com',
      ...GUEST_ADDRESS,
    });
    expect(res.status).toBe(409);
    expect((await db.select({ n: count() }).from(orders).where(eq(orders.email, 'pos@example.com')))[0]!.n).toBe(0);

    const on = await admin.post(`/admin/pengiriman/${pos.id}/status`, { active: '1' });
    expect(on.status).toBe(303);
    expect(offered((await b.get('/checkout')).body).has('pos_kilat')).toBe(true);
    expect((await admin.post(`/admin/pengiriman/${pos.id}/status`, { active: 'maybe' })).status).toBe(400);
  });

  it('the free-shipping threshold changes the checkout total; empty turns it off; bad input is refused', async () => {
    const { b, p } = await customerAtCheckout();
    const shown = (html: string) => /data-checkout-total="true">([^<]+)</.exec(html)?.[1];
    const before = await b.get('/checkout');
    const charge = Math.min(...offered(before.body).values());
    expect(charge).toBeGreaterThan(0);
    expect(shown(before.body)).toBe(formatRupiah(p.price + charge));

    await admin.get('/admin/pengiriman?lang=id');
    const thresholdBefore = (await db.select().from(shopSettings))[0]!.freeShippingFrom;
    const audits = async () => db.select().from(auditLog).where(eq(auditLog.action, 'settings.shop')).orderBy(asc(auditLog.id));
    const auditedBefore = (await audits()).length;
    const set = await admin.post('/admin/pengiriman/gratis-ongkir', { freeShippingFrom: (p.price - 1).toLocaleString('id-ID') });
    expect(set.status).toBe(303);
    expect((await db.select().from(shopSettings))[0]!.freeShippingFrom).toBe(p.price - 1);
    // A shop setting like the others: one audit entry with the threshold before and after.
    const entries = await audits();
    expect(entries).toHaveLength(auditedBefore + 1);
    expect(entries.at(-1)).toMatchObject({
      before: { freeShippingFrom: thresholdBefore },
      after: { freeShippingFrom: p.price - 1 },
    });
    const free = await b.get('/checkout');
    expect([...offered(free.body).values()].every((c) => c === 0)).toBe(true);
    expect(shown(free.body)).toBe(formatRupiah(p.price));

    const bad = await admin.post('/admin/pengiriman/gratis-ongkir', { freeShippingFrom: '1,5 juta' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="f-freeShippingFrom-error"');
    expect(bad.body).toContain('value="1,5 juta"');
    expect((await db.select().from(shopSettings))[0]!.freeShippingFrom).toBe(p.price - 1);
    expect(await audits()).toHaveLength(auditedBefore + 1);

    const off = await admin.post('/admin/pengiriman/gratis-ongkir', { freeShippingFrom: '' });
    expect(off.status).toBe(303);
    expect((await admin.get('/admin/pengiriman')).body).toContain('Sekarang: tidak ada gratis ongkir.');
    expect((await db.select().from(shopSettings))[0]!.freeShippingFrom).toBeNull();
    expect(shown((await b.get('/checkout')).body)).toBe(formatRupiah(p.price + charge));
  });

  it('an open checkout that posts after a rate change sees the "changed" notice; no order at the old price', async () => {
    const { b, p } = await customerAtCheckout();
    const page = await b.get('/checkout');
    const fields = checkoutFields(page.body);
    const chosen = await service(fields.shipping);
    const oldCharge = offered(page.body).get(chosen.code)!;
    const kg = parcelWeight([{ ...p, quantity: 1 }], chosen.volumeDivisor).billableKg;

    await admin.get(`/admin/pengiriman/${chosen.id}`);
    const raised = chosen.basePrice + 7_000;
    expect((await admin.post(`/admin/pengiriman/${chosen.id}`, formOf(chosen, { basePrice: String(raised) }))).status).toBe(303);

    const res = await b.post('/checkout', { ...fields, payment: 'bank_transfer', email: 'stale@example.com', ...GUEST_ADDRESS });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Ada perubahan harga, stok, atau ongkir');
    const newCharge = shippingCost({ ...chosen, basePrice: raised }, kg);
    expect(newCharge).toBe(oldCharge + 7_000);
    expect(offered(res.body).get(chosen.code)).toBe(newCharge);
    expect((await db.select({ n: count() }).from(orders).where(eq(orders.email, 'stale@example.com')))[0]!.n).toBe(0);

    // Sending the new page's form places the order at the new rate.
    const again = await placeOrder(b, { email: 'stale@example.com', ...GUEST_ADDRESS, shipping: chosen.code });
    expect(again.status).toBe(303);
    const order = await orderByNumber(db, numberFrom(again.location));
    expect(order).toMatchObject({ shippingServiceId: chosen.id, shippingCost: newCharge, total: p.price + newCharge });
  });

  it('never deletes a service orders use; an unused one is deleted after the confirmation', async () => {
    const { b } = await customerAtCheckout();
    const placed = await placeOrder(b, { email: 'used@example.com', ...GUEST_ADDRESS });
    expect(placed.status).toBe(303);
    const used = (await orderByNumber(db, numberFrom(placed.location)))!;
    const id = used.shippingServiceId!;
    expect(id).toBeGreaterThan(0);
    const detail = await admin.get(`/admin/pengiriman/${id}?lang=id`);
    expect(detail.body).not.toContain('data-shipping-delete');
    expect(detail.body).toMatch(/Dipakai oleh \d+ pesanan\./);
    const refused = await admin.post(`/admin/pengiriman/${id}/hapus`);
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('tidak bisa dihapus');
    expect((await db.select().from(shippingServices).where(eq(shippingServices.id, id))).length).toBe(1);
    expect((await orderByNumber(db, used.number))!.shippingServiceId).toBe(id);

    await admin.get('/admin/pengiriman/baru');
    const made = await admin.post('/admin/pengiriman', { ...NEW_SERVICE, code: 'sekali-pakai', courier: 'Kurir Sekali' });
    expect(made.status).toBe(303);
    const unused = await service('sekali-pakai');
    const page = await admin.get(`/admin/pengiriman/${unused.id}`);
    expect(page.body).toContain('data-shipping-delete');
    expect(page.body).toContain('Belum dipakai pesanan mana pun.');
    const gone = await admin.post(`/admin/pengiriman/${unused.id}/hapus`);
    expect(gone.status).toBe(303);
    expect(gone.location).toBe('/admin/pengiriman');
    expect((await admin.get(gone.location!)).body).toContain('Layanan dihapus.');
    expect((await db.select().from(shippingServices).where(eq(shippingServices.id, unused.id))).length).toBe(0);
    expect((await admin.post(`/admin/pengiriman/${unused.id}/hapus`)).status).toBe(404);
  });

  it('moves a service within its courier and a courier as a whole; checkout lists them in that order', async () => {
    const codes = async () => (await allInOrder()).map((s) => s.code);
    const start = await codes();
    const [jneFirst, jneSecond] = (await allInOrder()).filter((s) => s.courier === 'JNE');
    await admin.get('/admin/pengiriman');
    expect((await admin.post(`/admin/pengiriman/${jneSecond!.id}/urutan`, { direction: 'up' })).status).toBe(303);
    const swapped = [...start];
    swapped[start.indexOf(jneFirst!.code)] = jneSecond!.code;
    swapped[start.indexOf(jneSecond!.code)] = jneFirst!.code;
    expect(await codes()).toEqual(swapped);
    // Already first within JNE: nothing moves (and no other courier's service is jumped over).
    await admin.post(`/admin/pengiriman/${jneSecond!.id}/urutan`, { direction: 'up' });
    expect(await codes()).toEqual(swapped);
    await admin.post(`/admin/pengiriman/${jneSecond!.id}/urutan`, { direction: 'down' });
    expect(await codes()).toEqual(start);

    // SiCepat's two services move together ahead of the courier before them.
    const couriers = [...new Set((await allInOrder()).map((s) => s.courier))];
    const before = couriers[couriers.indexOf('SiCepat') - 1]!;
    expect((await admin.post('/admin/pengiriman/kurir/urutan', { courier: 'SiCepat', direction: 'up' })).status).toBe(303);
    const moved = await allInOrder();
    const at = (courier: string) => moved.map((s) => s.courier).indexOf(courier);
    expect(at('SiCepat')).toBeLessThan(at(before));
    expect(moved.filter((s) => s.courier === 'SiCepat').map((s) => moved.indexOf(s))).toEqual([at('SiCepat'), at('SiCepat') + 1]);

    const { b } = await customerAtCheckout();
    const active = moved.filter((s) => s.isActive).map((s) => s.code);
    expect([...offered((await b.get('/checkout')).body).keys()]).toEqual(active);
    const list = await admin.get('/admin/pengiriman');
    expect([...list.body.matchAll(/data-shipping-row="([^"]+)"/g)].map((m) => m[1])).toEqual(moved.map((s) => s.code));
    // Put it back for the other tests.
    await admin.post('/admin/pengiriman/kurir/urutan', { courier: 'SiCepat', direction: 'down' });
    expect(await codes()).toEqual(start);
  });

  it('a new service of a known courier joins that courier’s group, in checkout’s order too', async () => {
    await admin.get('/admin/pengiriman/baru');
    const res = await admin.post('/admin/pengiriman', { ...NEW_SERVICE, code: 'jne-oke', courier: 'JNE', name: 'JNE OKE' });
    expect(res.status).toBe(303);
    const order = (await allInOrder()).map((s) => s.courier);
    const jne = order.flatMap((c, i) => (c === 'JNE' ? [i] : []));
    // JNE's services sit together, the new one last among them.
    expect(jne).toEqual([jne[0], jne[0]! + 1, jne[0]! + 2]);
    expect((await allInOrder())[jne[2]!]!.code).toBe('jne-oke');
    // Put it back for the other tests.
    expect((await admin.post(`/admin/pengiriman/${(await service('jne-oke')).id}/hapus`)).status).toBe(303);
  });

  it('two admins adding the same code at once: one is saved, the other is told the code is taken', async () => {
    const other = new TestBrowser(store.app, '203.0.113.92');
    expect((await other.login('kurir@shipping.example', PASSWORD)).status).toBe(303);
    await admin.get('/admin/pengiriman/baru?lang=id');
    await other.get('/admin/pengiriman/baru?lang=id');
    const form = { ...NEW_SERVICE, code: 'kembar', courier: 'Kurir Kembar' };
    const answers = await Promise.all([admin.post('/admin/pengiriman', form), other.post('/admin/pengiriman', form)]);
    expect(answers.map((a) => a.status).sort()).toEqual([303, 400]);
    expect(answers.find((a) => a.status === 400)!.body).toContain('Kode ini sudah dipakai layanan lain.');
    expect((await db.select().from(shippingServices).where(eq(shippingServices.code, 'kembar'))).length).toBe(1);
    expect((await admin.post(`/admin/pengiriman/${(await service('kembar')).id}/hapus`)).status).toBe(303);
  });

  it('previews a rate for a parcel with checkout’s rules', async () => {
    const reg = await service('jne_reg');
    const page = await admin.get(`/admin/pengiriman/${reg.id}?berat=3500&panjang=110&lebar=45&tinggi=15`);
    expect(page.status).toBe(200);
    const kg = parcelWeight([{ weightGrams: 3500, lengthCm: 110, widthCm: 45, heightCm: 15, quantity: 1 }], reg.volumeDivisor).billableKg;
    expect(/data-preview-kg="true">([^<]+)</.exec(page.body)?.[1]).toBe(`${kg} kg`);
    expect(/data-preview-cost="true">([^<]+)</.exec(page.body)?.[1]).toBe(formatRupiah(shippingCost(reg, kg)));
    const bad = await admin.get(`/admin/pengiriman/${reg.id}?berat=abc&panjang=10&lebar=10&tinggi=10`);
    expect(bad.status).toBe(200);
    expect(bad.body).toContain('id="preview-error"');
    expect(bad.body).toContain('value="abc"');
    expect(bad.body).not.toContain('data-preview-result');
  });
});
