import { afterAll, describe, expect, it } from 'vitest';
import { createRedis, type RedisClient } from '../../src/lib/redis';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

const opened: TestStore[] = [];
const clients: RedisClient[] = [];
afterAll(async () => {
  for (const store of opened) await store.close();
  for (const client of clients) client.disconnect();
});

const redisModes = process.env.TEST_REDIS_URL ? ['memory', 'redis'] : ['memory'];

describe.each(dbTargets)('autocomplete rate limit on %s', (target) => {
  it.each(redisModes)('answers 429 with a JSON error past the limit (%s counter)', async (mode) => {
    let redis: RedisClient | undefined;
    if (mode === 'redis') {
      redis = createRedis(process.env.TEST_REDIS_URL!);
      await redis.connect();
      clients.push(redis);
    }
    const store = await createTestStore(target, { sampleData: false, redis, env: { SUGGEST_RATE_LIMIT: '3' } });
    opened.push(store);
    // A unique client address per run: Redis counts survive between test runs (TEST-NET addresses, injected, never on the network).
    const remoteAddress = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
    const ask = () => store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=gitar', remoteAddress });
    for (let i = 0; i < 3; i++) expect((await ask()).statusCode).toBe(200);
    const limited = await ask();
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(limited.headers['retry-after']).toBeDefined();
    // Another client is not affected.
    const other = await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=gitar', remoteAddress: '192.0.2.99' });
    expect(other.statusCode).toBe(200);
  });
});
