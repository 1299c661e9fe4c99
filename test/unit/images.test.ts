import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { type ImageIntakeOptions, InvalidImageError, intakeImage, sniffImageFormat } from '../../src/lib/images';
import { pngBomb, sidewaysPhoneJpeg, transparentPng } from '../helpers/images';

const WEBP: ImageIntakeOptions = {
  accept: ['jpeg', 'png', 'webp', 'gif'],
  maxPixels: 50_000_000,
  fit: { width: 1600, height: 1600 },
  output: { format: 'webp', quality: 80 },
};

/** The reason intakeImage refuses `input` with, or 'accepted'. */
async function refusal(input: Buffer, options: ImageIntakeOptions = WEBP): Promise<string> {
  try {
    await intakeImage(input, options);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidImageError);
    return (error as InvalidImageError).reason;
  }
}

const solid = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif') =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#ff6b35' } })
    .toFormat(format)
    .toBuffer();

describe('sniffImageFormat', () => {
  it('tells the formats apart by their first bytes', async () => {
    expect(sniffImageFormat(await solid('jpeg'))).toBe('jpeg');
    expect(sniffImageFormat(await solid('png'))).toBe('png');
    expect(sniffImageFormat(await solid('webp'))).toBe('webp');
    expect(sniffImageFormat(await solid('gif'))).toBe('gif');
    expect(sniffImageFormat(await solid('tiff'))).toBe('tiff');
    expect(sniffImageFormat(await solid('avif'))).toBe('heif');
    expect(sniffImageFormat(Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffImageFormat(Buffer.from('<?php echo 1; ?>'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.from('MZ\x90\x00 not a picture'))).toBeUndefined();
    expect(sniffImageFormat(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('intakeImage', () => {
  it('refuses a renamed or mislabelled file by its first bytes, whatever it claims to be', async () => {
    // An executable or a script named "photo.jpg" has no JPEG signature.
    expect(await refusal(Buffer.from('MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode'))).toBe('not_an_image');
    expect(await refusal(Buffer.from('<?php system($_GET["c"]); ?>'))).toBe('not_an_image');
    expect(await refusal(Buffer.alloc(0))).toBe('not_an_image');
    // A real image of a format this caller does not take.
    expect(await refusal(await solid('tiff'))).toBe('not_an_image');
    expect(await refusal(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe('not_an_image');
  });

  it('refuses a polyglot that only starts like an image, and a truncated one', async () => {
    expect(await refusal(Buffer.from('GIF89a/*<script>alert(1)</script>*/=1;'))).toBe('corrupt');
    const jpeg = await sidewaysPhoneJpeg(600, 400);
    expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe('corrupt');
    // A PNG signature in front of JPEG data: the decoder disagrees with the first bytes.
    const png = await transparentPng();
    expect(await refusal(Buffer.concat([png.subarray(0, 8), jpeg]))).toBe('corrupt');
  });

  it('refuses a decompression bomb before decoding its pixels', async () => {
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await refusal(bomb)).toBe('too_many_pixels');
    // The limit is the caller's.
    expect(await refusal(await solid('png'), { ...WEBP, maxPixels: 40 * 30 - 1 })).toBe('too_many_pixels');
    expect(await refusal(await solid('png'), { ...WEBP, maxPixels: 40 * 30 })).toBe('accepted');
  });

  it('refuses more bytes than the caller allows', async () => {
    const png = await solid('png');
    expect(await refusal(png, { ...WEBP, maxBytes: png.length - 1 })).toBe('too_large');
    expect(await refusal(png, { ...WEBP, maxBytes: png.length })).toBe('accepted');
  });

  it('applies the EXIF orientation, then strips EXIF (GPS included), XMP and ICC', async () => {
    const input = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3366cc' } })
      .withExif({
        IFD0: { ImageDescription: 'Rina Distorsi, Jl. Braga 12', Copyright: 'Rina Distorsi' },
        IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 54/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '107/1 36/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    const before = await sharp(input).metadata();
    expect(before).toMatchObject({ orientation: 6, width: 1200, height: 800 });
    expect(before.exif!.toString('latin1')).toContain('Braga');
    // The GPS IFD pointer (tag 0x8825, little-endian here) is in the input.
    expect(before.exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true);

    for (const output of [
      { format: 'webp', quality: 80 },
      { format: 'jpeg', quality: 80 },
    ] as const) {
      const result = await intakeImage(input, { ...WEBP, accept: ['jpeg'], output });
      expect({ width: result.width, height: result.height }).toEqual({ width: 800, height: 1200 });
      const meta = await sharp(result.data).metadata();
      expect(meta).toMatchObject({ format: output.format, width: 800, height: 1200 });
      expect(meta.orientation).toBeUndefined();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(result.data.toString('latin1')).not.toContain('Braga');
    }
  });

  it('writes WebP fitted inside the box, keeping transparency', async () => {
    const input = await sharp({ create: { width: 3200, height: 1000, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const result = await intakeImage(input, WEBP);
    expect(result).toMatchObject({ width: 1600, height: 500, contentType: 'image/webp' });
    expect(await sharp(result.data).metadata()).toMatchObject({ format: 'webp', width: 1600, height: 500, hasAlpha: true });
  });

  it('writes JPEG flattened on the background, never enlarged', async () => {
    const result = await intakeImage(await transparentPng(400, 300), {
      ...WEBP,
      background: '#ffffff',
      output: { format: 'jpeg', quality: 80, progressive: true },
    });
    expect(result).toMatchObject({ width: 400, height: 300, contentType: 'image/jpeg' });
    const meta = await sharp(result.data).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 400, height: 300, hasAlpha: false, isProgressive: true });
  });

  it('gives raw 8-bit sRGB pixels for a caller that encodes renditions itself', async () => {
    const input = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#ff6b35' } })
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    const result = await intakeImage(input, { ...WEBP, fit: { width: 1280 }, output: { format: 'raw' } });
    expect(result).toMatchObject({ width: 1280, height: 640, channels: 3, contentType: undefined });
    expect(result.data.length).toBe(1280 * 640 * 3);
    expect([...result.data.subarray(0, 3)]).toEqual([0xff, 0x6b, 0x35]);
  });

  it('takes SVG only when the caller lists it', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>');
    expect(await refusal(svg)).toBe('not_an_image');
    const result = await intakeImage(svg, { ...WEBP, accept: ['svg'], output: { format: 'raw' } });
    expect(result).toMatchObject({ width: 40, height: 20 });
  });
});
