/**
 * Rendering the sample drawings is most of the seed's time. With a cache folder (tests seed a
 * fresh database per file), each drawing is rendered once and later seeds copy the files under
 * a new random storage key. Entries are keyed by the SVG's hash, so a changed drawing renders anew.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImageSize } from '../../db/schema';
import { imagePath, newStorageKey, type StoredImage, storeImageRenditions } from '../media/service';
import { IMAGE_FORMATS, IMAGE_WIDTHS } from '../ui/image-urls';

const RENDER_OPTIONS = { allowSvg: true, webpEffort: 2 } as const;

const renditions = () => IMAGE_WIDTHS.flatMap((width) => IMAGE_FORMATS.map((format) => ({ width, format })));

export async function renderSampleImage(svg: string, uploadDir: string, cacheDir?: string): Promise<StoredImage> {
  if (!cacheDir) return storeImageRenditions(Buffer.from(svg), uploadDir, RENDER_OPTIONS);
  const hash = createHash('sha256').update(svg).digest('hex').slice(0, 32);
  const manifest = path.join(cacheDir, `${hash}.json`);

  const cachedSizes = await readFile(manifest, 'utf8').then(
    (text) => JSON.parse(text) as ImageSize[],
    () => undefined,
  );
  if (cachedSizes) {
    const storageKey = newStorageKey();
    await mkdir(path.join(uploadDir, 'products'), { recursive: true });
    await Promise.all(
      renditions().map(({ width, format }) =>
        copyFile(imagePath(cacheDir, hash, width, format, 'products'), imagePath(uploadDir, storageKey, width, format)),
      ),
    );
    return { storageKey, sizes: cachedSizes };
  }

  const stored = await storeImageRenditions(Buffer.from(svg), uploadDir, RENDER_OPTIONS);
  await mkdir(path.join(cacheDir, 'products'), { recursive: true });
  // Copy then rename: parallel seeds never see a half-written file; the manifest goes last.
  await Promise.all(
    renditions().map(async ({ width, format }) => {
      const target = imagePath(cacheDir, hash, width, format, 'products');
      await copyFile(imagePath(uploadDir, stored.storageKey, width, format), `${target}.${process.pid}.tmp`);
      await rename(`${target}.${process.pid}.tmp`, target);
    }),
  );
  await writeFile(`${manifest}.${process.pid}.tmp`, JSON.stringify(stored.sizes));
  await rename(`${manifest}.${process.pid}.tmp`, manifest);
  return stored;
}
