/**
 * /media/<key> on the folder driver (the default): the headers @fastify/static gave these URLs
 * (its weak ETag included, so browsers' cached copies stay valid), 304s answered from metadata,
 * HEAD without a body, and the ordinary 404 for anything that is not a stored public object.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUploadStores, type UploadStores } from '../../src/lib/storage/uploads';
import { isFresh, registerMediaFiles } from '../../src/store/plugins/media-files';

describe('/media/ from the folder driver', () => {
  let root: string;
  let uploads: UploadStores;
  let app: FastifyInstance;
  const webp = Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8 fake image bytes');

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-media-'));
    uploads = createUploadStores(path.join(root, 'uploads'), { driver: 'folder' });
    await uploads.media.put('products/k-640.webp', webp, 'image/webp');
    await uploads.private.put('transfer-proofs/r.jpg', Buffer.from('receipt'), 'image/jpeg');
    app = Fastify();
    await registerMediaFiles(app, { media: uploads.media });
    app.setNotFoundHandler((_request, reply) => reply.code(404).send('not found page'));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves the bytes with their type, immutable caching, nosniff and send’s weak ETag', async () => {
    const res = await app.inject({ method: 'GET', url: '/media/products/k-640.webp' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload).toEqual(webp);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['content-length']).toBe(String(webp.length));
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const info = statSync(path.join(root, 'uploads/products/k-640.webp'));
    expect(res.headers.etag).toBe(`W/"${info.size.toString(16)}-${info.mtime.getTime().toString(16)}"`);
    expect(res.headers['last-modified']).toBe(info.mtime.toUTCString());
  });

  it('answers 304 to a matching If-None-Match or a later If-Modified-Since, and HEAD without a body', async () => {
    const { headers } = await app.inject({ method: 'GET', url: '/media/products/k-640.webp' });
    const etag = String(headers.etag);
    for (const ifNoneMatch of [etag, etag.replace(/^W\//, ''), `"other", ${etag}`, '*']) {
      const res = await app.inject({ method: 'GET', url: '/media/products/k-640.webp', headers: { 'if-none-match': ifNoneMatch } });
      expect(res.statusCode, ifNoneMatch).toBe(304);
      expect(res.rawPayload.length).toBe(0);
    }
    const stale = await app.inject({ method: 'GET', url: '/media/products/k-640.webp', headers: { 'if-none-match': '"other"' } });
    expect(stale.statusCode).toBe(200);
    const since = { 'if-modified-since': String(headers['last-modified']) };
    expect((await app.inject({ method: 'GET', url: '/media/products/k-640.webp', headers: since })).statusCode).toBe(304);
    const earlier = { 'if-modified-since': new Date(Date.now() - 86_400_000).toUTCString() };
    expect((await app.inject({ method: 'GET', url: '/media/products/k-640.webp', headers: earlier })).statusCode).toBe(200);
    const head = await app.inject({ method: 'HEAD', url: '/media/products/k-640.webp' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(webp.length));
    expect(head.rawPayload.length).toBe(0);
  });

  it('gives the ordinary 404 for missing objects, bad keys and anything private', async () => {
    for (const url of [
      '/media/products/missing-640.webp',
      '/media/products/',
      '/media/products',
      '/media/',
      '/media/../private-uploads/transfer-proofs/r.jpg',
      '/media/%2E%2E/private-uploads/transfer-proofs/r.jpg',
      '/media/transfer-proofs/r.jpg',
      '/media/products/.k-640.webp',
      '/media/products/k-640.webp.tmp',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toBe('not found page');
    }
  });

  it('compares entity tags weakly, as If-None-Match requires', () => {
    const info = { key: 'k.jpg', size: 1, contentType: 'image/jpeg', etag: '"abc"', lastModified: new Date(0) };
    expect(isFresh({ 'if-none-match': 'W/"abc"' }, info)).toBe(true);
    expect(isFresh({ 'if-none-match': '"abcd"' }, info)).toBe(false);
    // If-None-Match wins over If-Modified-Since.
    expect(isFresh({ 'if-none-match': '"x"', 'if-modified-since': new Date().toUTCString() }, info)).toBe(false);
    expect(isFresh({ 'if-modified-since': 'not a date' }, info)).toBe(false);
  });
});
