/**
 * Databases for integration tests. Every test file gets its own: an in-memory PGlite, or, when
 * TEST_DATABASE_URL is set, a freshly created PostgreSQL database that is dropped afterwards.
 * So tests are isolated and can run in any order and in parallel.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type DbTarget = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set (as CI does). */
export const dbTargets: DbTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  /** PostgreSQL URL of the new database, or undefined for in-memory PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function createTestDatabase(target: DbTarget): Promise<TestDatabase> {
  if (target === 'pglite') return { url: undefined, drop: async () => {} };
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `hurtrock_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdminClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}

async function withAdminClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
