/**
 * Two-factor sign-in for staff through HTTP on both databases, with a fixed clock that the test
 * moves forward in 30-second steps: enrolment with a code computed from the key the page shows,
 * the second login step (code, recovery code once, reuse refused), wrong codes counted by the same
 * lock-out as passwords, the pending state's expiry, the shop's "required" setting in the admin
 * guard, recovery codes regenerated, switching off, and exactly one audit entry per action (none
 * for a refused one).
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, recoveryCodes, sessions, shopSettings, users } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { createRedis } from '../../src/lib/redis';
import { sha256 } from '../../src/lib/tokens';
import { createTwoFactorRepository } from '../../src/store/accounts/two-factor/repository';
import { totpCodeAt } from '../../src/store/accounts/two-factor/totp';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';

const SECURITY = '/admin/akun/keamanan';

describe.each(dbTargets)('two-factor sign-in on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let now = Date.UTC(2026, 11, 3, 5, 0, 10);
  let ip = 10;
  const browser = () => new TestBrowser(store.app, `198.51.100.${ip++}`);

  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false, clock: () => new Date(now) });
    db = store.database.db;
  });
  afterAll(() => store?.close());
  // Each test starts in a later 30-second step: no code is ever the previous test's.
  beforeEach(() => {
    now += 5 * 60_000;
  });

  async function auditOf(action: string, subjectId?: number) {
    const rows = await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(auditLog.id);
    return subjectId === undefined ? rows : rows.filter((r) => r.subjectId === String(subjectId));
  }
  const userRow = async (id: number) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
  const setRequired = (on: boolean) => db.update(shopSettings).set({ requireStaffTwoFactor: on });

  /** Signs in (password only), enrols from the page's key, answers the key and the recovery codes. */
  async function enrol(email: string, role: 'staff' | 'admin' = 'staff') {
    const user = await createUser(db, { email, role });
    const b = browser();
    expect((await b.login(email, PASSWORD)).status).toBe(303);
    await b.get(SECURITY);
    expect((await b.post(`${SECURITY}/aktifkan`)).status).toBe(303);
    const page = await b.get(SECURITY);
    const secret = /data-totp-secret="([A-Z2-7]+)"/.exec(page.body)![1]!;
    const done = await b.post(`${SECURITY}/konfirmasi`, { code: totpCodeAt(secret, now) });
    expect(done.status).toBe(200);
    const codes = [...done.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    return { user, secret, codes, browser: b };
  }

  /** Password step: answers the browser, waiting at /masuk/verifikasi. */
  async function passwordStep(email: string) {
    const b = browser();
    await b.get('/masuk');
    const res = await b.post('/masuk', { email, password: PASSWORD, next: '/admin/pesanan' });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/masuk/verifikasi');
    await b.get('/masuk/verifikasi');
    return b;
  }

  it('enrols from the page: a pending encrypted key and QR code, confirmed with a code; ten hashed recovery codes, one entry', async () => {
    const user = await createUser(db, { email: 'enrol@tf.example', role: 'staff' });
    const b = browser();
    await b.login('enrol@tf.example', PASSWORD);
    const off = await b.get(SECURITY);
    expect(off.status).toBe(200);
    expect(off.body).toContain('data-tf-status="off"');
    expect(off.body).toContain('data-admin-security');
    expect((await b.post(`${SECURITY}/aktifkan`)).status).toBe(303);
    const page = await b.get(SECURITY);
    const secret = /data-totp-secret="([A-Z2-7]+)"/.exec(page.body)![1]!;
    expect(page.body).toMatch(/<div class="tf-qr" role="img"[^>]*><svg viewBox/);
    let row = await userRow(user.id);
    expect(row.totpSecret).toBeTruthy();
    expect(row.totpSecret).not.toContain(secret);
    expect(row.totpEnabledAt).toBeNull();

    // Refused codes change nothing and write no entry; the form says why.
    const wrong = String((Number(totpCodeAt(secret, now)) + 1) % 1_000_000).padStart(6, '0');
    const refused = await b.post(`${SECURITY}/konfirmasi`, { code: wrong });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Kode salah atau sudah kedaluwarsa.');
    expect((await b.post(`${SECURITY}/konfirmasi`, { code: '12ab' })).status).toBe(400);
    expect((await b.post(`${SECURITY}/konfirmasi`, { code: totpCodeAt(secret, now), _csrf: 'forged' })).status).toBe(403);
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();
    expect(await auditOf('user.two_factor_enabled', user.id)).toHaveLength(0);

    const done = await b.post(`${SECURITY}/konfirmasi`, { code: totpCodeAt(secret, now) });
    expect(done.status).toBe(200);
    const codes = [...done.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect(done.headers['cache-control']).toBe('no-store');
    expect(page.headers['cache-control']).toBe('no-store');
    row = await userRow(user.id);
    expect(row.totpEnabledAt).not.toBeNull();
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((r) => r.codeHash).sort()).toEqual(codes.map(sha256).sort());
    const entries = await auditOf('user.two_factor_enabled', user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: user.id, actorRole: 'staff', subjectType: 'user', before: { twoFactor: false } });
    // Shown once: the page afterwards only counts them.
    const on = await b.get(SECURITY);
    expect(on.body).toContain('data-tf-status="on"');
    expect(on.body).toContain('data-recovery-left="10"');
    expect(on.body).not.toContain(codes[0]!);
  });

  it('asks for the code after the password; a right code logs in once (audited), the same code is refused afterwards', async () => {
    const { user, secret } = await enrol('login@tf.example');
    now += 30_000;
    const b = await passwordStep('login@tf.example');
    // Not logged in yet.
    expect((await b.get('/admin')).location).toMatch(/^\/masuk\?next=/);
    await b.get('/masuk/verifikasi');
    const code = totpCodeAt(secret, now);
    const ok = await b.post('/masuk/verifikasi', { code });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/admin/pesanan');
    expect((await b.get('/admin/pesanan')).status).toBe(200);
    const logins = await auditOf('staff.login', user.id);
    // One for the enrolment's password-only login, one now with the code.
    expect(logins.map((l) => l.after)).toEqual([{ method: 'password' }, { method: 'totp' }]);
    expect(logins[1]).toMatchObject({ actorId: user.id, ip: expect.stringMatching(/^198\.51\.100\./) });

    const again = await passwordStep('login@tf.example');
    const reused = await again.post('/masuk/verifikasi', { code });
    expect(reused.status).toBe(401);
    expect(reused.body).toContain('Kode ini sudah dipakai');
    expect((await again.get('/admin')).status).toBe(303);
  });

  it('counts wrong codes with the password lock-out: locked after five, even for the right code; each failure audited', async () => {
    const { user, secret } = await enrol('locked@tf.example');
    now += 30_000;
    const b = await passwordStep('locked@tf.example');
    const wrong = String((Number(totpCodeAt(secret, now)) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) expect((await b.post('/masuk/verifikasi', { code: wrong })).status).toBe(401);
    const locked = await b.post('/masuk/verifikasi', { code: totpCodeAt(secret, now) });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    // The password is locked too: the same counter.
    const other = browser();
    await other.get('/masuk');
    expect((await other.post('/masuk', { email: 'locked@tf.example', password: PASSWORD })).status).toBe(429);
    const failures = await auditOf('staff.login_failed', user.id);
    expect(failures).toHaveLength(5);
    expect(failures.every((f) => f.actorId === null && f.ip !== null && (f.after as { step: string }).step === 'code')).toBe(true);
    // Only the enrolment's own login: the locked attempts logged nobody in.
    expect(await auditOf('staff.login', user.id)).toHaveLength(1);
  });

  it('takes a recovery code exactly once', async () => {
    const { user, codes } = await enrol('recovery@tf.example');
    const first = await passwordStep('recovery@tf.example');
    expect((await first.post('/masuk/verifikasi', { code: codes[3]!.toUpperCase() })).status).toBe(303);
    expect((await first.get('/admin')).status).toBe(200);
    const used = await db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), sql`${recoveryCodes.usedAt} IS NOT NULL`));
    expect(used.map((r) => r.codeHash)).toEqual([sha256(codes[3]!)]);
    const second = await passwordStep('recovery@tf.example');
    const refused = await second.post('/masuk/verifikasi', { code: codes[3]! });
    expect(refused.status).toBe(401);
    expect((await auditOf('staff.login', user.id)).map((l) => l.after)).toEqual([{ method: 'password' }, { method: 'recovery' }]);
    expect(await auditOf('staff.login_failed', user.id)).toHaveLength(1);
  });

  it('claims a step and spends a recovery code with one conditional UPDATE: the same or an older step fails', async () => {
    // What makes two racing requests with the same code end with one login: the row, not the read before it.
    const user = await createUser(db, { email: 'claim@tf.example', role: 'staff' });
    const repo = createTwoFactorRepository(db);
    expect(await repo.claimStep(db, user.id, 1000)).toBe(true);
    expect(await repo.claimStep(db, user.id, 1000)).toBe(false);
    expect(await repo.claimStep(db, user.id, 999)).toBe(false);
    expect(await repo.claimStep(db, user.id, 1001)).toBe(true);
    expect((await userRow(user.id)).totpLastStep).toBe(1001);
    await repo.replaceRecoveryCodes(db, user.id, [sha256('ab23c-3de45')]);
    expect(await repo.spendRecoveryCode(db, user.id, sha256('ab23c-3de45'))).toBe(true);
    expect(await repo.spendRecoveryCode(db, user.id, sha256('ab23c-3de45'))).toBe(false);
  });

  it('sends an expired or missing pending state back to the login page with a notice', async () => {
    const { secret } = await enrol('expiry@tf.example');
    const none = browser();
    expect((await none.get('/masuk/verifikasi')).location).toBe('/masuk?pesan=kode-kedaluwarsa');
    const b = await passwordStep('expiry@tf.example');
    // The pending login is six minutes old.
    await db.execute(
      sql`UPDATE ${sessions} SET data = jsonb_set(data, '{pendingLogin,issuedAt}', to_jsonb(${Date.now() - 6 * 60_000}::bigint))
          WHERE data ? 'pendingLogin'`,
    );
    const res = await b.post('/masuk/verifikasi', { code: totpCodeAt(secret, now + 30_000) });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/masuk?pesan=kode-kedaluwarsa');
    const notice = await b.get(res.location!);
    expect(notice.body).toContain('Waktu untuk memasukkan kode sudah habis');
    expect((await b.get('/admin')).status).toBe(303);
  });

  it('when required by the shop: staff without it reach only the enrolment page; turning off refused; customers unaffected', async () => {
    await createUser(db, { email: 'unenrolled@tf.example', role: 'staff' });
    await createUser(db, { email: 'customer@tf.example', role: 'customer' });
    const enrolled = await enrol('kept@tf.example', 'admin');
    await setRequired(true);
    try {
      const b = browser();
      const login = await b.login('unenrolled@tf.example', PASSWORD);
      expect(login.location).toBe('/admin');
      for (const url of ['/admin', '/admin/pesanan', '/admin/chat']) {
        const res = await b.get(url);
        expect(res.status, url).toBe(303);
        expect(res.location, url).toBe(SECURITY);
      }
      expect((await b.request('GET', '/admin/pesanan', { headers: { accept: 'application/json' } })).status).toBe(403);
      const page = await b.get(SECURITY);
      expect(page.status).toBe(200);
      expect(page.body).toContain('data-tf-required');
      // Enrolled: free again.
      await b.post(`${SECURITY}/aktifkan`);
      const secret = /data-totp-secret="([A-Z2-7]+)"/.exec((await b.get(SECURITY)).body)![1]!;
      expect((await b.post(`${SECURITY}/konfirmasi`, { code: totpCodeAt(secret, now) })).status).toBe(200);
      expect((await b.get('/admin/pesanan')).status).toBe(200);

      const customer = browser();
      await customer.login('customer@tf.example', PASSWORD);
      expect((await customer.get('/akun')).status).toBe(200);

      await enrolled.browser.get(SECURITY);
      const refused = await enrolled.browser.post(`${SECURITY}/nonaktifkan`, { password: PASSWORD });
      expect(refused.status).toBe(409);
      expect((await userRow(enrolled.user.id)).totpEnabledAt).not.toBeNull();
      expect(await auditOf('user.two_factor_disabled', enrolled.user.id)).toHaveLength(0);
    } finally {
      await setRequired(false);
    }
  });

  it('regenerates recovery codes after a current code: the old ones stop working; one audit entry', async () => {
    const { user, secret, codes, browser: b } = await enrol('regen@tf.example');
    now += 30_000;
    await b.get(SECURITY);
    expect((await b.post(`${SECURITY}/kode-pemulihan`, { code: '000000' })).status).toBe(400);
    expect(await auditOf('user.recovery_codes', user.id)).toHaveLength(0);
    const res = await b.post(`${SECURITY}/kode-pemulihan`, { code: totpCodeAt(secret, now) });
    expect(res.status).toBe(200);
    const fresh = [...res.body.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[0]);
    expect(await auditOf('user.recovery_codes', user.id)).toHaveLength(1);
    const old = await passwordStep('regen@tf.example');
    expect((await old.post('/masuk/verifikasi', { code: codes[0]! })).status).toBe(401);
    expect((await old.post('/masuk/verifikasi', { code: fresh[0]! })).status).toBe(303);
  });

  it('switches off with the password (a wrong one refused, nothing written); the next login needs no code', async () => {
    const { user, browser: b } = await enrol('off@tf.example');
    const page = await b.get(SECURITY);
    // Two forms on the page ask for a code: every id is unique, so each label names its own field.
    const ids = [...page.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(new Set(ids).size);
    expect((await b.post(`${SECURITY}/nonaktifkan`, {})).status).toBe(400);
    const wrongCode = await b.post(`${SECURITY}/nonaktifkan`, { offCode: '000000' });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body).toContain('aria-invalid="true"');
    const wrong = await b.post(`${SECURITY}/nonaktifkan`, { password: 'not-the-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('Kata sandi salah.');
    expect(await auditOf('user.two_factor_disabled', user.id)).toHaveLength(0);
    const res = await b.post(`${SECURITY}/nonaktifkan`, { password: PASSWORD });
    expect(res.status).toBe(303);
    const row = await userRow(user.id);
    expect([row.totpSecret, row.totpEnabledAt, row.totpLastStep]).toEqual([null, null, null]);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id))).toHaveLength(0);
    expect(await auditOf('user.two_factor_disabled', user.id)).toHaveLength(1);
    const again = browser();
    expect((await again.login('off@tf.example', PASSWORD)).location).toBe('/admin');
  });

  it('switches off with a current code too', async () => {
    const { user, secret, browser: b } = await enrol('off-code@tf.example');
    now += 30_000;
    await b.get(SECURITY);
    expect((await b.post(`${SECURITY}/nonaktifkan`, { offCode: totpCodeAt(secret, now) })).status).toBe(303);
    expect((await userRow(user.id)).totpEnabledAt).toBeNull();
    const entries = await auditOf('user.two_factor_disabled', user.id);
    expect(entries.map((e) => e.after)).toEqual([{ twoFactor: false, confirmedWith: 'code' }]);
  });

  it("audits staff logins and failed passwords (no actor, with the address), never customers'", async () => {
    const staff = await createUser(db, { email: 'audit-staff@tf.example', role: 'staff' });
    const customer = await createUser(db, { email: 'audit-customer@tf.example', role: 'customer' });
    for (const email of ['audit-staff@tf.example', 'audit-customer@tf.example']) {
      const b = browser();
      await b.get('/masuk');
      expect((await b.post('/masuk', { email, password: 'wrong-password-1' })).status).toBe(401);
      expect((await b.login(email, PASSWORD)).status).toBe(303);
    }
    const failed = await auditOf('staff.login_failed', staff.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actorId: null,
      actorEmail: null,
      subjectLabel: 'audit-staff@tf.example',
      after: { step: 'password' },
    });
    expect(failed[0]!.ip).toMatch(/^198\.51\.100\./);
    expect(await auditOf('staff.login', staff.id)).toHaveLength(1);
    const customerEntries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(customer.id)));
    expect(customerEntries).toHaveLength(0);
  });
});

