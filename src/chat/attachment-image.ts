/**
 * The chat's image settings. An uploaded picture goes through the shared intake
 * (src/lib/images.ts: first-byte check, pixel limit, upright, all metadata stripped) and comes out
 * as WebP fitted inside ATTACHMENT_MAX_EDGE px. Only the re-encoded bytes are ever stored or served.
 */
import { type ImageIntakeOptions, intakeImage } from '../lib/images';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PIXELS } from './contract';

/** Long edge of the stored image: sharp enough to read a serial number on a guitar's headstock. */
export const ATTACHMENT_MAX_EDGE = 1600;
export const ATTACHMENT_CONTENT_TYPE = 'image/webp';

const CHAT_IMAGE: ImageIntakeOptions = {
  accept: ['jpeg', 'png', 'webp', 'gif'],
  maxBytes: ATTACHMENT_MAX_BYTES,
  maxPixels: ATTACHMENT_MAX_PIXELS,
  fit: { width: ATTACHMENT_MAX_EDGE, height: ATTACHMENT_MAX_EDGE },
  output: { format: 'webp', quality: 80, effort: 4 },
};

export interface EncodedImage {
  data: Buffer;
  width: number;
  height: number;
  contentType: typeof ATTACHMENT_CONTENT_TYPE;
}

/**
 * JPEG, PNG, WebP or GIF (first frame) in, WebP out. Throws InvalidImageError (src/lib/images.ts)
 * for anything that is not one of those, does not decode cleanly, or has too many pixels.
 */
export async function encodeChatImage(input: Buffer): Promise<EncodedImage> {
  const { data, width, height } = await intakeImage(input, CHAT_IMAGE);
  return { data, width, height, contentType: ATTACHMENT_CONTENT_TYPE };
}
