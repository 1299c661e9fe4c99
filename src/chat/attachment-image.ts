/**
 * The chat's image pipeline: an uploaded picture is checked by its first bytes (never by its
 * name or declared type), decoded once by sharp with a pixel limit, turned upright, stripped of
 * every piece of metadata (EXIF, GPS, XMP, ICC) and re-encoded as WebP fitted inside
 * ATTACHMENT_MAX_EDGE px. Only the re-encoded bytes are ever stored or served.
 * Same rules as the store's pipelines (src/store/media/image-pipeline.ts, transfer receipts).
 */
import sharp, { type Metadata } from 'sharp';
import { ATTACHMENT_MAX_PIXELS } from './contract';

/** Long edge of the stored image: sharp enough to read a serial number on a guitar's headstock. */
export const ATTACHMENT_MAX_EDGE = 1600;
export const ATTACHMENT_CONTENT_TYPE = 'image/webp';
const WEBP_QUALITY = 80;

export type ImageFailure = 'not_an_image' | 'invalid_image' | 'too_many_pixels';

export class ChatImageError extends Error {
  constructor(
    readonly failure: ImageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChatImageError';
  }
}

type SniffedFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** The format from the file's first bytes. */
export function sniffImageFormat(input: Buffer): SniffedFormat | undefined {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg';
  if (input.length >= 8 && input.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (input.length >= 12 && input.toString('latin1', 0, 4) === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (input.length >= 6 && /^GIF8[79]a$/.test(input.toString('latin1', 0, 6))) return 'gif';
  return undefined;
}

export interface EncodedImage {
  data: Buffer;
  width: number;
  height: number;
  contentType: typeof ATTACHMENT_CONTENT_TYPE;
}

/**
 * JPEG, PNG, WebP or GIF (first frame) in, WebP out. Throws ChatImageError for anything that is
 * not one of those, does not decode cleanly (truncated files included), or has too many pixels.
 */
export async function encodeChatImage(input: Buffer): Promise<EncodedImage> {
  if (input.length === 0) throw new ChatImageError('not_an_image', 'The file is empty.');
  const sniffed = sniffImageFormat(input);
  if (!sniffed) throw new ChatImageError('not_an_image', 'Only JPEG, PNG, WebP or GIF images can be attached.');
  // failOn 'error': a truncated or corrupt file is refused instead of stored half grey.
  const options = { limitInputPixels: ATTACHMENT_MAX_PIXELS, animated: false, failOn: 'error' } as const;
  let meta: Metadata;
  try {
    meta = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new ChatImageError('invalid_image', 'The file is not an image that can be read.', { cause });
  }
  if (meta.format !== sniffed) throw new ChatImageError('invalid_image', 'The file is not what its first bytes say.');
  if (!meta.width || !meta.height) throw new ChatImageError('invalid_image', 'The image has no size.');
  if (meta.width * meta.height > ATTACHMENT_MAX_PIXELS) {
    throw new ChatImageError('too_many_pixels', `The image has more than ${ATTACHMENT_MAX_PIXELS / 1_000_000} megapixels.`);
  }
  try {
    // sharp writes no metadata unless asked (no keepMetadata/withMetadata): EXIF, GPS, XMP and ICC go.
    const { data, info } = await sharp(input, options)
      .autoOrient()
      .resize({ width: ATTACHMENT_MAX_EDGE, height: ATTACHMENT_MAX_EDGE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .webp({ quality: WEBP_QUALITY, effort: 4 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, contentType: ATTACHMENT_CONTENT_TYPE };
  } catch (cause) {
    throw new ChatImageError('invalid_image', 'The image is damaged and cannot be read.', { cause });
  }
}
