/**
 * A store app on a fresh database for integration tests (`app.inject()`, no port).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig } from '../../src/config';
import { openStoreDatabase, type StoreDbHandle } from '../../src/db/store-db';
import type { RedisClient } from '../../src/lib/redis';
import { buildStoreApp } from '../../src/store/app';
import { prepareStoreDatabase } from '../../src/store/startup';
import { createTestDatabase, type DbTarget } from './databases';

export interface TestStore {
  app: FastifyInstance;
  database: StoreDbHandle;
  config: Config;
  close(): Promise<void>;
}

export function testConfig(dataDir: string, extra: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-session-secret-'.padEnd(48, 'x'),
    CHAT_TOKEN_SECRET: 'test-chat-token-secret-'.padEnd(48, 'y'),
    ADMIN_PASSWORD: 'test-admin-password-1',
    LOG_LEVEL: 'silent',
    ...extra,
  });
}

export async function createTestStore(
  target: DbTarget,
  options: {
    sampleData?: boolean;
    redis?: RedisClient;
    env?: Record<string, string>;
    beforeReady?: (app: FastifyInstance) => void;
    /** Routes registered inside the admin area, under its guard. */
    adminRoutes?: (admin: FastifyInstance) => void;
    /** Fixed time for time-dependent pages (the dashboard's WIB days). */
    clock?: () => Date;
  } = {},
): Promise<TestStore> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-test-'));
  const config = testConfig(dataDir, { SAMPLE_DATA: String(options.sampleData ?? true), ...options.env });
  const testDb = await createTestDatabase(target);
  const database = await openStoreDatabase(config, { url: testDb.url, inMemory: !testDb.url });
  await prepareStoreDatabase(config, database, () => {});
  const app = await buildStoreApp({
    config,
    database,
    redis: options.redis,
    logger: false,
    adminRoutes: options.adminRoutes,
    clock: options.clock,
  });
  options.beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      // A test that listens on a port can leave a client's connection open (a response body it
      // never read): after a grace period it is cut, so one such test cannot stall its file's
      // teardown until the hook's timeout.
      const stuck = setTimeout(() => app.server.closeAllConnections(), 5_000);
      await app.close().finally(() => clearTimeout(stuck));
      await database.close().catch(() => {});
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
