/**
 * What the store does before it listens: migrate, make sure the store profile and an admin
 * exist, and load sample data into an empty database (unless switched off).
 */
import type { Config } from '../config';
import type { StoreDbHandle } from '../db/store-db';
import { type AdminAccountResult, ensureAdminAccount } from './accounts/admin-account';
import { ensureStoreProfile, isStoreEmpty, seedSampleData } from './seed/seed';

export interface StartupReport {
  seeded: boolean;
  admin: AdminAccountResult;
}

export async function prepareStoreDatabase(
  config: Pick<Config, 'sampleData' | 'uploadDir' | 'admin'>,
  database: StoreDbHandle,
  log: (message: string) => void,
  options: { sampleImageCacheDir?: string } = {},
): Promise<StartupReport> {
  await database.migrate();
  const db = database.db;
  await ensureStoreProfile(db);
  let seeded = false;
  if (config.sampleData && (await isStoreEmpty(db))) {
    const started = Date.now();
    const counts = await seedSampleData(db, { uploadDir: config.uploadDir, log, imageCacheDir: options.sampleImageCacheDir });
    log(`Sample data loaded in ${Date.now() - started} ms: ${counts.categories} categories, ${counts.products} products, ${counts.images} images`);
    seeded = true;
  }
  const admin = await ensureAdminAccount(db, config.admin);
  return { seeded, admin };
}
