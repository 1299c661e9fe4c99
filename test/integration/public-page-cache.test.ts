/**
 * Public pages are rendered once for all visitors without a session; nobody with a session may
 * ever receive that copy, and no visitor's details may ever end up in it.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';

describe.each(dbTargets)('public page cache on %s', (target) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(target);
  });
  afterAll(() => store?.close());

  it.each(['/', '/produk', '/produk?kategori=gitar'])('serves anonymous visitors one rendering of %s', async (url) => {
    const first = await store.app.inject({ method: 'GET', url });
    const second = await store.app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toBe(first.body);
    expect(first.headers['set-cookie']).toBeUndefined();
    // Language and theme pick another rendering, not someone else's.
    const english = await store.app.inject({ method: 'GET', url, cookies: { lang: 'en' } });
    expect(english.body).toMatch(/<html lang="en"/);
    const dark = await store.app.inject({ method: 'GET', url, cookies: { theme: 'dark' } });
    expect(dark.body).toContain('data-bs-theme="dark"');
  });

  it('answers a cached shared page before the route runs, with the same page and headers', async () => {
    const url = '/produk?kategori=drum';
    const rendered = await store.app.inject({ method: 'GET', url });
    const early = await store.app.inject({ method: 'GET', url });
    expect(early.body).toBe(rendered.body);
    for (const name of ['etag', 'content-type', 'cache-control', 'vary', 'content-security-policy', 'x-frame-options']) {
      expect(early.headers[name], name).toBe(rendered.headers[name]);
    }
    expect(early.headers['x-request-id']).not.toBe(rendered.headers['x-request-id']);
    expect((await store.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(rendered.headers.etag) } })).statusCode).toBe(
      304,
    );
  });

  it('shares a product page only while its stock is unchanged', async () => {
    const url = '/produk/fender-player-stratocaster';
    const first = await store.app.inject({ method: 'GET', url });
    const again = await store.app.inject({ method: 'GET', url });
    expect(again.body).toBe(first.body);
    expect(first.body).toContain('Stok tersedia');
    await store.database.db.update(products).set({ stock: 1 }).where(eq(products.slug, 'fender-player-stratocaster'));
    const after = await store.app.inject({ method: 'GET', url });
    expect(after.body).toContain('Sisa 1');
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });

  it('compresses a shared page once per coding and answers with the same bytes, ETag and headers', async () => {
    const url = '/produk?kategori=bass';
    const plain = await store.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Cookie');
    const br = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const brAgain = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Cookie, accept-encoding');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers.etag).toBe(plain.headers.etag);
    expect(br.headers['content-security-policy']).toContain("script-src 'self'");
    expect(Number(br.headers['content-length'])).toBe(br.rawPayload.length);
    expect(brAgain.rawPayload.equals(br.rawPayload)).toBe(true);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gzip = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=1, br;q=0.5' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    // Revalidation: 304 without a body, whatever the coding.
    const notModified = await store.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.length).toBe(0);
    // Asked not to compress, or nothing acceptable: the plain bytes.
    const noCompression = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br', 'x-no-compression': '1' } });
    expect(noCompression.headers['content-encoding']).toBeUndefined();
    expect(noCompression.body).toBe(plain.body);
    const unknown = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'compress' } });
    expect(unknown.headers['content-encoding']).toBeUndefined();
    expect(unknown.body).toBe(plain.body);
  });

  it('recompresses the Brotli copy of a page asked for again more tightly: the same page and ETag, fewer bytes', async () => {
    const url = '/produk?kategori=amplifier';
    const asked = { method: 'GET' as const, url, headers: { 'accept-encoding': 'br' } };
    const plain = await store.app.inject({ method: 'GET', url });
    const first = await store.app.inject(asked);
    await store.app.inject(asked);
    // The tighter copy is made off the event loop; later visitors get it.
    let later = await store.app.inject(asked);
    for (let i = 0; i < 50 && later.rawPayload.length >= first.rawPayload.length; i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = await store.app.inject(asked);
    }
    expect(later.rawPayload.length).toBeLessThan(first.rawPayload.length);
    expect(Number(later.headers['content-length'])).toBe(later.rawPayload.length);
    expect(brotliDecompressSync(later.rawPayload).toString()).toBe(plain.body);
    expect(later.headers.etag).toBe(first.headers.etag);
    expect(later.headers['content-encoding']).toBe('br');
  });

  it('still compresses pages rendered for one visitor', async () => {
    await createUser(store.database.db, { email: 'dewi@example.com', name: 'Dewi Fuzz' });
    const browser = new TestBrowser(store.app);
    await browser.login('dewi@example.com', PASSWORD);
    const res = await store.app.inject({
      method: 'GET',
      url: '/produk',
      headers: { cookie: `sid=${browser.cookies.get('sid')}`, 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Cookie, accept-encoding');
    expect(gunzipSync(res.rawPayload).toString()).toContain('Dewi Fuzz');
  });

  it('never gives a logged-in customer the anonymous copy, nor anonymous visitors theirs', async () => {
    await store.app.inject({ method: 'GET', url: '/' }); // warm the anonymous copy
    await createUser(store.database.db, { email: 'rina@example.com', name: 'Rina Distorsi' });
    const browser = new TestBrowser(store.app);
    await browser.login('rina@example.com', PASSWORD);
    for (const url of ['/', '/produk']) {
      const mine = await browser.request('GET', url);
      expect(mine.body, url).toContain('Rina Distorsi');
      const anonymous = await store.app.inject({ method: 'GET', url });
      expect(anonymous.body, url).not.toContain('Rina Distorsi');
      expect(anonymous.body, url).not.toContain('name="_csrf"');
    }
  });
});
