/**
 * Public pages are rendered once for all visitors without a session; nobody with a session may
 * ever receive that copy, and no visitor's details may ever end up in it.
 */
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
