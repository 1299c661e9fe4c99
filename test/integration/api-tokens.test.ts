/**
 * Personal access tokens on the account page (X10) on both databases: a customer creates one (the
 * secret is shown in that answer only and stored as a hash), sees it listed without the secret,
 * revokes it; forms need the CSRF token; someone else's token cannot be revoked; the cap holds;
 * creation and revocation are in the audit log.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditLog } from '../../src/db/schema';
import { hashTokenSecret } from '../../src/store/api-tokens/secret';
import { MAX_LIVE_TOKENS } from '../../src/store/api-tokens/service';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { api, createTokenOnPage } from './api-helpers';

describe.each(dbTargets)('API tokens on the account page on %s', (target) => {
  let store: TestStore;
  let db: TestStore['database']['db'];
  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false });
    db = store.database.db;
    await createUser(db, { email: 'rina@tokens.example', name: 'Rina' });
    await createUser(db, { email: 'budi@tokens.example', name: 'Budi' });
  });
  afterAll(() => store?.close());

  async function loggedIn(email: string) {
    const b = new TestBrowser(store.app, '203.0.113.30');
    expect((await b.login(email, PASSWORD)).status).toBe(303);
    return b;
  }

  it('asks anonymous visitors to log in', async () => {
    const b = new TestBrowser(store.app);
    const res = await b.get('/akun/token-api');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/masuk?next=%2Fakun%2Ftoken-api&pesan=login');
  });

  it('creates a token whose secret is shown once and stored only as its hash', async () => {
    const b = await loggedIn('rina@tokens.example');
    const page = await b.get('/akun/token-api');
    expect(page.status).toBe(200);
    expect(page.body).toContain('Token akses API');
    expect(page.body).toContain('href="/akun/token-api"');

    const res = await b.post('/akun/token-api', { name: 'Skrip stok', scope: 'read' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const secret = /id="new-token"[^>]*value="(hrt_[A-Za-z0-9_-]{43})"/.exec(res.body)?.[1];
    expect(secret).toBeDefined();
    expect(res.body).toContain('tidak akan ditampilkan lagi');

    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.name, 'Skrip stok'));
    expect(row).toMatchObject({ scope: 'read', secretHash: hashTokenSecret(secret!), hint: secret!.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(secret!.slice(10));

    // Listed afterwards with its name, scope and dates, never the secret again.
    const again = await b.get('/akun/token-api');
    expect(again.body).toContain('Skrip stok');
    expect(again.body).toContain('baca');
    expect(again.body).toContain('belum pernah');
    expect(again.body).not.toContain(secret!);
    expect(again.body).not.toContain('id="new-token"');

    // Using it stamps "last used"; English page reads the same.
    expect((await api(store.app, 'GET', '/api/v1/cart', { token: secret })).status).toBe(200);
    const used = await b.get('/akun/token-api?lang=en');
    expect(used.body).toContain('API access tokens');
    expect(used.body).not.toContain('never');
    // The language is saved on the account: back to Indonesian for the other tests.
    await b.get('/akun/token-api?lang=id');
  });

  it('re-renders the form with a message per field, and refuses a post without the CSRF token', async () => {
    const b = await loggedIn('rina@tokens.example');
    await b.get('/akun/token-api');
    const bad = await b.post('/akun/token-api', { name: '   ', scope: 'admin' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Isi nama token');
    expect(bad.body).toContain('Pilih izin token');
    const forged = await b.post('/akun/token-api', { name: 'Forged', scope: 'write', _csrf: 'nope' });
    expect(forged.status).toBe(403);
    expect(await db.select().from(apiTokens).where(eq(apiTokens.name, 'Forged'))).toEqual([]);
  });

  it('revokes the owner’s token only; the revoked secret stops working at once', async () => {
    const rina = await loggedIn('rina@tokens.example');
    const secret = await createTokenOnPage(rina, 'Revoke me', 'write');
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.name, 'Revoke me'));

    const budi = await loggedIn('budi@tokens.example');
    await budi.get('/akun/token-api');
    const stranger = await budi.post(`/akun/token-api/${row!.id}/cabut`);
    expect(stranger.status).toBe(404);
    expect((await api(store.app, 'GET', '/api/v1/cart', { token: secret })).status).toBe(200);

    await rina.get('/akun/token-api');
    const res = await rina.post(`/akun/token-api/${row!.id}/cabut`);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/akun/token-api?pesan=dicabut');
    const page = await rina.get(res.location!);
    expect(page.body).toContain('Token dicabut');
    expect(page.body).toContain('dicabut ');
    const refused = await api(store.app, 'GET', '/api/v1/cart', { token: secret });
    expect(refused.status).toBe(401);
    expect(refused.json.error.code).toBe('invalid_token');
    // A second revocation finds nothing live.
    expect((await rina.post(`/akun/token-api/${row!.id}/cabut`)).status).toBe(404);

    const entries = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, String(row!.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['user.api_token_created', 'user.api_token_revoked']);
    expect(entries.every((e) => e.actorEmail === 'rina@tokens.example')).toBe(true);
  });

  it(`allows at most ${MAX_LIVE_TOKENS} live tokens per account`, async () => {
    await createUser(db, { email: 'many@tokens.example' });
    const b = await loggedIn('many@tokens.example');
    for (let i = 0; i < MAX_LIVE_TOKENS; i++) await createTokenOnPage(b, `token ${i}`, 'read');
    await b.get('/akun/token-api');
    const refused = await b.post('/akun/token-api', { name: 'one too many', scope: 'read' });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain(`Paling banyak ${MAX_LIVE_TOKENS} token aktif`);
    expect(refused.body).not.toContain('id="new-token"');
  });
});
