/**
 * Opens a database for either service: embedded PGlite (a folder, or memory in tests) when no
 * URL is given, PostgreSQL through node-postgres otherwise. The same schema and migrations
 * run on both.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

export type Database<S extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, S>;

export interface DatabaseOptions<S extends Record<string, unknown>> {
  schema: S;
  /** PostgreSQL URL; when absent PGlite is used. */
  url?: string;
  /** PGlite data folder; `undefined` (with no url) means in-memory. */
  pgliteDir?: string;
  migrationsFolder: string;
  /** Name of the table that records applied migrations (one per service). */
  migrationsTable: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** Settings of every connection (e.g. search thresholds), name → value. */
  sessionSettings?: Record<string, string>;
}

export interface DatabaseHandle<S extends Record<string, unknown>> {
  db: Database<S>;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase<S extends Record<string, unknown>>(options: DatabaseOptions<S>): Promise<DatabaseHandle<S>> {
  return options.url ? openPostgres(options, options.url) : openPglite(options);
}

async function openPglite<S extends Record<string, unknown>>(options: DatabaseOptions<S>): Promise<DatabaseHandle<S>> {
  // PGlite creates only the last level of its folder.
  if (options.pgliteDir) mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  // Extensions must be passed on every open, not only when they are created.
  const extensions = { pg_trgm, unaccent, fuzzystrmatch };
  const client = options.pgliteDir ? new PGlite(options.pgliteDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  for (const [name, value] of Object.entries(options.sessionSettings ?? {})) {
    await client.query('SELECT set_config($1, $2, false)', [name, value]);
  }
  const db = drizzlePglite(client, { schema: options.schema });
  return {
    db: db as unknown as Database<S>,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: options.migrationsFolder, migrationsTable: options.migrationsTable }),
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}

/** Same key for every instance, so concurrent start-ups apply migrations one at a time. */
const MIGRATION_LOCK_KEY = 720_431_993;

async function openPostgres<S extends Record<string, unknown>>(options: DatabaseOptions<S>, url: string): Promise<DatabaseHandle<S>> {
  // Settings travel in the connection's start-up packet, so they hold before the first query.
  const startupOptions = Object.entries(options.sessionSettings ?? {})
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, ...(startupOptions ? { options: startupOptions } : {}) });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema: options.schema });
  return {
    db: db as unknown as Database<S>,
    driver: 'postgres',
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema: options.schema }), {
          migrationsFolder: options.migrationsFolder,
          migrationsTable: options.migrationsTable,
        });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`SELECT 1`);
    },
    close: () => pool.end(),
  };
}

/**
 * Rows of a raw `db.execute(sql…)` result. Both drivers return `{ rows }`, but the shared
 * PgDatabase type does not say so; numeric aggregates come back as strings from node-postgres
 * and as numbers from PGlite, so callers convert them with Number().
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
