/**
 * Rendering the sample drawings is most of the seed's time. With a cache folder (tests seed a
 * fresh database per file), each drawing is rendered once and later seeds store the cached files
 * under a new random storage key. Entries are keyed by the SVG's hash and the rendition widths, so
 * a changed drawing, or a new width, renders anew. The cache is a local folder whatever the upload store is (it is this machine's).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readAll } from '../../lib/storage/read';
import type { ObjectStorage } from '../../lib/storage/types';
import type { ImageSize } from '../../db/schema';
import { imageKey, imagePath, newStorageKey, putRendition, type StoredImage, storeImageRenditions } from '../media/service';
import { IMAGE_FORMATS, IMAGE_WIDTHS } from '../ui/image-urls';

const RENDER_OPTIONS = { allowSvg: true, webpEffort: 2 } as const;

const renditions = () => IMAGE_WIDTHS.flatMap((width) => IMAGE_FORMATS.map((format) => ({ width, format })));

export async function renderSampleImage(svg: string, media: ObjectStorage, cacheDir?: string): Promise<StoredImage> {
  if (!cacheDir) return storeImageRenditions(Buffer.from(svg), media, RENDER_OPTIONS);
  const hash = createHash('sha256')
    .update(`${IMAGE_WIDTHS.join(',')}\n`)
    .update(svg)
    .digest('hex')
    .slice(0, 32);
  const manifest = path.join(cacheDir, `${hash}.json`);

  const cachedSizes = await readFile(manifest, 'utf8').then(
    (text) => JSON.parse(text) as ImageSize[],
    () => undefined,
  );
  if (cachedSizes) {
    const storageKey = newStorageKey();
    await Promise.all(
      renditions().map(async ({ width, format }) =>
        putRendition(media, storageKey, width, format, await readFile(imagePath(cacheDir, hash, width, format, 'products'))),
      ),
    );
    return { storageKey, sizes: cachedSizes };
  }

  const stored = await storeImageRenditions(Buffer.from(svg), media, RENDER_OPTIONS);
  await mkdir(path.join(cacheDir, 'products'), { recursive: true });
  // Write then rename: parallel seeds never see a half-written file; the manifest goes last.
  await Promise.all(
    renditions().map(async ({ width, format }) => {
      const object = await media.get(imageKey(stored.storageKey, width, format));
      if (!object) throw new Error(`sample image rendition missing right after storing it: ${stored.storageKey}`);
      const target = imagePath(cacheDir, hash, width, format, 'products');
      await writeFile(`${target}.${process.pid}.tmp`, await readAll(object.body));
      await rename(`${target}.${process.pid}.tmp`, target);
    }),
  );
  await writeFile(`${manifest}.${process.pid}.tmp`, JSON.stringify(stored.sizes));
  await rename(`${manifest}.${process.pid}.tmp`, manifest);
  return stored;
}
