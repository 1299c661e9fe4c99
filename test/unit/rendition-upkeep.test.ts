import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageSize } from '../../src/db/schema';
import { createFolderStorage } from '../../src/lib/storage/folder';
import type { ObjectStorage } from '../../src/lib/storage/types';
import { createRenditionUpkeep } from '../../src/store/media/renditions';
import type { ImageKind, StoredImageRow } from '../../src/store/media/repository';
import { IMAGE_WIDTHS, imagePath, storeImageRenditions } from '../../src/store/media/service';

let uploadDir: string;
let media: ObjectStorage;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'hurtrock-upkeep-'));
  media = createFolderStorage(uploadDir);
});
afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 255, g: 107, b: 53 } } })
    .jpeg()
    .toBuffer();

/** An image as if stored when IMAGE_WIDTHS had only its first `count` widths: later sizes and files gone. */
async function storedBefore(count: number, width = 2000, height = 1500): Promise<{ row: StoredImageRow; full: ImageSize[] }> {
  const stored = await storeImageRenditions(await photo(width, height), media);
  for (const w of IMAGE_WIDTHS.slice(count)) {
    for (const format of ['webp', 'jpg'] as const) await rm(imagePath(uploadDir, stored.storageKey, w, format));
  }
  return { row: { id: 0, storageKey: stored.storageKey, sizes: stored.sizes.slice(0, count) }, full: stored.sizes };
}

/** A kind over rows held in memory, as the repository would read and update them. */
function kindOver(rows: StoredImageRow[], gone = new Set<number>()): ImageKind {
  rows.forEach((row, i) => {
    row.id = i + 1;
  });
  return {
    subdir: 'products',
    lacking: async (widths, afterId, limit) => rows.filter((r) => r.id > afterId && r.sizes.length < widths).slice(0, limit),
    async saveSizes(id, storageKey, sizes) {
      const row = rows.find((r) => r.id === id && r.storageKey === storageKey);
      if (!row || gone.has(id)) return false;
      row.sizes = sizes;
      return true;
    },
  };
}

describe('rendition upkeep', () => {
  it('gives an image stored before the 960 and 480 widths those files, the sizes the pipeline gives, then has nothing to do', async () => {
    const { row, full } = await storedBefore(3);
    const run = createRenditionUpkeep({ media, kinds: [kindOver([row])] });
    expect(await run()).toBe(1);
    expect(row.sizes).toEqual(full);
    for (const [i, w] of IMAGE_WIDTHS.entries()) {
      for (const format of ['webp', 'jpg'] as const) {
        const meta = await sharp(imagePath(uploadDir, row.storageKey, w, format)).metadata();
        expect({ width: meta.width, height: meta.height }, `${w}.${format}`).toEqual(row.sizes[i]);
      }
    }
    expect(await run()).toBe(0);
  });

  it('never upscales: a small image stored before the 480 width gets a 480 file as wide as its source', async () => {
    const { row } = await storedBefore(4, 400, 300);
    await createRenditionUpkeep({ media, kinds: [kindOver([row])] })();
    expect(row.sizes.at(-1)).toEqual({ width: 400, height: 300 });
    expect((await sharp(imagePath(uploadDir, row.storageKey, 480, 'webp')).metadata()).width).toBe(400);
  });

  it('passes over an image whose largest file is gone and reaches the ones after it', async () => {
    const broken = await storedBefore(4);
    for (const format of ['webp', 'jpg'] as const) await rm(imagePath(uploadDir, broken.row.storageKey, 1280, format));
    const good = await storedBefore(4);
    const run = createRenditionUpkeep({ media, kinds: [kindOver([broken.row, good.row])], perRun: 1 });
    expect(await run()).toBe(0);
    expect(await run()).toBe(1);
    expect(good.row.sizes).toHaveLength(IMAGE_WIDTHS.length);
    expect(broken.row.sizes).toHaveLength(4);
    expect(existsSync(imagePath(uploadDir, broken.row.storageKey, 480, 'webp'))).toBe(false);
  });

  it('goes on past an image whose largest file is damaged, then fails the run naming it', async () => {
    const damaged = await storedBefore(4);
    await writeFile(imagePath(uploadDir, damaged.row.storageKey, 1280, 'webp'), 'not an image');
    const good = await storedBefore(4);
    const run = createRenditionUpkeep({ media, kinds: [kindOver([damaged.row, good.row])] });
    await expect(run()).rejects.toThrow(`1 image(s) could not be completed (1 were), first products/${damaged.row.storageKey}`);
    expect(good.row.sizes).toHaveLength(IMAGE_WIDTHS.length);
    expect(damaged.row.sizes).toHaveLength(4);
  });

  it('removes what it wrote for an image deleted while its files were being written', async () => {
    const { row } = await storedBefore(4);
    const run = createRenditionUpkeep({ media, kinds: [kindOver([row], new Set([1]))] });
    expect(await run()).toBe(0);
    for (const w of IMAGE_WIDTHS) expect(existsSync(imagePath(uploadDir, row.storageKey, w, 'webp')), String(w)).toBe(false);
  });
});