// With Redis the pending login travels in the Redis session record and the lock-out counter is Redis's.
describe.runIf(process.env.TEST_REDIS_URL)('two-factor sign-in with Redis sessions', () => {
  it('keeps the pending login in the Redis session and completes it with the code', async () => {
    const redis = createRedis(process.env.TEST_REDIS_URL!);
    await redis.connect();
    const store = await createTestStore('pglite', { sampleData: false, redis });
    try {
      const email = `redis-${Date.now()}@tf.example`;
      await createUser(store.database.db, { email, role: 'staff' });
      const net = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      const b = new TestBrowser(store.app, `${net}.1`);
      await b.login(email, PASSWORD);
      await b.get(SECURITY);
      await b.post(`${SECURITY}/aktifkan`);
      const secret = /data-totp-secret="([A-Z2-7]+)"/.exec((await b.get(SECURITY)).body)![1]!;
      expect((await b.post(`${SECURITY}/konfirmasi`, { code: totpCodeAt(secret, Date.now()) })).status).toBe(200);
      const c = new TestBrowser(store.app, `${net}.2`);
      await c.get('/masuk');
      expect((await c.post('/masuk', { email, password: PASSWORD })).location).toBe('/masuk/verifikasi');
      await c.get('/masuk/verifikasi');
      const wrong = String((Number(totpCodeAt(secret, Date.now())) + 5) % 1_000_000).padStart(6, '0');
      expect((await c.post('/masuk/verifikasi', { code: wrong })).status).toBe(401);
      // The enrolment used this step; the next one is accepted (or the recovery path would be needed).
      const next = totpCodeAt(secret, Date.now() + 30_000);
      const res = await c.post('/masuk/verifikasi', { code: next });
      expect(res.status).toBe(303);
      expect((await c.get('/admin')).status).toBe(200);
    } finally {
      await store.close();
      redis.disconnect();
    }
  });
});
