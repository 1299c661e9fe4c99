import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, sessions, users } from '../../src/db/schema';
import { signToken } from '../../src/lib/tokens';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, deactivate, PASSWORD, TestBrowser } from './accounts-client';

describe.each(dbTargets)('accounts attacks on %s', (target) => {
  let store: TestStore;
  let ip = 10;
  /** Each test its own client address, so per-IP limits of one test do not leak into another. */
  const browser = () => new TestBrowser(store.app, `198.51.100.${ip++}`);
  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false });
  });
  afterAll(() => store?.close());

  it('refuses a duplicate email typed in another case', async () => {
    await createUser(store.database.db, { email: 'dup@example.com' });
    const b = browser();
    await b.get('/daftar');
    const res = await b.post('/daftar', { name: 'Dup', email: 'DUP@Example.com', password: PASSWORD });
    expect(res.status).toBe(400);
    expect(res.body).toContain('tidak bisa dipakai untuk mendaftar');
    const rows = await store.database.db.select().from(users).where(sql`lower(${users.email}) = 'dup@example.com'`);
    expect(rows).toHaveLength(1);
  });

  it('refuses a 10 KB name, invalid UTF-8 and weak passwords, keeping the other values', async () => {
    const b = browser();
    await b.get('/daftar');
    const long = await b.post('/daftar', { name: 'x'.repeat(10_240), email: 'long@example.com', password: PASSWORD });
    expect(long.status).toBe(400);
    expect(long.body).toContain('Terlalu panjang');
    expect(long.body).toContain('value="long@example.com"');
    // 100 000 characters pasted into a field: still the form with the message, nothing typed lost.
    const pasted = await b.post('/daftar', { name: 'x'.repeat(100_000), email: 'pasted@example.com', password: PASSWORD });
    expect(pasted.status).toBe(400);
    expect(pasted.body).toContain('Terlalu panjang');
    expect(pasted.body).toContain('value="pasted@example.com"');

    // Raw invalid UTF-8 bytes (0xC3 0x28) in the body, as a broken client would send them.
    const payload = Buffer.concat([
      Buffer.from(`_csrf=${encodeURIComponent(b.csrf!)}&email=utf%40example.com&password=${PASSWORD}&name=Bad`),
      Buffer.from([0xc3, 0x28]),
    ]);
    const bad = await store.app.inject({
      method: 'POST',
      url: '/daftar',
      remoteAddress: '198.51.100.200',
      headers: { cookie: `sid=${b.cookies.get('sid')}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('karakter yang tidak valid');
    const encoded = await b.post('/daftar', { name: 'Bad\u0000name', email: 'utf2@example.com', password: PASSWORD });
    expect(encoded.status).toBe(400);

    for (const [password, message] of [
      ['pendek', 'minimal 10 karakter'],
      ['password1234', 'terlalu umum'],
      ['weak@example.com', 'tidak boleh sama dengan email'],
    ] as const) {
      const res = await b.post('/daftar', { name: 'Weak', email: 'weak@example.com', password });
      expect(res.status).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).not.toMatch(/id="f-password"[^>]*value=/);
    }
  });

  it('stores a name with script tags as typed and always shows it escaped', async () => {
    const b = browser();
    await b.get('/daftar');
    const name = '<script>alert("x")</script>';
    expect((await b.post('/daftar', { name, email: 'xss@example.com', password: PASSWORD })).status).toBe(303);
    const [row] = await store.database.db.select().from(users).where(eq(users.email, 'xss@example.com'));
    expect(row!.name).toBe(name);
    const page = await b.get('/akun');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('&lt;script>alert');
  });

  it('locks an account after 5 wrong passwords (429 with Retry-After), even for the right one', async () => {
    await createUser(store.database.db, { email: 'brute@example.com' });
    const b = browser();
    for (let i = 0; i < 5; i++) {
      const res = await b.login('brute@example.com', `wrong-password-${i}`);
      expect(res.status).toBe(401);
      expect(res.body).toContain('Email atau kata sandi salah');
      expect(res.body).toContain('value="brute@example.com"');
    }
    const locked = await b.login('brute@example.com', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.body).toContain('Terlalu banyak percobaan');
    // Another client address does not help: the lock is per account.
    expect((await browser().login('brute@example.com', PASSWORD)).status).toBe(429);
  });

  it('gives the same generic answer for an unknown email and a wrong password', async () => {
    await createUser(store.database.db, { email: 'known@example.com' });
    const b = browser();
    const unknown = await b.login('nobody@example.com', PASSWORD);
    const wrong = await b.login('known@example.com', 'not-the-password');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toContain('Email atau kata sandi salah');
    expect(wrong.body).toContain('Email atau kata sandi salah');
  });

  it('limits login attempts per IP address (429 page)', async () => {
    const b = browser();
    await b.get('/masuk');
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++) status = (await b.post('/masuk', { email: `ip${i}@example.com`, password: 'x' })).status;
    expect(status).toBe(429);
  });

  it('rejects a POST without or with a wrong CSRF token: friendly page keeping the input, or JSON', async () => {
    await createUser(store.database.db, { email: 'csrf@example.com', name: 'Asli' });
    const b = browser();
    await b.login('csrf@example.com', PASSWORD);
    const missing = await b.request('POST', '/akun/profil', { form: { name: 'Diubah Penyerang', phone: '081234567890' } });
    expect(missing.status).toBe(403);
    expect(missing.body).toContain('Formulir perlu dikirim ulang');
    expect(missing.body).toContain('value="Diubah Penyerang"');
    expect(missing.body).toMatch(/name="_csrf" value="[^"]+"/);
    const wrong = await b.request('POST', '/akun/profil', { form: { _csrf: 'AAAA', name: 'X' } });
    expect(wrong.status).toBe(403);
    const json = await b.request('POST', '/akun/profil', { form: { name: 'X' }, headers: { accept: 'application/json' } });
    expect(json.status).toBe(403);
    expect(JSON.parse(json.body).error.code).toBe('csrf');
    // A token from another visitor's session is no good either.
    const other = browser();
    await other.get('/masuk');
    expect((await b.request('POST', '/akun/profil', { form: { _csrf: other.csrf!, name: 'X' } })).status).toBe(403);
    const [row] = await store.database.db.select().from(users).where(eq(users.email, 'csrf@example.com'));
    expect(row!.name).toBe('Asli');
    // The resend form carries a valid token: one click and it goes through.
    const resent = await b.post('/akun/profil', { name: 'Diubah Sendiri', phone: '081234567890' });
    expect(resent.status).toBe(303);
    // The header works too (fetch calls).
    await b.get('/akun');
    expect((await b.request('POST', '/akun/profil', { form: { name: 'Lewat Header' }, headers: { 'x-csrf-token': b.csrf! } })).status).toBe(
      303,
    );
  });

  it('ignores a planted session id at login (no session fixation)', async () => {
    await createUser(store.database.db, { email: 'fix@example.com' });
    const attacker = browser();
    await attacker.get('/masuk');
    const planted = attacker.cookies.get('sid')!;
    const victim = browser();
    victim.cookies.set('sid', planted);
    await victim.get('/masuk');
    expect((await victim.post('/masuk', { email: 'fix@example.com', password: PASSWORD })).status).toBe(303);
    expect(victim.cookies.get('sid')).not.toBe(planted);
    expect((await attacker.get('/akun')).status).toBe(303);
    expect((await victim.get('/akun')).status).toBe(200);
  });

  it('redirects after login only to local paths', async () => {
    await createUser(store.database.db, { email: 'next@example.com' });
    for (const [next, expected] of [
      ['//evil.example', '/akun'],
      ['/\\evil.example', '/akun'],
      ['https://evil.example/', '/akun'],
      ['/produk?q=gitar', '/produk?q=gitar'],
      ['/.//evil.example/phish', '/akun'],
      ['/%2e//evil.example/phish', '/akun'],
    ]) {
      const b = browser();
      const res = await b.login('next@example.com', PASSWORD, { next: next! });
      expect(res.location).toBe(expected);
    }
    // A signed-in customer sent to the login page with a crafted next= stays on the site.
    const signedIn = browser();
    await signedIn.login('next@example.com', PASSWORD);
    for (const next of ['/.//evil.example/phish', '/..//evil.example', '/a/..//evil.example']) {
      expect((await signedIn.get(`/masuk?next=${encodeURIComponent(next)}`)).location).toBe('/akun');
    }
    const anon = browser();
    const sent = await anon.get('/akun/alamat');
    expect(sent.location).toBe('/masuk?next=%2Fakun%2Falamat&pesan=login');
  });

  it('refuses expired, tampered and wrong-purpose links', async () => {
    const b = browser();
    const secret = store.config.sessionSecret;
    const expired = signToken(secret, { purpose: 'reset', sub: 1, ttlSeconds: -1 }).token;
    expect((await b.get(`/reset-password?token=${encodeURIComponent(expired)}`)).status).toBe(400);
    const verify = signToken(secret, { purpose: 'verify', sub: 1, ttlSeconds: 3600 }).token;
    expect((await b.get(`/reset-password?token=${encodeURIComponent(verify)}`)).status).toBe(400);
    expect((await b.get(`/verifikasi-email?token=${encodeURIComponent(verify.slice(0, -2) + 'xx')}`)).status).toBe(400);
  });

  it('ends a deactivated user’s live session on the next request and refuses the login clearly', async () => {
    const user = await createUser(store.database.db, { email: 'nonaktif@example.com' });
    const b = browser();
    await b.login('nonaktif@example.com', PASSWORD);
    expect((await b.get('/akun')).status).toBe(200);
    await deactivate(store.database.db, user.id);
    const next = await b.get('/akun');
    expect(next.status).toBe(303);
    expect(next.location).toContain('pesan=nonaktif');
    expect(b.cookies.has('sid')).toBe(false);
    const again = await b.login('nonaktif@example.com', PASSWORD);
    expect(again.status).toBe(403);
    expect(again.body).toContain('sudah dinonaktifkan');
    // Without the right password nothing is revealed.
    expect((await b.login('nonaktif@example.com', 'wrong-password-1')).body).toContain('Email atau kata sandi salah');
  });

  it('expires idle and old sessions and ignores a forged cookie', async () => {
    await createUser(store.database.db, { email: 'idle@example.com' });
    const b = browser();
    await b.login('idle@example.com', PASSWORD);
    await store.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '3 hours'` }).where(sql`user_id IS NOT NULL`);
    expect((await b.get('/akun')).status).toBe(303);
    await b.login('idle@example.com', PASSWORD);
    await store.database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(sql`user_id IS NOT NULL`);
    expect((await b.get('/akun')).status).toBe(303);
    await b.login('idle@example.com', PASSWORD);
    const sid = b.cookies.get('sid')!;
    b.cookies.set('sid', sid.replace(/\.[^.]+$/, '.forged'));
    expect((await b.get('/akun')).status).toBe(303);
  });

  it('limits verification emails per account (3 an hour, the registration’s included) and per address', async () => {
    const db = store.database.db;
    const emailsTo = async (to: string) =>
      Number((await db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.toAddress, to)))[0]!.n);
    const b = browser();
    await b.get('/daftar');
    expect((await b.post('/daftar', { name: 'Korban', email: 'korban@example.com', password: PASSWORD })).status).toBe(303);
    await b.get('/akun');
    expect((await b.post('/akun/verifikasi/kirim-ulang')).status).toBe(303);
    expect((await b.post('/akun/verifikasi/kirim-ulang')).status).toBe(303);
    const refused = await b.post('/akun/verifikasi/kirim-ulang');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expect(await emailsTo('korban@example.com')).toBe(3);

    // Per address: ten resends from one client address, whatever the accounts.
    const shared = `198.51.100.${ip++}`;
    let allowed = 0;
    for (let k = 0; k < 6; k++) {
      const user = new TestBrowser(store.app, shared);
      await user.get('/daftar');
      await user.post('/daftar', { name: `Tamu ${k}`, email: `tamu${k}@limit.example`, password: PASSWORD });
      await user.get('/akun');
      for (let r = 0; r < 2; r++) if ((await user.post('/akun/verifikasi/kirim-ulang')).status === 303) allowed++;
    }
    expect(allowed).toBe(10);
  });
});
