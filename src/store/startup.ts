/**
 * What the store does before it listens: migrate, make sure the store profile and an admin
 * exist, and load sample data into an empty database (unless switched off).
 */
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config';
import type { StoreDbHandle } from '../db/store-db';
import { createUploadStores, type UploadStores } from '../lib/storage/uploads';
import { type AdminAccountResult, ensureAdminAccount } from './accounts/admin-account';
import { ensureShopSettings } from './shop-settings/repository';
import { ensureStoreProfile, isStoreEmpty, seedSampleData } from './seed/seed';

/**
 * Rendered sample drawings are kept here and reused by later seeds on this machine (tests and
 * browser journeys seed many fresh databases); entries are keyed by the drawing's hash.
 */
export const SAMPLE_IMAGE_CACHE_DIR = path.join(os.tmpdir(), 'hurtrock-sample-image-cache');

export interface StartupReport {
  seeded: boolean;
  admin: AdminAccountResult;
}

export async function prepareStoreDatabase(
  config: Pick<Config, 'sampleData' | 'uploadDir' | 'storage' | 'admin'>,
  database: StoreDbHandle,
  log: (message: string) => void,
  options: { sampleImageCacheDir?: string; uploads?: UploadStores } = { sampleImageCacheDir: SAMPLE_IMAGE_CACHE_DIR },
): Promise<StartupReport> {
  await database.migrate();
  // The folder exists from the start, so a mistyped or unwritable UPLOAD_DIR stops the start here.
  if (config.storage.driver === 'folder') await mkdir(config.uploadDir, { recursive: true });
  const db = database.db;
  await ensureStoreProfile(db);
  let seeded = false;
  if (config.sampleData && (await isStoreEmpty(db))) {
    const started = Date.now();
    const uploads = options.uploads ?? createUploadStores(config.uploadDir, config.storage);
    const counts = await seedSampleData(db, { media: uploads.media, log, imageCacheDir: options.sampleImageCacheDir }).finally(() =>
      options.uploads ? undefined : uploads.close(),
    );
    log(
      `Sample data loaded in ${Date.now() - started} ms: ` +
        `${counts.categories} categories, ${counts.products} products, ${counts.images} images`,
    );
    seeded = true;
  }
  // After seeding, which fills in sample bank accounts; otherwise the defaults (transfer on, no accounts yet).
  await ensureShopSettings(db);
  const admin = await ensureAdminAccount(db, config.admin);
  return { seeded, admin };
}
