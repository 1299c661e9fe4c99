/**
 * `npx tsx scripts/copy-uploads.ts`: copies the uploads of the folder driver (UPLOAD_DIR and the
 * private-uploads folder beside it) into the S3 bucket configured by STORAGE_DRIVER=s3 and S3_*,
 * the step before switching a running shop to the bucket (docs/storage.md). Reads the same
 * environment and `.env` as the store; objects already in the bucket with the same size are
 * skipped, so it can run again after an interruption, or once more just before the switch.
 */
import { loadConfigOrExit } from '../src/config';
import { copyObjects } from '../src/lib/storage/copy';
import { createUploadStores } from '../src/lib/storage/uploads';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.storage.driver !== 's3') {
    console.error('Set STORAGE_DRIVER=s3 and the S3_* settings of the bucket to copy into (docs/storage.md).');
    process.exitCode = 2;
    return;
  }
  const folder = createUploadStores(config.uploadDir, { driver: 'folder' });
  const bucket = createUploadStores(config.uploadDir, config.storage);
  console.log(`Copying ${folder.description} (and its private uploads) into ${bucket.description}…`);
  try {
    for (const part of ['media', 'private'] as const) {
      const report = await copyObjects(folder[part], bucket[part]);
      console.log(`${part}: ${report.copied} copied (${(report.bytes / 1e6).toFixed(1)} MB), ${report.skipped} already there.`);
    }
  } finally {
    await bucket.close();
  }
}

main().catch((error: unknown) => {
  console.error('Copy failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
