/**
 * Images for upload tests, made on the spot with sharp (no binary fixtures in the repository).
 */
import { once } from 'node:events';
import zlib from 'node:zlib';
import sharp from 'sharp';

/** A phone photo held sideways: EXIF orientation 6 (stored landscape, shown portrait) and personal EXIF text. */
export function sidewaysPhoneJpeg(width = 1200, height = 800): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3366cc' } })
    .withExif({ IFD0: { ImageDescription: 'Rina Distorsi, Jl. Braga 12', Copyright: 'Rina Distorsi' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** A half-transparent PNG. */
export function transparentPng(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 20, g: 160, b: 80, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A real 20000×20000 greyscale PNG (400 megapixels) that is only ~400 KB: a decompression bomb. */
export async function pngBomb(): Promise<Buffer> {
  const width = 20000;
  const rows = 500;
  const block = Buffer.alloc((width + 1) * rows);
  const deflate = zlib.createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  for (let i = 0; i < width / rows; i++) deflate.write(block);
  deflate.end();
  await once(deflate, 'end');
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', Buffer.concat(out)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
