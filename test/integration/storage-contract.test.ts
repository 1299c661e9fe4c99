/**
 * The storage interface's contract, written once and run against both drivers: the folder one
 * and the S3 one against s3rver (a local S3-compatible server started in this process on a random
 * loopback port). Whatever the store does with uploads must behave the same on either.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyObjects } from '../../src/lib/storage/copy';
import { StorageKeyError } from '../../src/lib/storage/types';
import { createUploadStores, type UploadStores } from '../../src/lib/storage/uploads';
import { startS3Server, type TestS3Server } from '../helpers/s3-server';

interface Driver {
  name: string;
  /**
   * Whether the server behind the driver replaces objects atomically. The folder driver does it
   * itself (temporary file + rename) and S3 and MinIO promise it, but s3rver writes an object in
   * place, so a reader racing a writer there gets a cut-off response: not checked against it.
   */
  atomicReplace: boolean;
  start(): Promise<void>;
  /** Fresh, empty stores: a new folder, or a new key prefix in the bucket. */
  stores(): UploadStores;
  stop(): Promise<void>;
}

function folderDriver(): Driver {
  let root = '';
  let n = 0;
  return {
    name: 'folder',
    atomicReplace: true,
    async start() {
      root = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-storage-'));
    },
    stores: () => createUploadStores(path.join(root, `run-${++n}`, 'uploads'), { driver: 'folder' }),
    async stop() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function s3Driver(): Driver {
  let server: TestS3Server | undefined;
  const opened: UploadStores[] = [];
  return {
    name: 's3 (s3rver)',
    atomicReplace: false,
    async start() {
      server = await startS3Server();
    },
    stores() {
      const stores = createUploadStores('/unused', server!.settings(`run-${randomBytes(4).toString('hex')}/`));
      opened.push(stores);
      return stores;
    },
    async stop() {
      await Promise.all(opened.map((s) => s.close()));
      await server?.close();
    },
  };
}

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const BAD_KEYS = [
  '',
  '../escape.jpg',
  'products/../../escape.jpg',
  '/absolute.jpg',
  'products//double.jpg',
  'products/',
  '.hidden.jpg',
  'products/.tmp.jpg',
  'products/..',
  'a\\b.jpg',
  'with space.jpg',
  '%2e%2e/x.jpg',
  'no-extension',
  'drawing.svg',
  'page.html',
  `${'a/'.repeat(10)}deep.jpg`,
  `${'x'.repeat(600)}.jpg`,
];

describe.each([folderDriver(), s3Driver()])('storage contract: $name', (driver) => {
  let stores: UploadStores;
  beforeAll(async () => {
    await driver.start();
    stores = driver.stores();
  }, 30_000);
  afterAll(() => driver.stop());

  it('stores bytes and gives them back with their type, size, ETag and time', async () => {
    const bytes = randomBytes(3000);
    await stores.media.put('products/abc-640.webp', bytes, 'image/webp');
    const got = await stores.media.get('products/abc-640.webp');
    expect(got).not.toBeNull();
    expect(await bytesOf(got!.body)).toEqual(bytes);
    expect(got).toMatchObject({ key: 'products/abc-640.webp', size: 3000, contentType: 'image/webp' });
    expect(got!.etag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(got!.lastModified.getTime()).toBeGreaterThan(Date.now() - 60_000);

    const info = await stores.media.stat('products/abc-640.webp');
    expect(info).toEqual({
      key: 'products/abc-640.webp',
      size: 3000,
      contentType: 'image/webp',
      etag: got!.etag,
      lastModified: got!.lastModified,
    });
  });

  it('answers null for a missing key, and deleting one is not an error', async () => {
    expect(await stores.media.get('products/missing-640.jpg')).toBeNull();
    expect(await stores.media.stat('products/missing-640.jpg')).toBeNull();
    expect(await stores.media.get('nowhere/at/all.jpg')).toBeNull();
    await expect(stores.media.delete('products/missing-640.jpg')).resolves.toBeUndefined();
  });

  it('replaces an object on a second put, with a new ETag', async () => {
    await stores.media.put('logos/shop-320.jpg', Buffer.from('first version'), 'image/jpeg');
    const before = await stores.media.stat('logos/shop-320.jpg');
    await stores.media.put('logos/shop-320.jpg', Buffer.from('the second, longer version'), 'image/jpeg');
    const after = await stores.media.get('logos/shop-320.jpg');
    expect((await bytesOf(after!.body)).toString()).toBe('the second, longer version');
    expect(after!.size).toBe(26);
    expect(after!.etag).not.toBe(before!.etag);
  });

  it('deletes an object', async () => {
    await stores.media.put('products/gone-320.jpg', Buffer.from('x'), 'image/jpeg');
    await stores.media.delete('products/gone-320.jpg');
    expect(await stores.media.get('products/gone-320.jpg')).toBeNull();
    expect(await stores.media.stat('products/gone-320.jpg')).toBeNull();
  });

  it('keeps the content type the key names, and refuses one that contradicts it', async () => {
    await stores.private.put('imports/sheet.json', Buffer.from('{"a":1}'), 'application/json');
    expect((await stores.private.stat('imports/sheet.json'))?.contentType).toBe('application/json');
    await stores.media.put('products/p-320.png', Buffer.from('png'), 'image/png');
    const png = await stores.media.get('products/p-320.png');
    png?.body.destroy();
    expect(png?.contentType).toBe('image/png');
    await expect(stores.media.put('products/lie-320.jpg', Buffer.from('x'), 'text/html')).rejects.toBeInstanceOf(StorageKeyError);
    await expect(stores.media.put('products/lie-320.webp', Buffer.from('x'), 'image/jpeg')).rejects.toBeInstanceOf(StorageKeyError);
    expect(await stores.media.stat('products/lie-320.jpg')).toBeNull();
  });

  it('round-trips a larger binary object unchanged (6 MB)', async () => {
    const bytes = randomBytes(6 * 1024 * 1024);
    await stores.private.put('transfer-proofs/big.jpg', bytes, 'image/jpeg');
    const got = await stores.private.get('transfer-proofs/big.jpg');
    expect(got!.size).toBe(bytes.length);
    expect(sha256(await bytesOf(got!.body))).toBe(sha256(bytes));
  });

  it('refuses keys that could leave their folder or prefix, in every operation', async () => {
    for (const key of BAD_KEYS) {
      await expect(stores.media.put(key, Buffer.from('x'), 'image/jpeg'), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(stores.media.get(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(stores.media.stat(key), key).rejects.toBeInstanceOf(StorageKeyError);
      await expect(stores.media.delete(key), key).rejects.toBeInstanceOf(StorageKeyError);
    }
    await expect(stores.media.list('../')).rejects.toBeInstanceOf(StorageKeyError);
    await expect(stores.media.list('products')).rejects.toBeInstanceOf(StorageKeyError);
  });

  it('lists the objects under a prefix, and only valid keys', async () => {
    const fresh = driver.stores();
    await fresh.private.put('imports/a.json', Buffer.from('1'), 'application/json');
    await fresh.private.put('imports/b.json', Buffer.from('22'), 'application/json');
    await fresh.private.put('transfer-proofs/c.jpg', Buffer.from('333'), 'image/jpeg');
    const imports = await fresh.private.list('imports/');
    expect(imports.map((o) => o.key).sort()).toEqual(['imports/a.json', 'imports/b.json']);
    expect(imports.find((o) => o.key === 'imports/b.json')).toMatchObject({ size: 2, contentType: 'application/json' });
    expect(imports.every((o) => o.lastModified instanceof Date)).toBe(true);
    expect((await fresh.private.list('')).length).toBe(3);
    expect(await fresh.private.list('nothing-here/')).toEqual([]);
  });

  it('keeps private uploads out of the public store', async () => {
    const fresh = driver.stores();
    await fresh.private.put('transfer-proofs/secret.jpg', Buffer.from('bank account'), 'image/jpeg');
    expect(await fresh.media.get('transfer-proofs/secret.jpg')).toBeNull();
    expect(await fresh.media.list('')).toEqual([]);
    expect(await fresh.private.stat('transfer-proofs/secret.jpg')).not.toBeNull();
  });

  it.runIf(driver.atomicReplace)('never shows a half-written object to a reader during a replacement', async () => {
    const a = Buffer.alloc(2 * 1024 * 1024, 0x61);
    const b = Buffer.alloc(2 * 1024 * 1024, 0x62);
    await stores.media.put('products/race-1280.webp', a, 'image/webp');
    const writes = Promise.all([
      stores.media.put('products/race-1280.webp', b, 'image/webp'),
      stores.media.put('products/race-1280.webp', a, 'image/webp'),
    ]);
    const reads = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const got = await stores.media.get('products/race-1280.webp');
        return got ? sha256(await bytesOf(got.body)) : 'missing';
      }),
    );
    await writes;
    for (const hash of reads) expect([sha256(a), sha256(b)]).toContain(hash);
  });
});

describe('copying uploads from the folder into a bucket (scripts/copy-uploads.ts)', () => {
  const folder = folderDriver();
  const s3 = s3Driver();
  beforeAll(async () => {
    await Promise.all([folder.start(), s3.start()]);
  }, 30_000);
  afterAll(() => Promise.all([folder.stop(), s3.stop()]));

  it('copies every object with its type, and skips what is already there on a second run', async () => {
    const from = folder.stores();
    const to = s3.stores();
    await from.media.put('products/k-320.webp', randomBytes(500), 'image/webp');
    await from.media.put('logos/l-320.jpg', randomBytes(300), 'image/jpeg');
    await from.private.put('transfer-proofs/r.jpg', randomBytes(200), 'image/jpeg');
    expect(await copyObjects(from.media, to.media)).toEqual({ copied: 2, skipped: 0, bytes: 800 });
    expect(await copyObjects(from.private, to.private)).toEqual({ copied: 1, skipped: 0, bytes: 200 });
    const copied = await to.media.get('products/k-320.webp');
    const original = await from.media.get('products/k-320.webp');
    expect(await bytesOf(copied!.body)).toEqual(await bytesOf(original!.body));
    expect(copied!.contentType).toBe('image/webp');
    expect(await to.media.stat('transfer-proofs/r.jpg')).toBeNull();
    expect(await copyObjects(from.media, to.media)).toEqual({ copied: 0, skipped: 2, bytes: 0 });
  });
});
