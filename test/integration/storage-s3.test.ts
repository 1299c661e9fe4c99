/**
 * The store on the S3 driver (STORAGE_DRIVER=s3) against s3rver, through HTTP: two store
 * instances share one database and one bucket, as they would behind nginx. The sample images are
 * seeded into the bucket; a product image an admin uploads through one instance is served by the
 * other (type, ETag, 304, HEAD); a transfer receipt lands in the private prefix, is shown to its
 * owner and staff by either instance and refused to another customer; import sheets waiting for
 * "apply" are kept and pruned in the bucket. Nothing is written under UPLOAD_DIR.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productImages } from '../../src/db/schema';
import { createUploadStores, type UploadStores } from '../../src/lib/storage/uploads';
import { buildStoreApp } from '../../src/store/app';
import { createPendingImports } from '../../src/store/product-import/pending';
import { dbTargets } from '../helpers/databases';
import { multipart } from '../helpers/multipart';
import { startS3Server, type TestS3Server } from '../helpers/s3-server';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, orderByNumber, placeOrder } from './checkout-helpers';

const cookieOf = (b: TestBrowser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(() => s3?.close());

describe.each(dbTargets)('uploads in an S3 bucket on %s', (target) => {
  let store: TestStore;
  /** A second instance: same database, same bucket, its own S3 client. */
  let other: FastifyInstance;
  /** The bucket as the test sees it, to look behind the store's back. */
  let bucket: UploadStores;
  let prefix: string;
  let productId: number;

  beforeAll(async () => {
    prefix = `shop-${randomBytes(4).toString('hex')}/`;
    store = await createTestStore(target, { env: s3.env(prefix) });
    other = await buildStoreApp({ config: store.config, database: store.database, logger: false });
    await other.ready();
    bucket = createUploadStores('/unused', s3.settings(prefix));
    productId = (await productBySlug(store.database.db, 'yamaha-f310')).id;
    await createUser(store.database.db, { email: 'admin@s3.example', role: 'admin' });
    await createUser(store.database.db, { email: 'staff@s3.example', role: 'staff' });
    await createUser(store.database.db, { email: 'owner@s3.example', name: 'Owner' });
    await createUser(store.database.db, { email: 'stranger@s3.example', name: 'Stranger' });
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await bucket?.close();
    await store?.close();
  });

  it('seeds the sample images into the bucket and serves them from it', async () => {
    expect(store.config.storage).toMatchObject({ driver: 's3', prefix });
    const [image] = await store.database.db.select().from(productImages).where(eq(productImages.productId, productId));
    const key = `products/${image!.storageKey}-640.webp`;
    expect(await bucket.media.stat(key)).toMatchObject({ contentType: 'image/webp' });
    const res = await other.inject({ method: 'GET', url: `/media/${key}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    // The folder driver's places stay empty.
    expect(existsSync(store.config.uploadDir) ? readdirSync(store.config.uploadDir) : []).toEqual([]);
  });

  it('an image uploaded through one instance is served by the other, with ETag, 304 and HEAD', async () => {
    const admin = new TestBrowser(store.app, '192.0.2.77');
    await admin.login('admin@s3.example', PASSWORD);
    await admin.get(`/admin/produk/${productId}`);
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#aa2200' } })
      .jpeg()
      .toBuffer();
    const body = multipart([
      { name: '_csrf', value: admin.csrf ?? '' },
      { name: 'images', filename: 'amp.jpg', type: 'image/jpeg', data: photo },
    ]);
    const res = await store.app.inject({
      method: 'POST',
      url: `/admin/produk/${productId}/gambar`,
      remoteAddress: '192.0.2.77',
      headers: { cookie: cookieOf(admin), 'content-type': body.contentType, accept: 'text/html' },
      payload: body.payload,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const images = await store.database.db.select().from(productImages).where(eq(productImages.productId, productId));
    const added = images.find((i) => i.sizes[2]?.width === 900)!;
    expect(added).toBeDefined();

    // The storefront of the other instance links it and serves its bytes.
    expect((await new TestBrowser(other).get('/produk/yamaha-f310')).body).toContain(added.storageKey);
    const url = `/media/products/${added.storageKey}-640.webp`;
    const first = await other.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/webp');
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(Number(first.headers['content-length'])).toBe(first.rawPayload.length);
    expect((await sharp(first.rawPayload).metadata()).width).toBe(640);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers['last-modified']).toBeDefined();

    // Both instances give the same ETag, so a browser's copy stays valid whichever answers next.
    const again = await store.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    const since = await other.inject({ method: 'GET', url, headers: { 'if-modified-since': String(first.headers['last-modified']) } });
    expect(since.statusCode).toBe(304);
    const changed = await other.inject({ method: 'GET', url, headers: { 'if-none-match': '"something-else"' } });
    expect(changed.statusCode).toBe(200);
    const head = await other.inject({ method: 'HEAD', url });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(first.headers['content-length']);
    expect(head.headers['content-type']).toBe('image/webp');

    expect((await other.inject({ method: 'GET', url: `/media/products/${added.storageKey}-641.webp` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'GET', url: '/media/products/../../private/x.jpg' })).statusCode).toBe(404);
  });

  it('keeps a transfer receipt private: its owner and staff see it on either instance, another customer never', async () => {
    const owner = new TestBrowser(store.app, '198.51.100.40');
    await owner.login('owner@s3.example', PASSWORD);
    await addToCart(store.app, owner, (await productBySlug(store.database.db, 'yamaha-f310')).id, 1);
    const number = numberFrom((await placeOrder(owner, { ...GUEST_ADDRESS })).location);
    await owner.get(`/pesanan/${number}`);
    const receipt = await sharp({ create: { width: 800, height: 1200, channels: 3, background: '#2255aa' } })
      .png()
      .toBuffer();
    const body = multipart([
      { name: '_csrf', value: owner.csrf ?? '' },
      { name: 'proof', filename: 'bukti.png', type: 'image/png', data: receipt },
    ]);
    const uploaded = await store.app.inject({
      method: 'POST',
      url: `/pesanan/${number}/bukti-transfer`,
      remoteAddress: '198.51.100.40',
      headers: { cookie: cookieOf(owner), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body.slice(0, 300)).toBe(303);
    const key = (await orderByNumber(store.database.db, number))!.transferProofKey!;
    expect(await bucket.private.stat(`transfer-proofs/${key}.jpg`)).toMatchObject({ contentType: 'image/jpeg' });
    expect(await bucket.media.stat(`transfer-proofs/${key}.jpg`)).toBeNull();

    const view = (app: FastifyInstance, b?: TestBrowser) =>
      app.inject({ method: 'GET', url: `/pesanan/${number}/bukti-transfer.jpg`, headers: { cookie: b ? cookieOf(b) : '' } });
    const ownerView = await view(other, owner);
    expect(ownerView.statusCode).toBe(200);
    expect(ownerView.headers['content-type']).toBe('image/jpeg');
    expect(ownerView.headers['cache-control']).toBe('private, no-store');
    expect((await sharp(ownerView.rawPayload).metadata()).format).toBe('jpeg');

    const staff = new TestBrowser(other, '192.0.2.78');
    await staff.login('staff@s3.example', PASSWORD);
    expect((await view(other, staff)).statusCode).toBe(200);

    const stranger = new TestBrowser(other, '198.51.100.41');
    await stranger.login('stranger@s3.example', PASSWORD);
    for (const app of [store.app, other]) {
      const refused = await view(app, stranger);
      expect(refused.statusCode).toBe(404);
      expect(refused.rawPayload.includes(ownerView.rawPayload.subarray(0, 64))).toBe(false);
      expect((await view(app)).statusCode).toBe(404);
      for (const url of [
        `/media/transfer-proofs/${key}.jpg`,
        `/media/private/transfer-proofs/${key}.jpg`,
        `/media/../private/transfer-proofs/${key}.jpg`,
      ]) {
        expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
    }
  });

  it('keeps import sheets waiting for "apply" in the bucket, and the pruning job removes expired ones', async () => {
    let now = Date.now();
    const pending = createPendingImports(bucket.private, () => new Date(now));
    const token = await pending.save({ rows: [] } as never, 7);
    expect(await pending.load(token, 7)).toEqual({ rows: [] });
    expect(await pending.load(token, 8)).toBeUndefined();
    // The instances' own job finds nothing old enough yet.
    expect(await other.maintenance.pruneUploads()).toBe(0);
    now += 2 * 60 * 60 * 1000;
    expect(await pending.prune()).toBe(1);
    expect(await bucket.private.list('imports/')).toEqual([]);
  });
});
