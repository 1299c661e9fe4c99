/**
 * Naming of stored image renditions, shared by the pipeline that writes them and the views that
 * link them: `<subdir>/<key>-<nominal width>.<webp|jpg>`, served under /media/.
 * Renditions are never upscaled, so `sizes[i]` (for IMAGE_WIDTHS[i]) holds the real dimensions.
 */
import type { ImageSize } from '../../db/schema';

export const IMAGE_WIDTHS = [320, 640, 1280] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];
export type ImageFormat = 'webp' | 'jpg';
export const IMAGE_FORMATS: readonly ImageFormat[] = ['webp', 'jpg'];

/** Public URL of one rendition, e.g. `/media/products/<key>-640.webp`. */
export function imageUrl(storageKey: string, width: number, format: ImageFormat, subdir = 'products'): string {
  return `/media/${subdir}/${storageKey}-${width}.${format}`;
}

/**
 * `srcset` of an image: each file under its nominal width, described by its real width; a small
 * source whose renditions came out the same size is listed once.
 */
export function srcSet(storageKey: string, sizes: readonly ImageSize[], format: ImageFormat, subdir = 'products'): string {
  const seen = new Set<number>();
  const entries: string[] = [];
  sizes.forEach((size, i) => {
    const nominal = IMAGE_WIDTHS[i];
    if (nominal === undefined || seen.has(size.width)) return;
    seen.add(size.width);
    entries.push(`${imageUrl(storageKey, nominal, format, subdir)} ${size.width}w`);
  });
  return entries.join(', ');
}

/** The rendition to use as the plain `src`: the one nearest to `wanted` px wide. */
export function fallbackRendition(sizes: readonly ImageSize[], wanted: ImageWidth): { nominal: number; size: ImageSize } | undefined {
  const index = Math.max(0, IMAGE_WIDTHS.indexOf(wanted));
  const size = sizes[index] ?? sizes.at(-1);
  if (!size) return undefined;
  return { nominal: IMAGE_WIDTHS[Math.min(index, sizes.length - 1)]!, size };
}
