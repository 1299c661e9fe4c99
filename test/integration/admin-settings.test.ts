/**
 * A9 through HTTP on both databases: the shop settings (bank accounts as indexed rows, deadline,
 * free shipping, notification email, staff 2FA) and the store profile (every field, hours per
 * weekday, holidays, logo through the image intake). Each save writes exactly one audit entry with
 * only the changed fields; refused input writes nothing. A saved profile shows at once in the
 * footer, on the store page and in an invoice; the shop's emails go to the notification address.
 */
import { desc, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, emailOutbox, shopSettings, storeProfile } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { dbTargets } from '../helpers/databases';
import { multipart } from '../helpers/multipart';
import { pdfText } from '../helpers/pdf-text';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, placeOrder } from './checkout-helpers';

const fieldError = (body: string, id: string) =>
  new RegExp(`id="f-${id}-error" class="invalid-feedback[^"]*"[^>]*>([^<]+)<`).exec(body)?.[1];
const inputValue = (body: string, name: string) =>
  new RegExp(`name="${name.replace(/[[\]]/g, '\\$&')}"[^>]*value="([^"]*)"`).exec(body)?.[1] ??
  new RegExp(`value="([^"]*)"[^>]*name="${name.replace(/[[\]]/g, '\\$&')}"`).exec(body)?.[1];

/** Every field of the profile form, valid: the tests change one or two. */
function profileForm(changes: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {
    name: 'Hurtrock Music Store',
    tagline: 'Gear untuk semua pemain',
    street: 'Jl. Braga No. 12',
    city: 'Kota Bandung',
    province: 'Jawa Barat',
    postalCode: '40111',
    phone: '0821-1555-8035',
    whatsapp: '0821-1555-8035',
    email: 'halo@hurtrock.example',
    website: 'https://hurtrock.example',
    mapsUrl: 'https://maps.example/hurtrock',
    instagram: 'https://instagram.com/hurtrock',
    facebook: '',
    youtube: '',
    tiktok: '',
  };
  for (const day of [1, 2, 3, 4, 5]) Object.assign(form, { [`hours[${day}][open]`]: '09:30', [`hours[${day}][close]`]: '18:00' });
  Object.assign(form, { 'hours[6][open]': '09:30', 'hours[6][close]': '17:00', 'hours[0][closed]': '1' });
  return { ...form, ...changes };
}

function shopForm(changes: Record<string, string> = {}): Record<string, string> {
  return {
    bankTransferEnabled: '1',
    'accounts[0][bank]': 'BCA',
    'accounts[0][number]': '1234567890',
    'accounts[0][holder]': 'PT Hurtrock Musik',
    'accounts[1][bank]': 'Mandiri',
    'accounts[1][number]': '1300012345678',
    'accounts[1][holder]': 'PT Hurtrock Musik',
    transferExpiryHours: '24',
    freeShippingFrom: '1500000',
    notificationEmail: '',
    ...changes,
  };
}

