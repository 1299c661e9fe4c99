import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderStorage } from '../../src/lib/storage/folder';
import type { ObjectStorage } from '../../src/lib/storage/types';
import { IMAGE_WIDTHS, imagePath, imageUrl, InvalidImageError, storeImageRenditions } from '../../src/store/media/service';

let uploadDir: string;
let media: ObjectStorage;

beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(os.tmpdir(), 'hurtrock-images-'));
  media = createFolderStorage(uploadDir);
});

afterAll(async () => {
  await rm(uploadDir, { recursive: true, force: true });
});

/** A 2000×1500 PNG with EXIF and ICC-free metadata to strip. */
function photo(width = 2000, height = 1500): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 255, g: 107, b: 53 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#1a1a1a"/></svg>`,
        ),
      },
    ])
    .withExif({ IFD0: { Copyright: 'secret camera owner', Artist: 'Someone' } })
    .jpeg()
    .toBuffer();
}

describe('storeImageRenditions', () => {
  it('writes WebP and JPEG at every width under a random key, keeping the aspect ratio', async () => {
    const input = await photo();
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const { storageKey, sizes } = await storeImageRenditions(input, media);

    expect(storageKey).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(sizes).toEqual([
      { width: 320, height: 240 },
      { width: 640, height: 480 },
      { width: 1280, height: 960 },
      { width: 960, height: 720 },
      { width: 480, height: 360 },
    ]);
    const files = (await readdir(path.join(uploadDir, 'products'))).filter((f) => f.startsWith(storageKey));
    expect(files.sort()).toEqual(IMAGE_WIDTHS.flatMap((w) => [`${storageKey}-${w}.jpg`, `${storageKey}-${w}.webp`]).sort());

    for (const [i, w] of IMAGE_WIDTHS.entries()) {
      for (const format of ['webp', 'jpg'] as const) {
        const meta = await sharp(await readFile(imagePath(uploadDir, storageKey, w, format))).metadata();
        expect(meta.format).toBe(format === 'jpg' ? 'jpeg' : 'webp');
        expect({ width: meta.width, height: meta.height }).toEqual(sizes[i]);
        expect(meta.exif).toBeUndefined();
        expect(meta.icc).toBeUndefined();
      }
    }
  });

  it('applies the EXIF orientation before stripping it', async () => {
    // Stored landscape 400×200, tagged "rotate 90° clockwise" (orientation 6): shown as 200×400.
    const input = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#808080' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const { sizes } = await storeImageRenditions(input, media);
    expect(sizes[0]).toEqual({ width: 200, height: 400 });
  });

  it('never upscales a small image', async () => {
    const input = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const { storageKey, sizes } = await storeImageRenditions(input, media);
    expect(sizes).toEqual(IMAGE_WIDTHS.map(() => ({ width: 200, height: 100 })));
    const big = await sharp(await readFile(imagePath(uploadDir, storageKey, 1280, 'webp'))).metadata();
    expect(big.width).toBe(200);
    // JPEG has no alpha: transparency is flattened.
    const jpg = await sharp(await readFile(imagePath(uploadDir, storageKey, 640, 'jpg'))).metadata();
    expect(jpg.hasAlpha).toBe(false);
  });

  it('reads 16-bit PNGs as ordinary 8-bit colour', async () => {
    const input = await sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 255, g: 107, b: 53 } } })
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    expect((await sharp(input).metadata()).depth).toBe('ushort');
    const { storageKey } = await storeImageRenditions(input, media);
    const { channels } = await sharp(await readFile(imagePath(uploadDir, storageKey, 320, 'jpg'))).stats();
    expect(channels.map((c) => Math.round(c.mean / 8))).toEqual([32, 13, 7]);
  });

  it('rejects a file that is not an image, and writes nothing', async () => {
    const before = await readdir(path.join(uploadDir, 'products')).catch(() => []);
    const text = Buffer.from('<?php echo "hello"; ?>\nnot an image at all\n');
    await expect(storeImageRenditions(text, media)).rejects.toBeInstanceOf(InvalidImageError);
    await expect(storeImageRenditions(Buffer.alloc(0), media)).rejects.toBeInstanceOf(InvalidImageError);
    expect(await readdir(path.join(uploadDir, 'products')).catch(() => [])).toEqual(before);
  });

  it('refuses SVG unless the caller allows it', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400"><rect width="400" height="400" fill="#FF6B35"/></svg>',
    );
    await expect(storeImageRenditions(svg, media)).rejects.toBeInstanceOf(InvalidImageError);
    const { sizes } = await storeImageRenditions(svg, media, { allowSvg: true, subdir: 'art' });
    expect(sizes.at(-1)).toEqual({ width: 400, height: 400 });
  });

  it('builds public URLs from the storage key', () => {
    expect(imageUrl('abc_DEF-123', 640, 'webp')).toBe('/media/products/abc_DEF-123-640.webp');
    expect(imageUrl('abc_DEF-123', 320, 'jpg')).toBe('/media/products/abc_DEF-123-320.jpg');
  });
});
