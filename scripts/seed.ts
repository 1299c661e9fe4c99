/**
 * `npm run seed`: migrates the store database and loads the sample catalogue when it is empty
 * (store profile, categories, suppliers, couriers, ~35 products with images). Safe to run again:
 * a database that already has a catalogue is left alone.
 */
import { loadConfigOrExit } from '../src/config';
import { openStoreDatabase } from '../src/db/store-db';
import { createUploadStores } from '../src/lib/storage/uploads';
import { ensureStoreProfile, isStoreEmpty, seedSampleData } from '../src/store/seed/seed';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openStoreDatabase(config);
  const uploads = createUploadStores(config.uploadDir, config.storage);
  const where = config.store.databaseUrl ? 'PostgreSQL' : config.pgliteDirs.store;
  try {
    await database.migrate();
    if (await ensureStoreProfile(database.db)) console.log('Store profile created.');
    if (!(await isStoreEmpty(database.db))) {
      console.log(`The store database (${where}) already has a catalogue: nothing to seed.`);
      return;
    }
    const started = Date.now();
    const counts = await seedSampleData(database.db, { media: uploads.media, log: (msg) => console.log(msg) });
    console.log(
      `Sample data loaded into ${where} in ${Date.now() - started} ms: ${counts.categories} categories, ` +
        `${counts.products} products, ${counts.images} images (images in ${uploads.description}).`,
    );
  } finally {
    await uploads.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
