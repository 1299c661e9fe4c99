/**
 * Image intake, the one way an uploaded picture becomes bytes we keep (chat attachments, transfer
 * receipts, product photos). No business rules here: each caller says which formats it takes,
 * how many bytes and pixels, and what comes out.
 *
 *   1. sniff: the format comes from the file's first bytes, never from its name or declared type;
 *   2. read the header only (no pixels) and refuse more than `maxPixels` (decompression bombs);
 *   3. decode once, with `limitInputPixels` as a second guard, turned upright (EXIF orientation);
 *   4. re-encode: sharp writes no metadata unless asked, so EXIF, GPS, XMP and ICC never survive.
 *
 * Every refusal is an InvalidImageError with a typed `reason` the caller turns into its answer.
 * Used by both the store and the chat service (src/chat never imports src/store).
 */
import sharp, { type Metadata, type SharpOptions } from 'sharp';

/** Formats told apart by their first bytes ('heif' covers AVIF and HEIC, as sharp reports them). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif' | 'tiff' | 'svg';

export type ImageFailure =
  /** Empty, not one of the accepted formats by its first bytes, or not what those bytes say. */
  | 'not_an_image'
  /** More pixels than allowed (a decompression bomb, or simply too big a picture). */
  | 'too_many_pixels'
  /** Looks like an accepted image but does not decode cleanly (truncated, damaged, a polyglot). */
  | 'corrupt'
  /** More bytes than allowed. */
  | 'too_large';

export class InvalidImageError extends Error {
  constructor(
    readonly reason: ImageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'InvalidImageError';
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** ISO base media file brands of AVIF and HEIF/HEIC. */
const HEIF_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/** The format from the file's first bytes, or undefined when they match none we know. */
export function sniffImageFormat(input: Buffer): ImageFormat | undefined {
  if (input.length >= 3 && input[0] === 0xff && input[1] === 0xd8 && input[2] === 0xff) return 'jpeg';
  if (input.length >= 8 && input.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (input.length >= 12 && input.toString('latin1', 0, 4) === 'RIFF' && input.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (input.length >= 6 && /^GIF8[79]a$/.test(input.toString('latin1', 0, 6))) return 'gif';
  if (input.length >= 12 && input.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(input.toString('latin1', 8, 12))) return 'heif';
  if (input.length >= 4) {
    const head = input.toString('latin1', 0, 4);
    if (head === 'II*\0' || head === 'MM\0*') return 'tiff';
  }
  // SVG is text: an optional BOM and white space, then an XML declaration or the svg element.
  const text = input.toString('utf8', 0, Math.min(input.length, 256)).replace(/^\uFEFF?\s*/, '');
  if (/^<\?xml\s|^<svg[\s>]/i.test(text)) return 'svg';
  return undefined;
}

export type ImageOutput =
  | { format: 'webp'; quality: number; effort?: number }
  | { format: 'jpeg'; quality: number; progressive?: boolean; mozjpeg?: boolean }
  /** Decoded 8-bit sRGB pixels, for a caller that encodes several renditions itself. */
  | { format: 'raw' };

export interface ImageIntakeOptions {
  /** Formats taken, judged by the first bytes (and confirmed by the decoder). */
  accept: readonly ImageFormat[];
  /** Width × height above which the image is refused before its pixels are decoded. */
  maxPixels: number;
  /** Input size above which the image is refused unread (transport limits usually come first). */
  maxBytes?: number;
  /** Fitted inside this box, keeping the aspect ratio; never enlarged. */
  fit?: { width?: number; height?: number };
  /** Transparent areas painted over this colour (JPEG has no alpha channel). */
  background?: string;
  /** Which decoder complaints refuse the file: 'error' (default) or also 'warning'. */
  failOn?: 'error' | 'warning';
  output: ImageOutput;
}

export interface IntakeImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /** The MIME type of `data`; undefined for raw pixels. */
  contentType: 'image/webp' | 'image/jpeg' | undefined;
}

const CONTENT_TYPES = { webp: 'image/webp', jpeg: 'image/jpeg', raw: undefined } as const;

/**
 * Checks, decodes, turns upright, strips and re-encodes one uploaded image.
 * Throws InvalidImageError (with its `reason`) for anything it will not keep.
 */
export async function intakeImage(input: Buffer, options: ImageIntakeOptions): Promise<IntakeImage> {
  if (!Buffer.isBuffer(input) || input.length === 0) throw new InvalidImageError('not_an_image', 'The file is empty.');
  if (options.maxBytes !== undefined && input.length > options.maxBytes) {
    throw new InvalidImageError('too_large', `The file is larger than ${options.maxBytes} bytes.`);
  }
  const sniffed = sniffImageFormat(input);
  if (!sniffed || !options.accept.includes(sniffed)) {
    throw new InvalidImageError('not_an_image', `Not an image of an accepted type (${options.accept.join(', ')}).`);
  }

  const sharpOptions: SharpOptions = { limitInputPixels: options.maxPixels, animated: false, failOn: options.failOn ?? 'error' };
  let meta: Metadata;
  try {
    // The header only; the pixel limit is checked below so a bomb is told apart from a broken file.
    meta = await sharp(input, { ...sharpOptions, limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new InvalidImageError('corrupt', 'The file is not an image that can be read.', { cause });
  }
  if (meta.format !== sniffed) throw new InvalidImageError('corrupt', `The file is not what its first bytes say (${meta.format}).`);
  if (!meta.width || !meta.height) throw new InvalidImageError('corrupt', 'The image has no size.');
  if (meta.width * meta.height > options.maxPixels) {
    throw new InvalidImageError('too_many_pixels', `The image has more than ${options.maxPixels / 1_000_000} megapixels.`);
  }

  try {
    let image = sharp(input, sharpOptions).autoOrient();
    if (options.fit) image = image.resize({ ...options.fit, fit: 'inside', withoutEnlargement: true });
    if (options.background) image = image.flatten({ background: options.background });
    image = image.toColourspace('srgb');
    const { output } = options;
    if (output.format === 'webp') image = image.webp({ quality: output.quality, effort: output.effort ?? 4 });
    else if (output.format === 'jpeg')
      image = image.jpeg({ quality: output.quality, progressive: output.progressive ?? false, mozjpeg: output.mozjpeg ?? false });
    else image = image.raw({ depth: 'uchar' });
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels, contentType: CONTENT_TYPES[output.format] };
  } catch (cause) {
    throw new InvalidImageError('corrupt', 'The image is damaged and cannot be read.', { cause });
  }
}
