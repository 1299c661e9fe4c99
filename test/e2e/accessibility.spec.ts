import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './helpers/server';

const pages = [
  '/',
  '/produk',
  '/produk?q=ibanes',
  '/produk/fender-player-stratocaster',
  '/produk/schecter-hellraiser-c-1', // out of stock
  '/produk/tidak-ada',
  '/toko',
  '/keranjang', // empty; the filled cart is checked in cart.spec.ts
  '/halaman-yang-tidak-ada',
  '/api/docs',
];

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of pages) {
      test(`${path} has no serious accessibility violations`, async ({ page, store }) => {
        await page.goto(store.url + path);
        await expect(page.locator('main')).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const serious = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id}: ${v.help} — ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(' | ')}`,
          );
        expect(serious).toEqual([]);
      });
    }
  });
}
