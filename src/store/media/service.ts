/**
 * Product image pipeline: decode an image once through the shared intake (src/lib/images.ts:
 * first-byte check, pixel limit, auto-rotated, metadata stripped), then write WebP and JPEG
 * renditions at IMAGE_WIDTHS under a random storage key, into the public upload store
 * (src/lib/storage: a folder or an S3 bucket, served at /media/):
 *
 *   <subdir>/<key>-<width>.webp and .jpg   (subdir defaults to "products")
 *
 * File names always use the nominal width, so `imageUrl(key, 1280, 'webp')` exists even when the
 * source was smaller: renditions are never upscaled, and `sizes[i]` (for IMAGE_WIDTHS[i]) holds the
 * real dimensions.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import sharp, { type JpegOptions, type Raw, type Sharp, type WebpOptions } from 'sharp';
import type { ImageSize } from '../../db/schema';
import { type ImageFormat as SourceFormat, intakeImage } from '../../lib/images';
import { readObject } from '../../lib/storage/read';
import type { ObjectStorage } from '../../lib/storage/types';

import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageFormat, LARGEST_IMAGE_WIDTH } from '../ui/image-urls';

export { IMAGE_FORMATS, IMAGE_WIDTHS, imageUrl, type ImageFormat, type ImageWidth } from '../ui/image-urls';

/** Raster formats accepted from uploads ('heif' is AVIF too). SVG only when the caller produced it (`allowSvg`). */
const ACCEPTED_FORMATS: readonly SourceFormat[] = ['jpeg', 'png', 'webp', 'gif', 'heif', 'tiff'];
/** Guard against decompression bombs: 50 megapixels is far above any camera upload we need. */
const MAX_INPUT_PIXELS = 50_000_000;

const WEBP_OPTIONS: WebpOptions = { quality: 80, effort: 4 };
const JPEG_OPTIONS: JpegOptions = { quality: 82, progressive: true, mozjpeg: false };
/** JPEG has no alpha channel: transparent areas become white. */
const JPEG_BACKGROUND = '#ffffff';

/** What storeImageRenditions throws for an upload it refuses (its `reason` says why). */
export { InvalidImageError } from '../../lib/images';

export interface StoredImage {
  storageKey: string;
  /** Real dimensions of each rendition, in IMAGE_WIDTHS order. */
  sizes: ImageSize[];
}

export interface StoreImageOptions {
  /** Folder in the upload store; "products" unless given. Letters, digits, "-" and "_" only. */
  subdir?: string;
  /** Accept SVG input (only for images the shop drew itself, e.g. sample data). */
  allowSvg?: boolean;
  /** WebP encoder effort 0–6 (default 4). Lower is faster with slightly larger files (2: ~2× faster, ~3% larger). */
  webpEffort?: number;
}

/** A random, URL-safe storage name (22 characters). */
export function newStorageKey(): string {
  return randomBytes(16).toString('base64url');
}

/** The upload store's key of one rendition (its URL is `/media/<key>`). */
export function imageKey(storageKey: string, width: number, format: ImageFormat, subdir = 'products'): string {
  return `${subdir}/${storageKey}-${width}.${format}`;
}

/** Where the folder driver keeps one rendition under `uploadDir` (the sample image cache and tests read files). */
export function imagePath(uploadDir: string, storageKey: string, width: number, format: ImageFormat, subdir = 'products'): string {
  return path.join(uploadDir, imageKey(storageKey, width, format, subdir));
}

const CONTENT_TYPES: Record<ImageFormat, string> = { webp: 'image/webp', jpg: 'image/jpeg' };

/** Stores one rendition's bytes (also used by the sample image cache). */
export function putRendition(
  media: ObjectStorage,
  storageKey: string,
  width: number,
  format: ImageFormat,
  bytes: Buffer,
  subdir = 'products',
) {
  return media.put(imageKey(storageKey, width, format, subdir), bytes, CONTENT_TYPES[format]);
}

export async function storeImageRenditions(input: Buffer, media: ObjectStorage, opts: StoreImageOptions = {}): Promise<StoredImage> {
  const subdir = opts.subdir ?? 'products';
  if (!/^[A-Za-z0-9_-]+$/.test(subdir)) throw new Error(`Invalid image folder: ${subdir}`);

  // Decode once: orient, cap at the largest rendition (shrink-on-load makes big JPEGs cheap), raw pixels.
  const decoded = await decode(input, opts.allowSvg ?? false);
  const opaque = decoded.info.channels === 4 && isOpaque(decoded.data);
  const base = sharp(decoded.data, { raw: decoded.info });

  const storageKey = newStorageKey();
  const webpOptions = opts.webpEffort === undefined ? WEBP_OPTIONS : { ...WEBP_OPTIONS, effort: opts.webpEffort };

  const sizes: ImageSize[] = IMAGE_WIDTHS.map((w) => renditionSize(w, decoded.info));

  const source = { base, width: decoded.info.width, opaque };
  const jobs = IMAGE_WIDTHS.flatMap((w, i) => writeRendition(media, source, storageKey, w, sizes[i]!, subdir, webpOptions));
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    await removeImageRenditions(media, storageKey, subdir);
    throw failed.reason;
  }
  return { storageKey, sizes };
}

