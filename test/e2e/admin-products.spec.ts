import sharp from 'sharp';
import { seriousA11yProblems } from './helpers/a11y';
import { expect, test } from './helpers/server';
import { logInAsAdmin } from './helpers/admin';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('an admin lists, adds a product with a photo, and the shop shows it', async ({ page, editableStore: store }, testInfo) => {
      const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`products-${name}-${theme}.png`), fullPage: true });
      await logInAsAdmin(page, store.url);
      await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Produk' }).click();
      await expect(page).toHaveURL(/\/admin\/produk$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Produk');
      await expect(page.locator('[data-product-row]').first()).toBeVisible();
      expect(await seriousA11yProblems(page)).toEqual([]);
      await shot('list');

      // "Select all" checks every row of the page; clearing one leaves it half-checked.
      const rows = page.locator('[data-product-row] input[name="ids"]');
      const all = page.getByRole('checkbox', { name: 'Pilih semua produk di halaman ini' });
      await all.check();
      expect(await rows.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true);
      await rows.first().uncheck();
      expect(await all.evaluate((b) => (b as HTMLInputElement).indeterminate)).toBe(true);
      await all.click(); // from "some" to all
      await expect(page.locator('[data-product-row] input[name="ids"]:not(:checked)')).toHaveCount(0);
      await all.click();
      await expect(page.locator('[data-product-row] input[name="ids"]:checked')).toHaveCount(0);

      // Search forgives a typo and keeps its state in the URL.
      await page.getByLabel('Cari (nama, merek, SKU)').fill('yamaah');
      await page.getByRole('button', { name: 'Terapkan' }).first().click();
      await expect(page).toHaveURL(/q=yamaah/);
      await expect(page.locator('[data-product-row]').first()).toContainText('Yamaha');

      // A new product: a bad price first, then a good one.
      const name = `Gitar E2E ${theme} Distorsi`;
      await page.getByRole('link', { name: 'Tambah produk' }).click();
      await page.locator('#f-name').fill(name);
      await page.locator('#f-sku').fill(`E2E-${theme.toUpperCase()}`);
      await page.locator('#f-brand').fill('Hurtrock');
      await page.locator('#f-categoryId').selectOption({ label: 'Gitar › Gitar Elektrik' });
      await page.locator('#f-price').fill('0');
      await page.locator('#f-stock').fill('4');
      await page.locator('#f-weightGrams').fill('3500');
      await page.locator('#f-lengthCm').fill('105');
      await page.locator('#f-widthCm').fill('38');
      await page.locator('#f-heightCm').fill('10');
      await page.getByRole('button', { name: 'Simpan produk baru' }).click();
      await expect(page.locator('#f-price-error')).toContainText('Isi harga');
      await expect(page.locator('#f-name')).toHaveValue(name);
      expect(await seriousA11yProblems(page)).toEqual([]);
      await shot('form-error');
      await page.locator('#f-price').fill('3500000');
      await page.getByRole('button', { name: 'Simpan produk baru' }).click();
      await expect(page).toHaveURL(/\/admin\/produk\/\d+$/);
      await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toContainText('Produk ditambahkan');

      // A photo, uploaded without any script help (a plain multipart form).
      const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#b91c1c' } })
        .jpeg()
        .toBuffer();
      await page.locator('#f-images').setInputFiles([{ name: 'gitar.jpg', mimeType: 'image/jpeg', buffer: photo }]);
      await page.getByRole('button', { name: 'Unggah gambar' }).click();
      await expect(page.locator('.admin-image')).toHaveCount(1);
      await expect(page.locator('.admin-image').first()).toContainText('Gambar utama');
      expect(await seriousA11yProblems(page)).toEqual([]);
      await shot('edit');
      const storageKey = (await page.locator('.admin-image img').first().getAttribute('src'))!.match(/products\/([\w-]+)-320/)![1]!;

      await page.setViewportSize({ width: 390, height: 844 });
      expect(await seriousA11yProblems(page)).toEqual([]);
      await shot('edit-phone');
      await page.goto(`${store.url}/admin/produk`);
      const table = page.locator('.admin-table-wrap');
      const box = await table.boundingBox();
      expect(box!.width).toBeLessThanOrEqual(390);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousA11yProblems(page)).toEqual([]);
      await shot('list-phone');
      await page.setViewportSize({ width: 1280, height: 800 });

      // The shop shows it at once, with the uploaded photo.
      await page.goto(`${store.url}/produk?q=${encodeURIComponent(name)}`);
      await expect(page.getByText(name).first()).toBeVisible();
      await page.getByRole('link', { name }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.locator(`img[src*="${storageKey}"], source[srcset*="${storageKey}"]`).first()).toBeAttached();
    });
  });
}
