import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, lastEmail, PASSWORD, TestBrowser } from './accounts-client';

describe.each(dbTargets)('accounts journeys on %s', (target) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false });
  });
  afterAll(() => store?.close());

  it('a guest browsing the home page gets no session (nothing stored per anonymous GET)', async () => {
    const b = new TestBrowser(store.app);
    const res = await b.get('/');
    expect(res.status).toBe(200);
    expect(b.cookies.has('sid')).toBe(false);
    expect(res.body).toContain('href="/masuk"');
  });

  it('register → verify by the emailed link → log out → log in → profile → address', async () => {
    const b = new TestBrowser(store.app);
    const form = await b.get('/daftar');
    expect(form.status).toBe(200);
    const cookie = b.cookies.get('sid');
    expect(cookie).toBeDefined();

    const registered = await b.post('/daftar', { name: 'Budi Santoso', email: '  Budi@Example.COM ', password: PASSWORD });
    expect(registered.status).toBe(303);
    expect(registered.location).toBe('/akun?pesan=terdaftar');
    // A new session id after registration (the guest one is dropped).
    expect(b.cookies.get('sid')).not.toBe(cookie);

    const account = await b.get('/akun?pesan=terdaftar');
    expect(account.status).toBe(200);
    expect(account.body).toContain('budi@example.com');
    expect(account.body).toContain('belum diverifikasi');

    const email = await lastEmail(store.database.db, 'budi@example.com');
    expect(email?.subject).toContain('Verifikasi');
    expect(email?.htmlBody).toContain('<a href=');
    const verified = await b.get(email!.link!);
    expect(verified.status).toBe(200);
    expect(verified.body).toContain('sudah terverifikasi');
    // Single use.
    expect((await b.get(email!.link!)).status).toBe(400);
    expect((await b.get('/akun')).body).not.toContain('belum diverifikasi');

    const out = await b.post('/keluar');
    expect(out.location).toBe('/masuk?pesan=keluar');
    expect((await b.get('/akun')).status).toBe(303);

    const login = await b.login('BUDI@example.com', PASSWORD);
    expect(login.status).toBe(303);
    expect(login.location).toBe('/akun');

    await b.get('/akun');
    const saved = await b.post('/akun/profil', { name: 'Budi S.', phone: '0812-3456-7890' });
    expect(saved.location).toBe('/akun?pesan=tersimpan');
    const profile = await b.get('/akun?pesan=tersimpan');
    expect(profile.body).toContain('value="Budi S."');
    expect(profile.body).toContain('value="0812-3456-7890"');

    const badPhone = await b.post('/akun/profil', { name: 'Budi S.', phone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body).toContain('is-invalid');
    expect(badPhone.body).toContain('value="12345"');

    await b.get('/akun/alamat');
    const address = {
      recipient: 'Budi',
      phone: '+62 812 1111 2222',
      street: 'Jl. Braga No. 1',
      city: 'Bandung',
      province: 'Jawa Barat',
      postalCode: '40111',
    };
    expect((await b.post('/akun/alamat', address)).location).toBe('/akun/alamat?pesan=alamat-ditambah');
    const badPostal = await b.post('/akun/alamat', { ...address, postalCode: '4011' });
    expect(badPostal.status).toBe(400);
    expect(badPostal.body).toContain('Kode pos terdiri dari 5 angka');
    expect(badPostal.body).toContain('value="Jl. Braga No. 1"');
    await b.post('/akun/alamat', { ...address, street: 'Jl. Dago 2', isDefault: 'on' });
    const list = await b.get('/akun/alamat');
    expect(list.body.indexOf('Jl. Dago 2')).toBeLessThan(list.body.indexOf('Jl. Braga No. 1'));
    expect(list.body.match(/>Utama</g)).toHaveLength(1);

    // Edit: the form comes prefilled; bad input re-renders with the values; another user's id is 404.
    const id = /\/akun\/alamat\/(\d+)\/ubah/.exec(list.body)![1]!;
    const edit = await b.get(`/akun/alamat/${id}/ubah`);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatch(/value="Jl\. (Dago 2|Braga No\. 1)"/);
    expect((await b.post(`/akun/alamat/${id}`, { ...address, city: '' })).status).toBe(400);
    expect((await b.post(`/akun/alamat/${id}`, { ...address, street: 'Jl. Asia Afrika 8' })).location).toBe(
      '/akun/alamat?pesan=alamat-diubah',
    );
    expect((await b.get('/akun/alamat')).body).toContain('Jl. Asia Afrika 8');
  });

  it('a page cached before logging in is not revalidated as unchanged after (its CSRF token would be dead)', async () => {
    await createUser(store.database.db, { email: 'etag@example.com' });
    const b = new TestBrowser(store.app);
    await b.login('etag@example.com', PASSWORD);
    const first = await store.app.inject({ method: 'GET', url: '/akun', headers: { cookie: `sid=${b.cookies.get('sid')}` } });
    const etag = first.headers.etag as string;
    // Same session: unchanged page, 304.
    expect(
      (await store.app.inject({ method: 'GET', url: '/akun', headers: { cookie: `sid=${b.cookies.get('sid')}`, 'if-none-match': etag } }))
        .statusCode,
    ).toBe(304);
    await b.post('/keluar');
    await b.login('etag@example.com', PASSWORD);
    const after = await store.app.inject({
      method: 'GET',
      url: '/akun',
      headers: { cookie: `sid=${b.cookies.get('sid')}`, 'if-none-match': etag },
    });
    expect(after.statusCode).toBe(200);
  });

  it('login with remember-me sets a 30-day cookie; without it a browser-session cookie', async () => {
    await createUser(store.database.db, { email: 'ingat@example.com' });
    const a = new TestBrowser(store.app);
    await a.get('/masuk');
    const res = await store.app.inject({
      method: 'POST',
      url: '/masuk',
      headers: { cookie: `sid=${a.cookies.get('sid')}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: a.csrf!, email: 'ingat@example.com', password: PASSWORD, remember: 'on' }).toString(),
    });
    const sid = res.cookies.find((c) => c.name === 'sid')!;
    expect(sid.maxAge).toBe(30 * 24 * 3600);
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    const plain = new TestBrowser(store.app);
    await plain.get('/masuk');
    const res2 = await store.app.inject({
      method: 'POST',
      url: '/masuk',
      headers: { cookie: `sid=${plain.cookies.get('sid')}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: plain.csrf!, email: 'ingat@example.com', password: PASSWORD }).toString(),
    });
    expect(res2.cookies.find((c) => c.name === 'sid')!.maxAge).toBeUndefined();
  });

  it('password reset: same answer for unknown emails, link works once, old sessions end', async () => {
    await createUser(store.database.db, { email: 'lupa@example.com' });
    const other = new TestBrowser(store.app);
    expect((await other.login('lupa@example.com', PASSWORD)).status).toBe(303);

    const b = new TestBrowser(store.app);
    await b.get('/lupa-password');
    const known = await b.post('/lupa-password', { email: 'lupa@example.com' });
    await b.get('/lupa-password');
    const unknown = await b.post('/lupa-password', { email: 'tidak-ada@example.com' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (s: string) => s.replace(/name="_csrf" value="[^"]+"/g, '').replace(/content="[A-Za-z0-9_-]{80,}"/g, '');
    expect(strip(unknown.body)).toBe(strip(known.body));
    expect(await lastEmail(store.database.db, 'tidak-ada@example.com')).toBeUndefined();

    const email = await lastEmail(store.database.db, 'lupa@example.com');
    expect(email?.subject).toContain('Reset');
    const page = await b.get(email!.link!);
    expect(page.status).toBe(200);
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
    const weak = await b.post('/reset-password', { token, password: 'password123' });
    expect(weak.status).toBe(400);
    expect(weak.body).toContain('terlalu umum');
    const done = await b.post('/reset-password', { token, password: 'Baru-Banget-Sandi-9' });
    expect(done.location).toBe('/masuk?pesan=reset');
    // Reused link.
    expect((await b.get(email!.link!)).status).toBe(400);
    expect((await b.post('/reset-password', { token, password: 'Lain-Lagi-Sandi-77' })).status).toBe(400);
    // The session logged in with the old password is gone.
    expect((await other.get('/akun')).status).toBe(303);
    expect((await b.login('lupa@example.com', 'Baru-Banget-Sandi-9')).status).toBe(303);
  });

  it('change password needs the current one and ends other sessions; logout everywhere ends all', async () => {
    await createUser(store.database.db, { email: 'ganti@example.com' });
    const phone = new TestBrowser(store.app);
    const laptop = new TestBrowser(store.app);
    await phone.login('ganti@example.com', PASSWORD);
    await laptop.login('ganti@example.com', PASSWORD);
    await laptop.get('/akun');
    const wrong = await laptop.post('/akun/password', { current: 'salah-salah-salah', password: 'Sandi-Baru-Sekali-1' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('Kata sandi saat ini salah');
    const before = laptop.cookies.get('sid');
    const ok = await laptop.post('/akun/password', { current: PASSWORD, password: 'Sandi-Baru-Sekali-1' });
    expect(ok.location).toBe('/akun?pesan=password');
    expect(laptop.cookies.get('sid')).not.toBe(before);
    expect((await laptop.get('/akun')).status).toBe(200);
    expect((await phone.get('/akun')).status).toBe(303);

    await phone.login('ganti@example.com', 'Sandi-Baru-Sekali-1');
    await laptop.get('/akun');
    expect((await laptop.post('/akun/keluar-semua')).location).toBe('/masuk?pesan=keluar-semua');
    expect((await phone.get('/akun')).status).toBe(303);
    expect((await laptop.get('/akun')).status).toBe(303);
  });

  it('an address of another user can be neither deleted nor made default', async () => {
    await createUser(store.database.db, { email: 'a1@example.com' });
    await createUser(store.database.db, { email: 'a2@example.com' });
    const one = new TestBrowser(store.app);
    await one.login('a1@example.com', PASSWORD);
    await one.get('/akun/alamat');
    await one.post('/akun/alamat', {
      recipient: 'A1',
      phone: '081234567890',
      street: 'Jl. Satu',
      city: 'Bandung',
      province: 'Jawa Barat',
      postalCode: '40115',
    });
    const id = /\/akun\/alamat\/(\d+)\/hapus/.exec((await one.get('/akun/alamat')).body)![1]!;
    const two = new TestBrowser(store.app);
    await two.login('a2@example.com', PASSWORD);
    await two.get('/akun/alamat');
    expect((await two.post(`/akun/alamat/${id}/hapus`)).status).toBe(404);
    expect((await two.post(`/akun/alamat/${id}/utama`)).status).toBe(404);
    expect((await two.get(`/akun/alamat/${id}/ubah`)).status).toBe(404);
    expect(
      (
        await two.post(`/akun/alamat/${id}`, {
          recipient: 'X',
          phone: '081234567890',
          street: 'X',
          city: 'X',
          province: 'X',
          postalCode: '12345',
        })
      ).status,
    ).toBe(404);
    expect((await one.get('/akun/alamat')).body).toContain('Jl. Satu');
  });

  it('the language chosen by a logged-in user is remembered on the account', async () => {
    await createUser(store.database.db, { email: 'bahasa@example.com' });
    const b = new TestBrowser(store.app);
    await b.login('bahasa@example.com', PASSWORD);
    await b.get('/akun?lang=en');
    // A new device (no language cookie) gets English after logging in.
    const fresh = new TestBrowser(store.app);
    await fresh.login('bahasa@example.com', PASSWORD);
    fresh.cookies.delete('lang');
    expect((await fresh.get('/akun')).body).toContain('My Account');
  });
});
