import { brotliCompressSync, brotliDecompressSync, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, storeProfile } from '../../src/db/schema';
import { formatRupiah } from '../../src/lib/money';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe.each(dbTargets)('store shell on %s', (target) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore(target, {
      beforeReady: (app) => {
        app.get('/test-only/boom', async () => {
          throw new Error('secret internal detail at /srv/app.ts:42');
        });
      },
    });
  });
  afterAll(() => store?.close());

  it('home page lists the seeded featured products with prices, and category tiles', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const featured = await store.database.db
      .select({ name: products.name, price: products.price })
      .from(products)
      .where(and(eq(products.isFeatured, true), eq(products.isActive, true)));
    expect(featured.length).toBeGreaterThanOrEqual(4);
    for (const p of featured.slice(0, 8)) {
      expect(res.body).toContain(escapeHtml(p.name));
      expect(res.body).toContain(formatRupiah(p.price));
    }
    for (const name of ['Gitar', 'Bass', 'Drum', 'Amplifier']) expect(res.body).toContain(`class="category-tile-name">${name}<`);
    expect(res.body).toMatch(/<html lang="id"/);
  });

  it('home page shows the best sellers among products in stock', async () => {
    const rows = await store.database.db.select().from(products).where(eq(products.isActive, true));
    const top = rows
      .filter((r) => r.stock > 0)
      .sort((a, b) => b.soldCount - a.soldCount || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
      .slice(0, 4);
    const res = await store.app.inject({ method: 'GET', url: '/' });
    const section = res.body.slice(res.body.indexOf('id="best-sellers-title"'), res.body.indexOf('id="highlights-title"'));
    expect(section).toContain('Paling Laris');
    const names = [...section.matchAll(/<h3 class="product-card-title"><a href="\/produk\/([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(top.map((p) => p.slug));
  });

  it('every product image on the home page is served as WebP with a JPEG fallback', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/' });
    const urls = [...res.body.matchAll(/src="(\/media\/products\/[^"]+\.jpg)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    const jpg = await store.app.inject({ method: 'GET', url: urls[0]! });
    expect(jpg.statusCode).toBe(200);
    expect(jpg.headers['content-type']).toBe('image/jpeg');
    const webp = await store.app.inject({ method: 'GET', url: urls[0]!.replace(/\.jpg$/, '.webp') });
    expect(webp.statusCode).toBe(200);
    expect(webp.headers['content-type']).toBe('image/webp');
  });

  it('a body over the size limit gets the "too large" page (413), not "invalid request" (400)', async () => {
    const res = await store.app.inject({
      method: 'POST',
      url: '/masuk',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: `email=${'a'.repeat(2 * 1024 * 1024)}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('Kiriman terlalu besar');
    expect(res.body).toMatch(/class="error-code"[^>]*>413</);
  });

  it('offers registration beside the login in the navbar, and in the phone menu', async () => {
    const home = await store.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toMatch(/<a class="btn btn-sm btn-outline-rock nav-register[^"]*" href="\/daftar">Daftar<\/a>/);
    expect(home.body).toMatch(/<li class="nav-item d-sm-none"><a class="nav-link" href="\/daftar"/);
  });

  it('footer shows the store profile from the database', async () => {
    const [profile] = await store.database.db.select().from(storeProfile);
    const res = await store.app.inject({ method: 'GET', url: '/' });
    expect(res.body).toContain(escapeHtml(profile!.street));
    expect(res.body).toContain(profile!.phone);
    expect(res.body).toContain(`https://wa.me/${profile!.whatsapp}`);
  });

  it('sends security headers and a CSP without inline script', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-request-id']).toBeTruthy();
    // Every script is a same-origin file: none inline, none from another host.
    const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/ src="\/(assets|vendor)\//);
    expect(res.body).not.toMatch(/<script\b[^>]*>[^<]+<\/script>/);
    expect(res.body).not.toMatch(/(src|href)="(https?:)?\/\/(?!wa\.me)/);
  });

  it('sends the same security headers and a request id on every kind of answer', async () => {
    const page = await store.app.inject({ method: 'GET', url: '/' });
    const answers = [
      await store.app.inject({ method: 'GET', url: '/healthz' }),
      await store.app.inject({ method: 'GET', url: '/no/such/page' }),
      await store.app.inject({ method: 'GET', url: '/test-only/boom' }),
      await store.app.inject({ method: 'POST', url: '/keranjang/tambah', payload: { product: '1' } }),
      await store.app.inject({ method: 'GET', url: '/admin' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 500, 403, 303]);
    for (const res of answers) {
      for (const name of [
        'content-security-policy',
        'x-content-type-options',
        'x-frame-options',
        'referrer-policy',
        'cross-origin-opener-policy',
      ]) {
        expect(res.headers[name], `${res.statusCode} ${name}`).toBe(page.headers[name]);
      }
      expect(res.headers['x-request-id']).toMatch(/^[\w-]+$/);
    }
    // An incoming request id (from a proxy) is kept.
    const traced = await store.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-42.abc' } });
    expect(traced.headers['x-request-id']).toBe('lb-42.abc');
  });

  it('serves its own CSS, fonts, icons and scripts with long-lived caching', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/' });
    const assets = [...res.body.matchAll(/(?:href|src|data-icon-sprite)="(\/(?:assets|vendor)\/[^"#]+)/g)].map((m) => m[1]!);
    // One purged storefront sheet, no Font Awesome.
    expect(assets.filter((a) => a.endsWith('.css'))).toEqual([expect.stringMatching(/^\/assets\/storefront-[\w-]+\.css$/)]);
    // Two scripts: the blocking theme set-up and one module with every common behaviour (Bootstrap's
    // too); the chat widget is only named, for the launcher to load on first click.
    expect([...res.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      expect.stringMatching(/^\/assets\/theme-init-\w+\.js$/),
      expect.stringMatching(/^\/assets\/shop-\w+\.js$/),
    ]);
    expect(assets.some((a) => a.includes('fontawesome') || a.includes('/vendor/'))).toBe(false);
    for (const url of new Set(assets)) {
      const asset = await store.app.inject({ method: 'GET', url });
      expect(asset.statusCode, url).toBe(200);
      expect(asset.headers['cache-control'], url).toContain('immutable');
    }
    // Both display fonts: Latin woff2 only, preloaded, and the very files the style sheet names;
    // Rock Salt only from the width where the sheet uses it (phones set accents in the body font).
    const preloads = [
      ...res.body.matchAll(
        /<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin="anonymous"(?: media="([^"]+)")?\/>/g,
      ),
    ];
    expect(preloads.map((m) => [m[1], m[2]])).toEqual([
      [expect.stringMatching(/^\/assets\/metal-mania-latin-400-normal-\w+\.woff2$/), undefined],
      [expect.stringMatching(/^\/assets\/rock-salt-latin-400-normal-\w+\.woff2$/), '(min-width: 768px)'],
    ]);
    const css = await store.app.inject({ method: 'GET', url: assets.find((a) => a.endsWith('.css'))! });
    const fontUrls = [...css.body.matchAll(/url\("?\.\/([^")]+)"?\)/g)].map((m) => `/assets/${m[1]}`);
    expect(fontUrls.sort()).toEqual(preloads.map((m) => m[1]).sort());
    expect(css.body).toContain('font-display:swap');
    expect(css.body).toMatch(/@media ?\(max-width: ?767\.98px\) ?\{:root\{--hr-font-accent: ?var\(--bs-body-font-family\)\}/);
    expect(css.body).not.toMatch(/\.woff\b|fa-solid/);
    // The page carries the symbols of the icons it draws, once each, from the build's sprite; the
    // sprite itself stays served for the icons browser modules add (data-icon-sprite).
    const sprite = assets.find((a) => a.includes('/icons-'))!;
    const svg = (await store.app.inject({ method: 'GET', url: sprite })).body;
    expect(res.body).not.toMatch(/<use href="\/assets\//);
    const used = new Set([...res.body.matchAll(/<use href="#([\w-]+)"/g)].map((m) => m[1]!));
    expect(used.size).toBeGreaterThan(5);
    const inline = /<svg[^>]*data-icon-symbols[^>]*>([\s\S]*?)<\/svg><\/body>/.exec(res.body)?.[1] ?? '';
    const defined = [...inline.matchAll(/<symbol id="([\w-]+)"/g)].map((m) => m[1]!);
    expect(defined.sort()).toEqual([...used].sort());
    for (const id of used) expect(svg, id).toContain(`<symbol id="${id}"`);
  });

  it('sends its style sheet and scripts as the build compressed them, and plain to a client that asks for neither', async () => {
    const page = (await store.app.inject({ method: 'GET', url: '/' })).body;
    const urls = [...page.matchAll(/(?:href|src)="(\/assets\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    for (const url of urls) {
      const plain = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
      expect(plain.statusCode, url).toBe(200);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      const br = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers['content-type'], url).toBe(plain.headers['content-type']);
      expect(br.headers.vary, url).toContain('accept-encoding');
      expect(br.headers['cache-control'], url).toContain('immutable');
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), url).toBe(true);
      const gz = await store.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload), url).toBe(true);
    }
    // The style sheet's build copy is smaller than what the per-request compression (Brotli 4) makes.
    const sheet = urls.find((u) => u.endsWith('.css'))!;
    const sent = await store.app.inject({ method: 'GET', url: sheet, headers: { 'accept-encoding': 'br' } });
    const plain = await store.app.inject({ method: 'GET', url: sheet, headers: { 'accept-encoding': 'identity' } });
    const quick = brotliCompressSync(plain.rawPayload, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 4 } });
    expect(sent.rawPayload.length).toBeLessThan(quick.length);
  });

  it('serves the favicon and the hero art the page refers to', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/' });
    const referenced = [...res.body.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);
    expect(referenced).toEqual(expect.arrayContaining(['/static/favicon.svg', '/static/hero-dark.svg', '/static/hero-light.svg']));
    // The hero art is an <img> the browser finds in the HTML and fetches first.
    expect(res.body).toMatch(/<img class="hero-art-img hero-art-light" src="\/static\/hero-light\.svg"[^>]*fetchpriority="high"/);
    for (const url of referenced) {
      const file = await store.app.inject({ method: 'GET', url });
      expect(file.statusCode, url).toBe(200);
      expect(file.headers['content-type'], url).toContain('image/svg+xml');
    }
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(res.body).toMatch(/<html lang="en"/);
    expect(res.body).toContain('Featured Gear');
    const cookie = res.cookies.find((c) => c.name === 'lang');
    expect(cookie?.value).toBe('en');
    expect(cookie?.httpOnly).toBe(true);
    const again = await store.app.inject({ method: 'GET', url: '/', cookies: { lang: 'en' } });
    expect(again.body).toContain('Featured Gear');
    const bogus = await store.app.inject({ method: 'GET', url: '/?lang=xx', cookies: { lang: '<script>' } });
    expect(bogus.body).toMatch(/<html lang="id"/);
    expect(bogus.body).toContain('Produk Unggulan');
  });

  it('renders the remembered theme on the server (no flash)', async () => {
    const dark = await store.app.inject({ method: 'GET', url: '/', cookies: { theme: 'dark' } });
    expect(dark.body).toMatch(/<html lang="id" data-bs-theme="dark" data-theme-source="cookie"/);
    const none = await store.app.inject({ method: 'GET', url: '/', cookies: { theme: 'purple' } });
    expect(none.body).toContain('data-theme-source="system"');
  });

  it('shows a friendly 404 page with search and contact', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/no/such/page' });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Halaman tidak ditemukan');
    expect(res.body).toMatch(/<form[^>]+action="\/produk"/);
    expect(res.body).toContain('https://wa.me/');
  });

  it('answers JSON callers with a JSON 404', async () => {
    const api = await store.app.inject({ method: 'GET', url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    const fetchLike = await store.app.inject({ method: 'GET', url: '/nothing', headers: { accept: 'application/json' } });
    expect(fetchLike.json().error.code).toBe('not_found');
  });

  it('shows a friendly 500 page with a reference and no internals', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/test-only/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain('Ada yang putus senarnya');
    expect(res.body).toContain(String(res.headers['x-request-id']));
    expect(res.body).not.toContain('secret internal detail');
    expect(res.body).not.toContain('.ts:');
    const json = await store.app.inject({ method: 'GET', url: '/test-only/boom', headers: { accept: 'application/json' } });
    expect(json.json()).toEqual({ error: { code: 'internal_error', message: 'Something went wrong. Please try again.' } });
  });

  it('escapes whatever the visitor puts in the URL', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('<script>alert(1)</script>');
  });

  it('answers a malformed address with a plain 400 that does not repeat it', async () => {
    const page = await store.app.inject({ method: 'GET', url: '/produk/%E0%A4%A<b>x' });
    expect(page.statusCode).toBe(400);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Alamat tidak valid');
    expect(page.body).not.toContain('<b>x');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const api = await store.app.inject({ method: 'GET', url: '/api/v1/products/%E0%A4%A' });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toEqual({ error: { code: 'bad_url', message: 'The address is not valid.' } });
  });

  it('reports liveness and readiness', async () => {
    const health = await store.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    // The chat service is not running here: readiness says so (test/integration/readiness.test.ts covers the rest).
    const ready = await store.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json().checks.database).toBe('ok');
  });
});
