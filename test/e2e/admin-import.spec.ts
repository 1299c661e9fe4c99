import ExcelJS from 'exceljs';
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

test('an admin imports a small XLSX, with a progress bar while it is applied', async ({ page, editableStore: store }) => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Produk');
  sheet.addRow(['sku', 'name', 'brand', 'category', 'price', 'stock', 'weight_grams', 'length_cm', 'width_cm', 'height_cm']);
  sheet.addRow(['E2E-XLSX-1', 'Jackson Dinky Impor', 'Jackson', 'gitar-elektrik', 6_250_000, 2, 3800, 104, 38, 11]);
  sheet.addRow(['E2E-XLSX-2', 'Ampeg Rocket Impor', 'Ampeg', 'amplifier', 5_100_000, 1, 15000, 60, 50, 30]);
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());

  await logInAsAdmin(page, store.url);
  await page.goto(`${store.url}/admin/produk/impor`);
  await page.getByLabel(/File katalog/).setInputFiles({
    name: 'katalog.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx,
  });
  await page.getByRole('button', { name: 'Periksa file' }).first().click();
  await expect(page.locator('[data-import-summary]')).toHaveText('2 produk baru, 0 diperbarui, 0 tidak berubah.');

  // The page's working state while the import runs: a progress bar, the button off. The test holds
  // the submission (a listener after the page's own cancels it), looks, then sends the form itself.
  const apply = page.locator('form[data-busy-text]').filter({ has: page.getByRole('button', { name: 'Terapkan 2 perubahan' }) });
  await apply.evaluate((form) => form.addEventListener('submit', (event) => event.preventDefault()));
  await page.getByRole('button', { name: 'Terapkan 2 perubahan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Menerapkan 2 perubahan' }).locator('progress')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Terapkan 2 perubahan' })).toBeDisabled();
  await apply.evaluate((form) => (form as HTMLFormElement).submit());
  await expect(page.locator('[data-admin-flash]')).toContainText('Impor selesai: 2 produk baru, 0 diperbarui.');
  await page.goto(`${store.url}/produk?q=jackson+dinky+impor`);
  await expect(page.getByText('Jackson Dinky Impor').first()).toBeVisible();
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
