import path from 'node:path';
import type { Config } from '../config';
import { projectRoot } from '../lib/project-root';
import { type Database, type DatabaseHandle, openDatabase } from './connection';
import * as schema from './schema';

export type StoreSchema = typeof schema;
export type StoreDb = Database<StoreSchema>;
export type StoreDbHandle = DatabaseHandle<StoreSchema>;

/**
 * Typo-tolerant search uses `q <% search_text` so the trigram index can answer it; the operator
 * compares against this threshold (0.6 by default, too strict for "yamha" → Yamaha).
 */
export const WORD_SIMILARITY_THRESHOLD = 0.45;
export const STORE_SESSION_SETTINGS = { 'pg_trgm.word_similarity_threshold': String(WORD_SIMILARITY_THRESHOLD) };

export const storeMigrationsFolder = () => path.join(projectRoot(), 'src/db/migrations');

/** Opens the store database chosen by the configuration (PostgreSQL URL or PGlite folder). */
export function openStoreDatabase(
  config: Pick<Config, 'store' | 'pgliteDirs'>,
  override?: { url?: string; inMemory?: boolean },
): Promise<StoreDbHandle> {
  const url = override?.url ?? config.store.databaseUrl;
  return openDatabase({
    schema,
    url,
    pgliteDir: override?.inMemory ? undefined : config.pgliteDirs.store,
    migrationsFolder: storeMigrationsFolder(),
    migrationsTable: '__store_migrations',
    sessionSettings: STORE_SESSION_SETTINGS,
  });
}

/** A transaction on the store database; repositories take it (or the database) as their executor. */
export type StoreTx = Parameters<Parameters<StoreDb['transaction']>[0]>[0];
export type StoreExecutor = StoreDb | StoreTx;
/** How services open a transaction without knowing the driver: `transaction(async (tx) => …)`. */
export type RunInTransaction = <T>(work: (tx: StoreTx) => Promise<T>) => Promise<T>;
export const transactionRunner =
  (db: StoreDb): RunInTransaction =>
  (work) =>
    db.transaction(work);