describe.each(dbTargets)('admin settings on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let admin: TestBrowser;
  let ip = 10;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    await createUser(db, { email: 'owner@settings.example', role: 'admin', name: 'Pemilik Toko' });
    await createUser(db, { email: 'staff@settings.example', role: 'staff' });
    admin = new TestBrowser(store.app, '203.0.113.140');
    expect((await admin.login('owner@settings.example', PASSWORD)).status).toBe(303);
  });
  afterAll(() => store?.close());
  afterEach(() => vi.useRealTimers());

  // Tests run in random order: each starts from the same saved profile and settings (saved through
  // the pages, so caches are forgotten too; the counts of audit entries are taken after this).
  beforeEach(async () => {
    await admin.get('/admin/pengaturan');
    expect((await admin.post('/admin/pengaturan', shopForm())).status).toBe(303);
    await admin.get('/admin/pengaturan/toko');
    const logo = (await db.select({ key: storeProfile.logoKey }).from(storeProfile))[0]?.key;
    expect((await admin.post('/admin/pengaturan/toko', profileForm(logo ? { removeLogo: '1' } : {}))).status).toBe(303);
  });

  const auditCount = async (action: string) =>
    Number((await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n);
  const lastAudit = async (action: string) =>
    (await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
  const profileRow = async () => (await db.select().from(storeProfile))[0]!;
  const settingsRow = async () => (await db.select().from(shopSettings))[0]!;

  async function postProfileMultipart(fields: Record<string, string>, logo?: { data: Buffer; filename: string; type: string }) {
    await admin.get('/admin/pengaturan/toko');
    const body = multipart([
      { name: '_csrf', value: admin.csrf ?? '' },
      ...Object.entries(fields).map(([name, value]) => ({ name, value })),
      ...(logo ? [{ name: 'logo', ...logo }] : []),
    ]);
    const res = await store.app.inject({
      method: 'POST',
      url: '/admin/pengaturan/toko',
      remoteAddress: '203.0.113.140',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType },
      payload: body.payload,
    });
    for (const c of res.cookies) admin.cookies.set(c.name, c.value);
    return { status: res.statusCode, body: res.body, location: res.headers.location as string | undefined };
  }

  it('both pages are admin-only, link to each other, and keep the sidebar entry active', async () => {
    const staff = new TestBrowser(store.app, `192.0.2.${ip++}`);
    await staff.login('staff@settings.example', PASSWORD);
    expect((await staff.get('/admin/pengaturan')).status).toBe(403);
    expect((await staff.get('/admin/pengaturan/toko')).status).toBe(403);
    expect((await staff.post('/admin/pengaturan', shopForm())).status).toBe(403);
    for (const path of ['/admin/pengaturan', '/admin/pengaturan/toko']) {
      const page = await admin.get(path);
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/data-admin-nav="settings"[^>]*aria-current="page"|aria-current="page"[^>]*data-admin-nav="settings"/);
      expect(page.body).toContain('href="/admin/pengaturan/toko"');
      expect(page.body).toContain('href="/admin/pengaturan"');
    }
  });

  it('shop settings: saves every field with one audit entry of the changed fields only', async () => {
    const before = await settingsRow();
    const entries = await auditCount('settings.shop');
    await admin.get('/admin/pengaturan');
    const res = await admin.post(
      '/admin/pengaturan',
      shopForm({ notificationEmail: 'pesanan@hurtrock.example', transferExpiryHours: '48' }),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe('/admin/pengaturan');
    const after = await settingsRow();
    expect(after).toMatchObject({
      bankTransferEnabled: true,
      transferExpiryMinutes: 48 * 60,
      freeShippingFrom: 1_500_000,
      notificationEmail: 'pesanan@hurtrock.example',
      requireStaffTwoFactor: false,
      bankAccounts: [
        { bank: 'BCA', number: '1234567890', holder: 'PT Hurtrock Musik' },
        { bank: 'Mandiri', number: '1300012345678', holder: 'PT Hurtrock Musik' },
      ],
    });
    expect(await auditCount('settings.shop')).toBe(entries + 1);
    const entry = (await lastAudit('settings.shop'))!;
    expect(entry.actorEmail).toBe('owner@settings.example');
    expect(entry.ip).toBe('203.0.113.140');
    // Only what changed, before and after.
    expect(entry.after).toEqual({ notificationEmail: 'pesanan@hurtrock.example', transferExpiryMinutes: 48 * 60 });
    expect(entry.before).toEqual({ notificationEmail: before.notificationEmail, transferExpiryMinutes: before.transferExpiryMinutes });

    // The page shows the saved values; saving them again changes nothing and records nothing.
    const page = await admin.get('/admin/pengaturan');
    expect(page.body).toContain('Pengaturan disimpan.');
    expect(inputValue(page.body, 'accounts[1][bank]')).toBe('Mandiri');
    expect(inputValue(page.body, 'notificationEmail')).toBe('pesanan@hurtrock.example');
    await admin.post('/admin/pengaturan', shopForm({ notificationEmail: 'pesanan@hurtrock.example', transferExpiryHours: '48' }));
    expect(await auditCount('settings.shop')).toBe(entries + 1);
  });

  it('requiring two-step sign-in is refused to an admin without it (no self lock-out), and saved by one who has it', async () => {
    const entries = await auditCount('settings.shop');
    await admin.get('/admin/pengaturan');
    const refused = await admin.post('/admin/pengaturan', shopForm({ requireStaffTwoFactor: 'on' }));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Aktifkan dulu verifikasi dua langkah untuk akun Anda sendiri');
    expect((await settingsRow()).requireStaffTwoFactor).toBe(false);
    expect(await auditCount('settings.shop')).toBe(entries);

    // With two-step sign-in on their own account (set directly here: the enrolment has its own tests).
    await db.execute(sql`UPDATE users SET totp_enabled_at = now() WHERE email = 'owner@settings.example'`);
    try {
      await admin.get('/admin/pengaturan');
      expect((await admin.post('/admin/pengaturan', shopForm({ requireStaffTwoFactor: 'on' }))).status).toBe(303);
      expect((await settingsRow()).requireStaffTwoFactor).toBe(true);
      expect((await lastAudit('settings.shop'))!.after).toEqual({ requireStaffTwoFactor: true });
      await admin.get('/admin/pengaturan');
      expect((await admin.post('/admin/pengaturan', shopForm())).status).toBe(303);
      expect((await settingsRow()).requireStaffTwoFactor).toBe(false);
    } finally {
      await db.execute(sql`UPDATE shop_settings SET require_staff_two_factor = false`);
      await db.execute(sql`UPDATE users SET totp_enabled_at = NULL WHERE email = 'owner@settings.example'`);
    }
  });

  it('shop settings: reorders with the up/down buttons, removes and adds rows, without JavaScript', async () => {
    await admin.get('/admin/pengaturan');
    const moved = await admin.post('/admin/pengaturan', shopForm({ move: '1:up' }));
    expect(moved.status).toBe(303);
    expect((await settingsRow()).bankAccounts.map((a) => a.bank)).toEqual(['Mandiri', 'BCA']);
    await admin.get('/admin/pengaturan');
    const edited = await admin.post('/admin/pengaturan', {
      ...shopForm(),
      'accounts[0][remove]': '1',
      'accounts[2][bank]': 'BNI',
      'accounts[2][number]': '0987-654-321',
      'accounts[2][holder]': 'Hurtrock',
    });
    expect(edited.status).toBe(303);
    expect((await settingsRow()).bankAccounts).toEqual([
      { bank: 'Mandiri', number: '1300012345678', holder: 'PT Hurtrock Musik' },
      { bank: 'BNI', number: '0987654321', holder: 'Hurtrock' },
    ]);
  });

  it('shop settings: every invalid field has its own message, values kept, nothing saved or audited', async () => {
    const before = await settingsRow();
    const entries = await auditCount('settings.shop');
    await admin.get('/admin/pengaturan');
    const res = await admin.post(
      '/admin/pengaturan',
      shopForm({
        'accounts[0][bank]': '',
        'accounts[0][number]': '12ab',
        'accounts[1][holder]': '',
        transferExpiryHours: '169',
        freeShippingFrom: '12,5',
        notificationEmail: 'bukan-email',
      }),
    );
    expect(res.status).toBe(400);
    expect(fieldError(res.body, 'accounts-0-bank')).toBe('Isi nama bank (maksimal 60 karakter).');
    expect(fieldError(res.body, 'accounts-0-number')).toBe('Nomor rekening berisi 5 sampai 20 angka.');
    expect(fieldError(res.body, 'accounts-1-holder')).toMatch(/pemilik rekening/);
    expect(fieldError(res.body, 'transferExpiryHours')).toBe('Isi angka jam dari 1 sampai 168.');
    expect(fieldError(res.body, 'freeShippingFrom')).toMatch(/rupiah/);
    expect(fieldError(res.body, 'notificationEmail')).toBe('Alamat email tidak valid.');
    expect(inputValue(res.body, 'accounts[0][number]')).toBe('12ab');
    expect(inputValue(res.body, 'notificationEmail')).toBe('bukan-email');
    expect(inputValue(res.body, 'transferExpiryHours')).toBe('169');

    for (const hours of ['0', 'abc', '']) {
      const r = await admin.post('/admin/pengaturan', shopForm({ transferExpiryHours: hours }));
      expect(r.status).toBe(400);
    }
    // Bank transfer on with no account at all.
    const none = await admin.post('/admin/pengaturan', {
      bankTransferEnabled: '1',
      transferExpiryHours: '24',
    });
    expect(none.status).toBe(400);
    expect(none.body).toContain('Transfer bank aktif: isi paling sedikit satu rekening.');
    expect(await settingsRow()).toEqual(before);
    expect(await auditCount('settings.shop')).toBe(entries);
  });

  it('refuses a save without the CSRF token on both pages (nothing changes)', async () => {
    const settingsBefore = await settingsRow();
    const profileBefore = await profileRow();
    const entries = (await db.select().from(auditLog)).length;
    const shop = await admin.request('POST', '/admin/pengaturan', { form: shopForm({ transferExpiryHours: '48' }) });
    expect(shop.status).toBe(403);
    const profile = await admin.request('POST', '/admin/pengaturan/toko', { form: profileForm({ phone: '0811-2222-3333' }) });
    expect(profile.status).toBe(403);
    expect(await settingsRow()).toEqual(settingsBefore);
    expect(await profileRow()).toEqual(profileBefore);
    expect((await db.select().from(auditLog)).length).toBe(entries);
  });

  it('the free-shipping threshold can be cleared (no free shipping) and the deadline is stored in minutes', async () => {
    await admin.get('/admin/pengaturan');
    const res = await admin.post('/admin/pengaturan', shopForm({ freeShippingFrom: '', transferExpiryHours: '168' }));
    expect(res.status).toBe(303);
    expect(await settingsRow()).toMatchObject({ freeShippingFrom: null, transferExpiryMinutes: 168 * 60 });
    await admin.post('/admin/pengaturan', shopForm({ freeShippingFrom: '1.500.000', transferExpiryHours: '24' }));
    expect(await settingsRow()).toMatchObject({ freeShippingFrom: 1_500_000, transferExpiryMinutes: 24 * 60 });
  });

  it('store profile: every invalid field has its own message, values kept, nothing saved or audited', async () => {
    const before = await profileRow();
    const entries = await auditCount('settings.profile');
    await admin.get('/admin/pengaturan/toko');
    const res = await admin.post(
      '/admin/pengaturan/toko',
      profileForm({
        name: '',
        street: '',
        city: '',
        province: '',
        postalCode: '4011',
        phone: '12345',
        whatsapp: 'wa',
        email: 'halo@',
        website: 'javascript:alert(1)',
        mapsUrl: 'ftp://maps.example',
        instagram: 'instagram.com/hurtrock',
        'hours[2][open]': '18:00',
        'hours[2][close]': '09:00',
        'hours[3][open]': '25:00',
        'holidays[0][date]': '2026-02-30',
        'holidays[0][label]': 'Bukan tanggal',
        'holidays[1][date]': '2026-12-25',
        'holidays[1][label]': '',
      }),
    );
    expect(res.status).toBe(400);
    const errors: Record<string, string> = {
      name: 'Isi nama toko (maksimal 120 karakter).',
      street: 'Isi alamat jalan (maksimal 300 karakter).',
      city: 'Isi kota (maksimal 100 karakter).',
      province: 'Isi provinsi (maksimal 100 karakter).',
      postalCode: 'Kode pos terdiri dari 5 angka.',
      phone: 'Nomor telepon Indonesia tidak valid.',
      whatsapp: 'Nomor WhatsApp Indonesia tidak valid.',
      email: 'Alamat email tidak valid.',
      website: 'Isi alamat web lengkap yang diawali http:// atau https://.',
      mapsUrl: 'Isi alamat web lengkap yang diawali http:// atau https://.',
      instagram: 'Isi alamat web lengkap yang diawali http:// atau https://.',
      'hours-2': 'Jam tutup harus setelah jam buka.',
      'hours-3': 'Isi jam buka dan jam tutup (JJ:MM), atau tandai libur.',
      'holidays-0-date': 'Isi tanggal yang valid.',
      'holidays-1-label': 'Isi keterangan (maksimal 80 karakter).',
    };
    for (const [id, message] of Object.entries(errors)) expect(fieldError(res.body, id), id).toBe(message);
    // Days without a problem have no message; values come back as typed.
    expect(fieldError(res.body, 'hours-1')).toBeUndefined();
    expect(inputValue(res.body, 'phone')).toBe('12345');
    expect(inputValue(res.body, 'hours[2][open]')).toBe('18:00');
    expect(inputValue(res.body, 'holidays[0][label]')).toBe('Bukan tanggal');
    expect(await profileRow()).toEqual(before);
    expect(await auditCount('settings.profile')).toBe(entries);
  });

  it('store profile: a save is used at once by the footer, the store page and invoices, with one audit entry', async () => {
    // A customer's order, placed before the change.
    const guest = new TestBrowser(store.app, '198.51.100.140');
    const product = await productBySlug(db, 'yamaha-f310');
    await addToCart(store.app, guest, product.id, 1);
    const placed = await placeOrder(guest, { ...GUEST_ADDRESS, email: 'pembeli@settings.example' });
    const number = numberFrom(placed.location);
    // The home page is in the shared page cache now; it must not keep the old number.
    expect((await store.app.inject({ method: 'GET', url: '/' })).body).toContain((await profileRow()).phone);
    await store.app.inject({ method: 'GET', url: '/' });

    const before = await profileRow();
    const entries = await auditCount('settings.profile');
    await admin.get('/admin/pengaturan/toko');
    const res = await admin.post(
      '/admin/pengaturan/toko',
      profileForm({ phone: '022-8765-4321', 'holidays[0][date]': '2026-12-25', 'holidays[0][label]': 'Hari Natal' }),
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe('/admin/pengaturan/toko');
    const after = await profileRow();
    expect(after).toMatchObject({
      phone: '022-8765-4321',
      whatsapp: '6282115558035',
      postalCode: '40111',
      holidays: [{ date: '2026-12-25', label: 'Hari Natal' }],
    });
    expect(after.openingHours).toContainEqual({ day: 6, open: '09:30', close: '17:00' });
    expect(after.openingHours.some((p) => p.day === 0)).toBe(false);

    expect(await auditCount('settings.profile')).toBe(entries + 1);
    const entry = (await lastAudit('settings.profile'))!;
    expect(entry.before).toMatchObject({ phone: before.phone });
    expect(entry.after).toMatchObject({ phone: '022-8765-4321', holidays: [{ date: '2026-12-25', label: 'Hari Natal' }] });
    expect(Object.keys(entry.after as object)).not.toContain('logoKey');

    const home = (await store.app.inject({ method: 'GET', url: '/' })).body;
    expect(home).toContain('022-8765-4321');
    expect(home).not.toContain(before.phone);
    expect((await store.app.inject({ method: 'GET', url: '/toko' })).body).toContain('022-8765-4321');
    const invoice = await store.app.inject({
      method: 'GET',
      url: `/admin/pesanan/${number}/faktur.pdf`,
      remoteAddress: '203.0.113.140',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(invoice.statusCode).toBe(200);
    const text = pdfText(invoice.rawPayload).join(' ');
    expect(text).toContain('022-8765-4321');
    expect(text).not.toContain(before.phone);

    // Saving the same values again: nothing to record.
    await admin.post(
      '/admin/pengaturan/toko',
      profileForm({ phone: '022-8765-4321', 'holidays[0][date]': '2026-12-25', 'holidays[0][label]': 'Hari Natal' }),
    );
    expect(await auditCount('settings.profile')).toBe(entries + 1);
  });

  it('the store page says closed on a holiday and lists the coming ones', async () => {
    await admin.get('/admin/pengaturan/toko');
    const saved = await admin.post(
      '/admin/pengaturan/toko',
      profileForm({
        'holidays[0][date]': '2026-12-25',
        'holidays[0][label]': 'Hari Natal',
        'holidays[1][date]': '2026-01-01',
        'holidays[1][label]': 'Tahun Baru',
      }),
    );
    expect(saved.status).toBe(303);
    expect((await profileRow()).holidays.map((h) => h.date)).toEqual(['2026-01-01', '2026-12-25']);
    vi.useFakeTimers({ toFake: ['Date'] });
    // Friday 25 December 2026, 10:00 WIB: a weekday the shop opens, but a holiday.
    vi.setSystemTime(new Date('2026-12-25T03:00:00Z'));
    const html = (await store.app.inject({ method: 'GET', url: '/toko' })).body;
    vi.useRealTimers();
    expect(html).toContain('data-store-status="closed"');
    expect(html).toContain('Libur: Hari Natal');
    expect(html).toContain('Buka lagi Sabtu pukul 09.30 WIB');
    expect(html).toMatch(/data-store-holidays[\s\S]*Hari Natal/);
    // A past holiday is kept but no longer announced.
    expect(html).not.toContain('Tahun Baru');
  });

  it('logo: an image is decoded and stored; a non-image is a field error with the other fields kept; remove works', async () => {
    const entries = await auditCount('settings.profile');
    const notImage = await postProfileMultipart(profileForm({ phone: '022-1111-2222', tagline: 'Baru' }), {
      data: Buffer.from('%PDF-1.4 not an image'),
      filename: 'logo.png',
      type: 'image/png',
    });
    expect(notImage.status).toBe(400);
    expect(fieldError(notImage.body, 'logo')).toBe('Berkas ini bukan gambar yang bisa dibaca.');
    expect(inputValue(notImage.body, 'phone')).toBe('022-1111-2222');
    expect(inputValue(notImage.body, 'tagline')).toBe('Baru');
    expect(inputValue(notImage.body, 'hours[6][close]')).toBe('17:00');
    expect((await profileRow()).phone).toBe('0821-1555-8035');
    expect(await auditCount('settings.profile')).toBe(entries);

    const png = await sharp({ create: { width: 400, height: 200, channels: 4, background: '#c0392b' } })
      .png()
      .toBuffer();
    const saved = await postProfileMultipart(profileForm(), { data: png, filename: 'logo.png', type: 'image/png' });
    expect(saved.status).toBe(303);
    const key = (await profileRow()).logoKey;
    expect(key).toMatch(/^[\w-]{22}$/);
    expect((await store.app.inject({ method: 'GET', url: `/media/logos/${key}-320.webp` })).statusCode).toBe(200);
    expect((await lastAudit('settings.profile'))!.after).toEqual({ logoKey: key });
    expect((await admin.get('/admin/pengaturan/toko')).body).toContain(`/media/logos/${key}-320.webp`);
    // The store page shows it at once.
    expect((await store.app.inject({ method: 'GET', url: '/toko' })).body).toContain(
      `class="store-logo" src="/media/logos/${key}-320.webp"`,
    );

    const removed = await postProfileMultipart(profileForm({ removeLogo: '1' }));
    expect(removed.status).toBe(303);
    expect((await profileRow()).logoKey).toBeNull();
    expect((await store.app.inject({ method: 'GET', url: `/media/logos/${key}-320.webp` })).statusCode).toBe(404);
    expect(await auditCount('settings.profile')).toBe(entries + 2);
  });

  it('a logo bigger than allowed is answered at once (413) with the page and nothing changes', async () => {
    const before = await profileRow();
    const entries = await auditCount('settings.profile');
    const huge = await postProfileMultipart(profileForm({ phone: '022-1111-2222' }), {
      data: Buffer.alloc(6 * 1024 * 1024, 1),
      filename: 'logo.png',
      type: 'image/png',
    });
    expect(huge.status).toBe(413);
    expect(fieldError(huge.body, 'logo')).toBe('Berkas logo terlalu besar (maksimal 5 MB).');
    expect(await profileRow()).toEqual(before);
    expect(await auditCount('settings.profile')).toBe(entries);
  });

  it("the shop's emails go to the notification address when set, else to the profile's email", async () => {
    const guest = new TestBrowser(store.app, '198.51.100.141');
    const product = await productBySlug(db, 'yamaha-f310');
    const newOrderTo = async () => {
      await addToCart(store.app, guest, product.id, 1);
      const placed = await placeOrder(guest, { ...GUEST_ADDRESS, email: 'pembeli2@settings.example' });
      const number = numberFrom(placed.location);
      const rows = await db
        .select()
        .from(emailOutbox)
        .where(sql`${emailOutbox.subject} LIKE ${`%${number}%`}`);
      return rows.map((r) => r.toAddress).filter((to) => to !== 'pembeli2@settings.example');
    };
    await admin.get('/admin/pengaturan');
    await admin.post('/admin/pengaturan', shopForm({ notificationEmail: 'gudang@hurtrock.example' }));
    expect(await newOrderTo()).toEqual(['gudang@hurtrock.example']);
    await admin.post('/admin/pengaturan', shopForm({ notificationEmail: '' }));
    expect(await newOrderTo()).toEqual([(await profileRow()).email]);
  });
});
