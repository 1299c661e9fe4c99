import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

describe.each(dbTargets)('sitemap and robots on %s', (target) => {
  let store: TestStore;
  let publicUrl: string;

  beforeAll(async () => {
    store = await createTestStore(target);
    publicUrl = store.config.store.publicUrl;
  });
  afterAll(() => store?.close());

  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

  it('sitemap.xml lists home, catalog, store page, every active category and every active product with lastmod', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/sitemap.xml' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/,
    );
    const urls = locs(res.body);
    expect(urls.slice(0, 3)).toEqual([`${publicUrl}/`, `${publicUrl}/produk`, `${publicUrl}/toko`]);
    const active = await store.database.db.select({ slug: products.slug }).from(products).where(eq(products.isActive, true));
    expect(active.length).toBe(36);
    for (const p of active) expect(urls).toContain(`${publicUrl}/produk/${p.slug}`);
    const cats = await store.database.db.select({ slug: categories.slug }).from(categories).where(eq(categories.isActive, true));
    for (const c of cats) expect(urls).toContain(`${publicUrl}/produk?kategori=${c.slug}`);
    expect(urls).toHaveLength(3 + cats.length + active.length);
    // Every entry has a date, and the XML escapes the & of query strings.
    expect(res.body.match(/<lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)).toHaveLength(urls.length);
    expect(res.body).toContain('/produk?kategori=gitar</loc>');
  });

  it('a product taken off sale leaves the sitemap', async () => {
    await store.database.db.update(products).set({ isActive: false }).where(eq(products.slug, 'jackson-js22-dinky'));
    try {
      const urls = locs((await store.app.inject({ method: 'GET', url: '/sitemap.xml' })).body);
      expect(urls).not.toContain(`${publicUrl}/produk/jackson-js22-dinky`);
      expect(urls).toContain(`${publicUrl}/produk/ibanez-rg550-genesis`);
    } finally {
      await store.database.db.update(products).set({ isActive: true }).where(eq(products.slug, 'jackson-js22-dinky'));
    }
  });

  it('robots.txt allows everything but the back office and accounts, and names the sitemap', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/robots.txt' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(`User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /akun\n\nSitemap: ${publicUrl}/sitemap.xml\n`);
  });

  it('the store page and home page answer 304 to a matching If-None-Match', async () => {
    for (const url of ['/toko', '/produk/fender-player-stratocaster']) {
      const first = await store.app.inject({ method: 'GET', url });
      const etag = String(first.headers.etag);
      const second = await store.app.inject({ method: 'GET', url, headers: { 'if-none-match': `"x", ${etag}` } });
      expect(second.statusCode, url).toBe(304);
      expect(second.headers.vary).toBe('Cookie');
    }
  });
});
