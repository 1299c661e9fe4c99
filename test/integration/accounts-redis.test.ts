import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, type RedisClient } from '../../src/lib/redis';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, deactivate, PASSWORD, TestBrowser } from './accounts-client';

describe.runIf(process.env.TEST_REDIS_URL)('sessions and login lock-out in Redis', () => {
  let store: TestStore;
  let redis: RedisClient;
  // Redis keeps keys between runs: unique emails per run.
  const run = Math.random().toString(36).slice(2, 8);
  beforeAll(async () => {
    redis = createRedis(process.env.TEST_REDIS_URL!);
    await redis.connect();
    store = await createTestStore('pglite', { sampleData: false, redis });
  });
  afterAll(async () => {
    await store?.close();
    redis?.disconnect();
  });

  it('keeps sessions in Redis, not in the database; logout everywhere and deactivation end them', async () => {
    const user = await createUser(store.database.db, { email: `r-${run}@example.com` });
    const a = new TestBrowser(store.app);
    const b = new TestBrowser(store.app);
    await a.login(`r-${run}@example.com`, PASSWORD);
    await b.login(`r-${run}@example.com`, PASSWORD);
    expect((await a.get('/akun')).status).toBe(200);
    const rows = await store.database.db.execute('SELECT count(*)::int AS n FROM sessions');
    expect((rows as unknown as { rows: Array<{ n: number }> }).rows[0]!.n).toBe(0);
    await a.get('/akun');
    await a.post('/akun/keluar-semua');
    expect((await b.get('/akun')).status).toBe(303);

    await a.login(`r-${run}@example.com`, PASSWORD);
    await deactivate(store.database.db, user.id);
    expect((await a.get('/akun')).location).toContain('pesan=nonaktif');
  });

  it('counts failed logins in Redis', async () => {
    await createUser(store.database.db, { email: `lock-${run}@example.com` });
    const b = new TestBrowser(store.app, `198.51.100.${Math.floor(Math.random() * 200) + 20}`);
    for (let i = 0; i < 5; i++) await b.login(`lock-${run}@example.com`, 'wrong-password!');
    expect((await b.login(`lock-${run}@example.com`, PASSWORD)).status).toBe(429);
    expect(await redis.exists(`fail:login:lock-${run}@example.com`)).toBe(1);
  });
});
