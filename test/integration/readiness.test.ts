import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../src/lib/redis';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

const opened: TestStore[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
});

async function store(...args: Parameters<typeof createTestStore>) {
  const s = await createTestStore(...args);
  opened.push(s);
  return s;
}

describe.each(dbTargets)('readiness on %s', (target) => {
  it('turns 503 when the database goes away, while liveness stays 200', async () => {
    const s = await store(target, { sampleData: false });
    await s.database.close();
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'unavailable', checks: { database: 'unavailable' } });
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('checks Redis when it is configured and unreachable', async () => {
    // Port 1 on loopback: nothing listens there.
    const redis = createRedis('redis://127.0.0.1:1');
    const s = await store(target, { sampleData: false, redis });
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().checks).toEqual({ database: 'ok', redis: 'unavailable' });
    redis.disconnect();
  });

  it.runIf(process.env.TEST_REDIS_URL)('is ready with a live Redis', async () => {
    const redis = createRedis(process.env.TEST_REDIS_URL!);
    await redis.connect();
    const s = await store(target, { sampleData: false, redis });
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    redis.disconnect();
  });
});
