import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema';
import { formatRupiah } from '../../src/lib/money';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function jsonLdBlocks(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

const meta = (html: string, property: string) =>
  new RegExp(`<meta (?:property|name)="${property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1];

describe.each(dbTargets)('product page on %s', (target) => {
  let store: TestStore;
  let publicUrl: string;

  beforeAll(async () => {
    store = await createTestStore(target);
    publicUrl = store.config.store.publicUrl;
  });
  afterAll(() => store?.close());

  const get = (url: string, headers: Record<string, string> = {}) => store.app.inject({ method: 'GET', url, headers });

  it('shows name, price, stock, specifications and the category breadcrumbs', async () => {
    const res = await get('/produk/ibanez-rg550-genesis');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1 class="product-title">Ibanez RG550 Genesis Collection</h1>');
    expect(html).toContain(formatRupiah(17_500_000));
    // Stock 4 with a low threshold of 2: plainly in stock.
    expect(html).toMatch(/class="product-stock stock-in">.*Stok tersedia/s);
    expect(html).toContain('GTR-IBZ-RG550');
    expect(html).toContain('4,5\u00a0kg');
    expect(html).toContain('105 × 40 × 12\u00a0cm');
    const crumbs = html.slice(html.indexOf('class="breadcrumb product-breadcrumb"'), html.indexOf('</ol>'));
    expect([...crumbs.matchAll(/<li class="breadcrumb-item[^"]*"[^>]*>(?:<a href="([^"]*)">)?([^<]*)/g)].map((m) => [m[1], m[2]])).toEqual([
      ['/', 'Beranda'],
      ['/produk', 'Produk'],
      ['/produk?kategori=gitar', 'Gitar'],
      ['/produk?kategori=gitar-elektrik', 'Gitar Elektrik'],
      [undefined, 'Ibanez RG550 Genesis Collection'],
    ]);
    // The quantity picker is bounded by the stock, and the gallery script is loaded here.
    expect(html).toMatch(/<input id="quantity"[^>]* type="number"[^>]* min="1" max="4"/);
    expect(html).toMatch(/<script src="\/assets\/gallery-[^"]+\.js" type="module">/);
  });

  it('serves the gallery as WebP srcsets with JPEG fallbacks and real sizes, thumbnails linking each photo', async () => {
    const html = (await get('/produk/fender-player-stratocaster')).body;
    const slides = [...html.matchAll(/<figure class="gallery-slide" id="(foto-\d)"/g)].map((m) => m[1]);
    expect(slides).toEqual(['foto-1', 'foto-2']);
    expect(html).toMatch(/<source type="image\/webp" srcset="\/media\/products\/[^"]+-320\.webp \d+w, [^"]+-640\.webp \d+w/);
    expect(html).toMatch(/<img src="\/media\/products\/[^"]+-640\.jpg" srcset="[^"]+" sizes="[^"]+" width="\d+" height="\d+"/);
    expect(html).toContain('href="#foto-2"');
  });

  it('low and zero stock: "only N left", and a disabled picker and button when out of stock', async () => {
    const low = (await get('/produk/gibson-les-paul-standard-50s')).body;
    expect(low).toContain('Sisa 1');
    const out = (await get('/produk/schecter-hellraiser-c-1')).body;
    expect(out).toContain('Stok habis');
    expect(out).toMatch(/<input id="quantity"[^>]* disabled/);
    expect(out).toMatch(/<button class="btn btn-rock btn-lg product-add" type="submit" disabled/);
  });

  it('stock is live: a sale shows at once in the stock state, the picker and the JSON-LD', async () => {
    await get('/produk/yamaha-pacifica-pac112v');
    const where = eq(products.slug, 'yamaha-pacifica-pac112v');
    try {
      await store.database.db.update(products).set({ stock: 2 }).where(where);
      const low = (await get('/produk/yamaha-pacifica-pac112v')).body;
      expect(low).toContain('Sisa 2');
      expect(low).toMatch(/<input id="quantity"[^>]* max="2"/);
      await store.database.db.update(products).set({ stock: 0 }).where(where);
      const out = (await get('/produk/yamaha-pacifica-pac112v')).body;
      expect(out).toContain('Stok habis');
      expect(jsonLdBlocks(out).find((b) => b['@type'] === 'Product')?.offers.availability).toBe('https://schema.org/OutOfStock');
    } finally {
      await store.database.db.update(products).set({ stock: 12 }).where(where);
    }
  });

  it('has a title, meta description, canonical URL and Open Graph tags', async () => {
    const html = (await get('/produk/ibanez-rg550-genesis')).body;
    expect(html).toContain('<title>Ibanez RG550 Genesis Collection · Hurtrock Music Store</title>');
    const description = meta(html, 'description')!;
    expect(description.length).toBeLessThanOrEqual(155);
    expect(description.startsWith('Legenda shred buatan Jepang')).toBe(true);
    expect(html).toContain(`<link rel="canonical" href="${publicUrl}/produk/ibanez-rg550-genesis"/>`);
    expect(meta(html, 'og:type')).toBe('product');
    expect(meta(html, 'og:title')).toBe('Ibanez RG550 Genesis Collection');
    expect(meta(html, 'og:url')).toBe(`${publicUrl}/produk/ibanez-rg550-genesis`);
    expect(meta(html, 'og:image')).toMatch(new RegExp(`^${publicUrl}/media/products/[^"]+-1280\\.jpg$`));
    const image = await get(meta(html, 'og:image')!.slice(publicUrl.length));
    expect(image.statusCode).toBe(200);
  });

  it('JSON-LD is valid JSON: a Product with an Offer in IDR at the right price and availability', async () => {
    for (const [slug, availability] of [
      ['ibanez-rg550-genesis', 'https://schema.org/InStock'],
      ['schecter-hellraiser-c-1', 'https://schema.org/OutOfStock'],
    ] as const) {
      const [row] = await store.database.db.select().from(products).where(eq(products.slug, slug));
      const blocks = jsonLdBlocks((await get(`/produk/${slug}`)).body);
      const product = blocks.find((b) => b['@type'] === 'Product')!;
      expect(product).toMatchObject({
        '@context': 'https://schema.org',
        name: row!.name,
        sku: row!.sku,
        brand: { '@type': 'Brand', name: row!.brand },
        url: `${publicUrl}/produk/${slug}`,
        offers: { '@type': 'Offer', priceCurrency: 'IDR', price: row!.price, availability },
      });
      expect(typeof product.offers.price).toBe('number');
      expect(product.image).toHaveLength(2);
      expect(blocks.find((b) => b['@type'] === 'BreadcrumbList')?.itemListElement).toHaveLength(5);
    }
  });

  it('related products share the category or brand, at most 4, never the product itself', async () => {
    const html = (await get('/produk/ibanez-rg550-genesis')).body;
    const section = html.slice(html.indexOf('id="related-title"'));
    const slugs = [...section.matchAll(/<h3 class="product-card-title"><a href="\/produk\/([^"]+)"/g)].map((m) => m[1]!);
    expect(slugs.length).toBeGreaterThan(0);
    expect(slugs.length).toBeLessThanOrEqual(4);
    expect(slugs).not.toContain('ibanez-rg550-genesis');
    const [self] = await store.database.db.select().from(products).where(eq(products.slug, 'ibanez-rg550-genesis'));
    for (const slug of slugs) {
      const [other] = await store.database.db.select().from(products).where(eq(products.slug, slug));
      expect(other!.categoryId === self!.categoryId || other!.brand === self!.brand).toBe(true);
    }
  });

  it('unknown, inactive and malformed slugs get a 404 that offers search and contact', async () => {
    await store.database.db.update(products).set({ isActive: false }).where(eq(products.slug, 'jackson-js22-dinky'));
    const long = 'a'.repeat(2048);
    for (const url of [
      '/produk/tidak-ada',
      '/produk/jackson-js22-dinky',
      `/produk/${long}`,
      '/produk/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      "/produk/x'%20OR%201=1--",
      '/produk/%E2%82%AC%00',
      '/produk/a/b/c',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('action="/produk"');
      expect(res.body).toContain('https://wa.me/');
      expect(res.body).not.toContain('<script>alert(1)');
      // Only the navbar's language switch repeats the (still percent-encoded) path.
      expect(res.body.replaceAll(`href="/produk/${long}?lang=en"`, '')).not.toContain(long);
    }
    const res = await get('/produk/tidak-ada');
    expect(res.body).toContain('Produk tidak ditemukan');
    await store.database.db.update(products).set({ isActive: true }).where(eq(products.slug, 'jackson-js22-dinky'));
  });

  it('the add-to-cart form posts the product id to the cart', async () => {
    const html = (await get('/produk/ibanez-rg550-genesis')).body;
    expect(html).toContain('<form class="product-buy" action="/keranjang/tambah" method="post" data-cart-form="add">');
    expect(html).toMatch(/name="product" value="\d+"/);
  });

  it('English page text with ?lang=en', async () => {
    const html = (await get('/produk/ibanez-rg550-genesis?lang=en')).body;
    expect(html).toContain('Specifications');
    expect(html).toContain('4.5\u00a0kg');
    expect(html).toContain(escapeHtml('Add to Cart'));
  });

  it('pages carry a weak ETag; a matching If-None-Match gets an empty 304', async () => {
    const first = await get('/produk/ibanez-rg550-genesis');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get('/produk/ibanez-rg550-genesis', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await get('/produk/ibanez-rg550-genesis', { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    // Every page gets it, e.g. the home page and the store page.
    const home = await get('/');
    expect((await get('/', { 'if-none-match': String(home.headers.etag) })).statusCode).toBe(304);
    // A 404 page is never answered with 304.
    const missing = await get('/produk/tidak-ada');
    expect((await get('/produk/tidak-ada', { 'if-none-match': String(missing.headers.etag) })).statusCode).toBe(404);
  });
});
