/**
 * Layout at 390 px that axe cannot judge: with free shipping, each courier's name keeps its room
 * beside the struck-through price (it was one word per line, and "SiCepat" ran under the price).
 */
import type { Locator } from '@playwright/test';
import { logInAsAdmin } from './helpers/admin';
import { expect, test } from './helpers/server';

const box = async (locator: Locator) => (await locator.boundingBox())!;

test('checkout on a phone with free shipping: courier names and struck prices do not overlap', async ({
  browser,
  editableStore: store,
}, testInfo) => {
  const admin = await browser.newContext();
  try {
    const page = await admin.newPage();
    await logInAsAdmin(page, store.url);
    await page.goto(`${store.url}/admin/pengiriman`);
    await page.getByLabel(/Gratis ongkir mulai/).fill('100000');
    await page
      .getByRole('button', { name: /Simpan/ })
      .first()
      .click();
    await expect(page.getByText(/Sekarang: gratis ongkir/)).toBeVisible();
  } finally {
    await admin.close();
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(`${store.url}/produk?q=yamaha+f310`);
      await page.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
      await expect(page.locator('[data-cart-badge]')).toHaveText('1');
      await page.goto(`${store.url}/checkout`);
      const options = page.locator('.checkout-choice').filter({ has: page.locator('input[name="shipping"]') });
      const count = await options.count();
      expect(count).toBeGreaterThan(2);
      for (let i = 0; i < count; i++) {
        const title = await box(options.nth(i).locator('.checkout-choice-title'));
        const price = await box(options.nth(i).locator('.checkout-choice-price'));
        // Side by side without touching, and the name gets at least half of the card's text width.
        expect(title.x + title.width, `option ${i}`).toBeLessThanOrEqual(price.x + 1);
        expect(title.width, `option ${i}`).toBeGreaterThan(price.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`checkout-free-shipping-390-${colorScheme}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  }
});
