/**
 * Naming of stored image renditions, shared by the pipeline that writes them and the views that
 * link them: `<subdir>/<key>-<nominal width>.<webp|jpg>`, served under /media/.
 * Renditions are never upscaled, so `sizes[i]` (for IMAGE_WIDTHS[i]) holds the real dimensions.
 */
import type { ImageSize } from '../../db/schema';

/**
 * Nominal widths, in the order of a stored image's `sizes`. Widths added later are listed last:
 * images stored before them have fewer sizes, which keep their meaning (they simply offer fewer
 * widths). 960 is what a phone's main product photo needs (~390 CSS px at 2×), where 1280 was a
 * third wasted. 480 is a product card on a phone below 2× (two cards per row, ~200 CSS px at
 * 1.75–2×), where 640 was twice the bytes: on the catalogue's first screen that was ~80 KB more
 * over a slow mobile link, all of it competing with the first card's photo.
 */
export const IMAGE_WIDTHS = [320, 640, 1280, 960, 480] as const;
/** The largest rendition: what an upload is decoded down to, and the zoom and share image. */
export const LARGEST_IMAGE_WIDTH = 1280;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];
export type ImageFormat = 'webp' | 'jpg';
export const IMAGE_FORMATS: readonly ImageFormat[] = ['webp', 'jpg'];

/** Public URL of one rendition, e.g. `/media/products/<key>-640.webp`. */
export function imageUrl(storageKey: string, width: number, format: ImageFormat, subdir = 'products'): string {
  return `/media/${subdir}/${storageKey}-${width}.${format}`;
}

/**
 * `srcset` of an image: each file under its nominal width, described by its real width, narrowest
 * first; a small source whose renditions came out the same size is listed once.
 */
export function srcSet(storageKey: string, sizes: readonly ImageSize[], format: ImageFormat, subdir = 'products'): string {
  const byWidth = new Map<number, number>();
  sizes.forEach((size, i) => {
    const nominal = IMAGE_WIDTHS[i];
    if (nominal !== undefined && !byWidth.has(size.width)) byWidth.set(size.width, nominal);
  });
  return [...byWidth]
    .sort(([a], [b]) => a - b)
    .map(([width, nominal]) => `${imageUrl(storageKey, nominal, format, subdir)} ${width}w`)
    .join(', ');
}

/** The rendition to use as the plain `src`: the one nearest to `wanted` px wide. */
export function fallbackRendition(sizes: readonly ImageSize[], wanted: ImageWidth): { nominal: number; size: ImageSize } | undefined {
  const index = Math.max(0, IMAGE_WIDTHS.indexOf(wanted));
  const size = sizes[index] ?? sizes.at(-1);
  if (!size) return undefined;
  return { nominal: IMAGE_WIDTHS[Math.min(index, sizes.length - 1)]!, size };
}
