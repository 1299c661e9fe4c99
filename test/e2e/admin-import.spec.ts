import { expect, test } from './helpers/server';
import { logInAsAdmin } from './helpers/admin';
import { seriousA11yProblems } from './helpers/a11y';

const CSV =
  'sku,name,brand,category,price,stock,weight_grams,length_cm,width_cm,height_cm\n' +
  'E2E-IMP-1,Kramer Striker Impor,Kramer,gitar-elektrik,4.150.000,3,4000,105,40,12\n';

test('an admin imports a CSV: preview, apply, and the product is on the storefront', async ({ page, editableStore: store }, testInfo) => {
  await logInAsAdmin(page, store.url);
  await page.goto(`${store.url}/admin/produk/impor`);
  await page.getByLabel(/File katalog/).setInputFiles({ name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Periksa file' }).first().click();
  await expect(page.locator('[data-import-summary]')).toHaveText('1 produk baru, 0 diperbarui, 0 tidak berubah.');
  expect(await seriousA11yProblems(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('import-preview.png'), fullPage: true });

  await page.getByRole('button', { name: 'Terapkan 1 perubahan' }).click();
  await expect(page.locator('[data-admin-flash]')).toContainText('Impor selesai: 1 produk baru, 0 diperbarui.');

  await page.goto(`${store.url}/produk/kramer-striker-impor`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kramer Striker Impor');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the import page passes axe in ${theme}, on a phone too`, async ({ browser, editableStore: store }) => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await logInAsAdmin(page, store.url);
      await page.goto(`${store.url}/admin/produk/impor`);
      await page.getByText('Kolom yang dikenali').click();
      expect(await seriousA11yProblems(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
}
