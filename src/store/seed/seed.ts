/**
 * Seeds an empty store with the sample catalogue: categories, suppliers, couriers, 36 products
 * and their locally drawn images. Images are stored first (upload store: folder or bucket) (rendered a few at a time);
 * all rows go in one transaction, which re-checks emptiness under an advisory lock, so two
 * instances starting at once never seed twice. On failure the written images are removed.
 */
import type { StoreDb } from '../../db/store-db';
import type { ObjectStorage } from '../../lib/storage/types';
import { removeImageRenditions, type StoredImage } from '../media/service';
import { renderSampleImage } from './image-cache';
import { productArtSvgs } from './product-art';
import { insertSampleCatalog, isStoreEmpty } from './repository';
import type { SeedResult } from './types';

export type { SeedResult } from './types';

export { ensureStoreProfile, isStoreEmpty } from './repository';
export { sampleSoldCount } from './sample-data';
import { sampleProducts } from './sample-data';

export interface SeedOptions {
  /** The public upload store the images go to. */
  media: ObjectStorage;
  log?: (msg: string) => void;
  /** Images rendered at once (default 4). */
  concurrency?: number;
  /** Folder where rendered sample images are kept and reused (tests seed many databases). */
  imageCacheDir?: string;
}

export async function seedSampleData(db: StoreDb, opts: SeedOptions): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const none: SeedResult = { categories: 0, products: 0, images: 0 };
  if (!(await isStoreEmpty(db))) {
    log('Sample data skipped: the catalogue is not empty.');
    return none;
  }

  const started = performance.now();
  const written: StoredImage[] = [];
  const imagesBySku = new Map<string, StoredImage[]>();
  try {
    await mapLimit(sampleProducts, opts.concurrency ?? 4, async (p) => {
      const shots: StoredImage[] = [];
      for (const svg of productArtSvgs(p)) {
        const stored = await renderSampleImage(svg, opts.media, opts.imageCacheDir);
        written.push(stored);
        shots.push(stored);
      }
      imagesBySku.set(p.sku, shots);
    });
    log(`Rendered ${written.length} product images in ${Math.round(performance.now() - started)} ms.`);

    const result = await insertSampleCatalog(db, imagesBySku);

    if (result.products === 0) {
      log('Sample data skipped: another process seeded the catalogue first.');
      await removeAll(opts.media, written);
      return none;
    }
    return result;
  } catch (error) {
    await removeAll(opts.media, written);
    throw error;
  }
}

async function removeAll(media: ObjectStorage, images: StoredImage[]): Promise<void> {
  await Promise.all(images.map((img) => removeImageRenditions(media, img.storageKey).catch(() => {})));
}

/** Runs `fn` over `items` with at most `limit` calls in flight; stops and rejects on the first failure. */
async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await fn(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Wait for every worker, so nothing is still writing files when the caller cleans up.
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
