import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFolderStorage } from '../../src/lib/storage/folder';
import { imagePath } from '../../src/store/media/service';
import { renderSampleImage } from '../../src/store/seed/image-cache';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-cache-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="#FF6B35"/></svg>';

describe('sample image cache', () => {
  it('renders a drawing once and copies it under a new key afterwards', async () => {
    const cache = path.join(tmp, 'cache');
    const first = await renderSampleImage(svg, createFolderStorage(path.join(tmp, 'a')), cache);
    expect(first.sizes).toEqual([
      { width: 320, height: 240 },
      { width: 640, height: 480 },
      { width: 800, height: 600 },
      { width: 800, height: 600 },
      { width: 480, height: 360 },
    ]);
    expect(readdirSync(cache).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    expect(readdirSync(path.join(cache, 'products')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await renderSampleImage(svg, createFolderStorage(path.join(tmp, 'b')), cache);
    expect(second.storageKey).not.toBe(first.storageKey);
    expect(second.sizes).toEqual(first.sizes);
    const a = readFileSync(imagePath(path.join(tmp, 'a'), first.storageKey, 640, 'webp'));
    const b = readFileSync(imagePath(path.join(tmp, 'b'), second.storageKey, 640, 'webp'));
    expect(b.equals(a)).toBe(true);
  });

  it('renders directly without a cache folder', async () => {
    const stored = await renderSampleImage(svg, createFolderStorage(path.join(tmp, 'c')));
    expect(readFileSync(imagePath(path.join(tmp, 'c'), stored.storageKey, 1280, 'jpg')).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });
});