/** Decoded pixels that renditions are resized from. */
interface RenditionSource {
  base: Sharp;
  width: number;
  /** Drop the alpha channel (every pixel opaque): smaller files. */
  opaque: boolean;
}

/** A rendition's size: `w` wide at most, never wider than its source (no upscaling), same aspect. */
function renditionSize(w: number, source: ImageSize): ImageSize {
  const width = Math.min(w, source.width);
  return { width, height: Math.max(1, Math.round((source.height * width) / source.width)) };
}

/** Writes the WebP and JPEG files of one rendition (nominal width `w`, real `size`); one promise per file. */
function writeRendition(
  media: ObjectStorage,
  source: RenditionSource,
  storageKey: string,
  w: number,
  size: ImageSize,
  subdir: string,
  webpOptions: WebpOptions = WEBP_OPTIONS,
): Promise<void>[] {
  const resized = () => {
    const img = size.width === source.width ? source.base.clone() : source.base.clone().resize(size.width, size.height, { fit: 'fill' });
    return source.opaque ? img.removeAlpha() : img;
  };
  return [
    resized()
      .webp(webpOptions)
      .toBuffer()
      .then((buf) => putRendition(media, storageKey, w, 'webp', buf, subdir)),
    resized()
      .flatten({ background: JPEG_BACKGROUND })
      .jpeg(JPEG_OPTIONS)
      .toBuffer()
      .then((buf) => putRendition(media, storageKey, w, 'jpg', buf, subdir)),
  ];
}

/**
 * Adds the renditions an image stored before a width was added lacks (`sizes` is positional, so
 * the missing ones are the last widths of IMAGE_WIDTHS), resized from its largest stored WebP
 * (JPEG if that is gone). Returns the image's sizes with the new ones appended, or null when it
 * lacks nothing or its largest rendition cannot be read. Written files are the caller's to delete
 * if the image turns out to be gone meanwhile (`removeImageRenditions`).
 */
export async function completeRenditions(
  media: ObjectStorage,
  image: { storageKey: string; sizes: readonly ImageSize[] },
  subdir = 'products',
): Promise<ImageSize[] | null> {
  const largest = IMAGE_WIDTHS.indexOf(LARGEST_IMAGE_WIDTH);
  const stored = image.sizes[largest];
  if (image.sizes.length >= IMAGE_WIDTHS.length || !stored) return null;
  const bytes =
    (await readObject(media, imageKey(image.storageKey, LARGEST_IMAGE_WIDTH, 'webp', subdir))) ??
    (await readObject(media, imageKey(image.storageKey, LARGEST_IMAGE_WIDTH, 'jpg', subdir)));
  if (!bytes) return null;
  // Our own file, written by storeImageRenditions: already upright, stripped and at most 1280 wide.
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const source = { base: sharp(data, { raw }), width: info.width, opaque: info.channels === 4 && isOpaque(data) };
  const added = IMAGE_WIDTHS.slice(image.sizes.length).map((w) => ({ w, size: renditionSize(w, stored) }));
  await Promise.all(added.flatMap(({ w, size }) => writeRendition(media, source, image.storageKey, w, size, subdir)));
  return [...image.sizes, ...added.map((a) => a.size)];
}

/** Deletes every rendition of a stored image (missing ones are ignored). */
export async function removeImageRenditions(media: ObjectStorage, storageKey: string, subdir = 'products'): Promise<void> {
  await Promise.all(IMAGE_WIDTHS.flatMap((w) => IMAGE_FORMATS.map((f) => media.delete(imageKey(storageKey, w, f, subdir)))));
}

/** Decode once through the shared intake: checked, upright, stripped, at most the largest rendition wide, raw pixels. */
async function decode(input: Buffer, allowSvg: boolean): Promise<{ data: Buffer; info: Raw }> {
  const { data, width, height, channels } = await intakeImage(input, {
    accept: allowSvg ? [...ACCEPTED_FORMATS, 'svg'] : ACCEPTED_FORMATS,
    maxPixels: MAX_INPUT_PIXELS,
    fit: { width: LARGEST_IMAGE_WIDTH },
    // sharp's own default: a decoder warning refuses the file too.
    failOn: 'warning',
    output: { format: 'raw' },
  });
  return { data, info: { width, height, channels } };
}

/** True when every alpha byte of RGBA pixels is 255 (then the alpha channel is dropped). */
function isOpaque(rgba: Buffer): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}
