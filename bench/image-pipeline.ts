/**
 * Product image pipeline: the time and peak memory to turn one 12-megapixel phone photo (4000 ×
 * 3000 JPEG with EXIF orientation and GPS) into every rendition the storefront serves, alone and
 * two uploads at once. Each case runs in a fresh child process, so its peak RSS is its own.
 *
 *   tsx bench/image-pipeline.ts          prints the table (also part of `npm run bench`)
 *   BENCH_IMAGE_RUNS=3                   runs per case (the median is shown; default 3)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createFolderStorage } from '../src/lib/storage/folder';
import { storeImageRenditions } from '../src/store/media/service';

const RUNS = Number(process.env.BENCH_IMAGE_RUNS ?? 3);
const WIDTH = 4000;
const HEIGHT = 3000;

/** A photo-like 12 MP JPEG: smooth gradients with noise (flat colour would compress unrealistically well). */
async function phonePhoto(): Promise<Buffer> {
  const raw = Buffer.alloc(WIDTH * HEIGHT * 3);
  let seed = 42;
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      const noise = (seed >>> 24) % 24;
      const i = (y * WIDTH + x) * 3;
      raw[i] = (x * 255) / WIDTH + noise;
      raw[i + 1] = (y * 255) / HEIGHT + noise;
      raw[i + 2] = 128 + noise;
    }
  }
  return sharp(raw, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 88 })
    .withExif({ IFD0: { Make: 'Phone', Orientation: '6' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 54/1 0/1' } })
    .toBuffer();
}

/** Child: processes `count` copies of the photo at once, prints `{ ms, maxRssMb }`. */
async function child(photoPath: string, count: number) {
  const input = readFileSync(photoPath);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-img-bench-'));
  const media = createFolderStorage(dir);
  try {
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, () => storeImageRenditions(input, media)));
    const ms = performance.now() - started;
    // maxRSS is in kilobytes: the process's peak (Node itself is ~50 MB of it).
    console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function imagePipelineBench(): Promise<string[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-img-photo-'));
  const photoPath = path.join(work, 'phone.jpg');
  writeFileSync(photoPath, await phonePhoto());
  const lines = ['| image pipeline (12 MP JPEG → all renditions) | median ms | peak RSS MB |', '|---|---:|---:|'];
  for (const count of [1, 2]) {
    const results = Array.from({ length: RUNS }, () => {
      const args = ['--import', 'tsx', import.meta.filename, '--child', photoPath, String(count)];
      const out = execFileSync(process.execPath, args, {
        encoding: 'utf8',
      });
      return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; maxRssMb: number };
    });
    const label = count === 1 ? 'one upload' : 'two uploads at once';
    lines.push(`| ${label} | ${median(results.map((r) => r.ms)).toFixed(0)} | ${median(results.map((r) => r.maxRssMb)).toFixed(0)} |`);
  }
  rmSync(work, { recursive: true, force: true });
  return lines;
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) await child(process.argv[childAt + 1]!, Number(process.argv[childAt + 2]));
else if (import.meta.filename === process.argv[1]) console.log((await imagePipelineBench()).join('\n'));
