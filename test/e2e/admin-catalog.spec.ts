/**
 * Back office A3 and A5 in a browser: the admin opens Categories and Suppliers from the sidebar,
 * creates a category (and is told clearly when a move would make a loop), edits a supplier and
 * deactivates it after confirming; every page passes axe in light and dark, at 1280 and 390 px,
 * and on a phone the tables scroll inside their own box instead of widening the page.
 */
import type { Page } from '@playwright/test';
import { seriousA11yProblems } from './helpers/a11y';
import { expect, test } from './helpers/server';
import { logInAsAdmin } from './helpers/admin';

/** The page itself never scrolls sideways (wide tables scroll in their own box). */
async function expectNoPageOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function openSection(page: Page, name: string, phone: boolean) {
  if (phone) await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name }).click();
}

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 390] as const) {
    const phone = width === 390;
    test.describe(`${theme} theme at ${width} px`, () => {
      test.use({ colorScheme: theme, viewport: { width, height: phone ? 844 : 800 } });

      test('categories: tree, create, no loops, confirm before delete', async ({ page, editableStore: store }, testInfo) => {
        const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}-${theme}-${width}.png`), fullPage: true });
        const suffix = `${theme}-${width}`;
        await logInAsAdmin(page, store.url);
        await openSection(page, 'Kategori', phone);
        await expect(page).toHaveURL(/\/admin\/kategori$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kategori');
        await expect(page.locator('[data-category-row="gitar-elektrik"]')).toBeVisible();
        expect(await seriousA11yProblems(page)).toEqual([]);
        await expectNoPageOverflow(page);
        await shot('categories');

        // A new category under Gitar, its slug made from the name.
        await page.getByRole('link', { name: 'Tambah kategori' }).click();
        await page.getByLabel('Nama', { exact: true }).fill(`Gitar Bariton ${suffix}`);
        await page.getByLabel('Induk').selectOption({ label: 'Gitar' });
        await page.getByRole('button', { name: 'Buat kategori' }).click();
        await expect(page).toHaveURL(/\/admin\/kategori$/);
        await expect(page.locator('[data-admin-flash]')).toContainText(`Kategori Gitar Bariton ${suffix} dibuat.`);
        const row = page.locator(`[data-category-row="gitar-bariton-${suffix}"]`);
        await expect(row).toBeVisible();

        // Moving Gitar under its own new child is refused with a message at the field.
        await page.locator('[data-category-row="gitar"]').getByRole('link', { name: 'Gitar', exact: true }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ubah Gitar');
        // Its descendants are not even offered; post one anyway through the form's own select.
        const childId = await page.evaluate(async (slug) => {
          const html = await (await fetch('/admin/kategori')).text();
          return new RegExp(`data-category-row="${slug}"[\\s\\S]*?href="/admin/kategori/(\\d+)"`).exec(html)?.[1] ?? '';
        }, `gitar-bariton-${suffix}`);
        await page.locator('#f-parentId').evaluate((select, value) => {
          (select as HTMLSelectElement).add(new Option('child', value));
          (select as HTMLSelectElement).value = value;
        }, childId);
        await page.getByRole('button', { name: 'Simpan kategori' }).click();
        await expect(page.locator('#f-parentId-error')).toHaveText(
          'Kategori tidak bisa dipindah ke bawah dirinya sendiri atau sub-kategorinya.',
        );
        await expect(page.locator('#f-parentId')).toHaveAttribute('aria-invalid', 'true');
        expect(await seriousA11yProblems(page)).toEqual([]);
        await expectNoPageOverflow(page);
        await shot('category-error');

        // The new category is unused: deleting it asks first.
        await page.goto(`${store.url}/admin/kategori/${childId}`);
        await page.getByText('Hapus kategori', { exact: true }).click();
        await expect(page.getByText(`Hapus kategori "Gitar Bariton ${suffix}"?`)).toBeVisible();
        expect(await seriousA11yProblems(page)).toEqual([]);
        await shot('category-delete');
        await page.getByRole('button', { name: 'Ya, hapus' }).click();
        await expect(page.locator('[data-admin-flash]')).toContainText('Kategori dihapus.');
        await expect(row).toHaveCount(0);
      });

      test('suppliers: search, edit, products, deactivate after confirming', async ({ page, editableStore: store }, testInfo) => {
        const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}-${theme}-${width}.png`), fullPage: true });
        const name = `UD Tonewood ${theme} ${width}`;
        await logInAsAdmin(page, store.url);
        await openSection(page, 'Pemasok', phone);
        await expect(page).toHaveURL(/\/admin\/pemasok$/);
        await page.getByLabel('Cari nama atau kontak').fill('dewi');
        await page.getByRole('button', { name: 'Cari' }).click();
        await expect(page).toHaveURL(/\?q=dewi&status=all$/);
        await expect(page.locator('[data-supplier-table] tbody tr')).toHaveCount(1);
        await expect(page.locator('[data-supplier-table]')).toContainText('CV Bandung Musik Sentosa');
        expect(await seriousA11yProblems(page)).toEqual([]);
        await expectNoPageOverflow(page);
        await shot('suppliers');

        await page.getByRole('link', { name: 'CV Bandung Musik Sentosa' }).click();
        await expect(page.locator('[data-supplier-products] a[href^="/produk/"]').first()).toBeVisible();
        expect(await seriousA11yProblems(page)).toEqual([]);
        await expectNoPageOverflow(page);
        await shot('supplier');

        // A new supplier: a bad phone is refused at its field, then saved in the normal form.
        await page.goto(`${store.url}/admin/pemasok/baru`);
        await page.getByLabel('Nama pemasok').fill(name);
        await page.getByLabel('Telepon').fill('12345');
        await page.getByRole('button', { name: 'Buat pemasok' }).click();
        await expect(page.locator('#f-phone-error')).toContainText('nomor telepon Indonesia');
        await expect(page.getByLabel('Nama pemasok')).toHaveValue(name);
        expect(await seriousA11yProblems(page)).toEqual([]);
        await shot('supplier-error');
        await page.getByLabel('Telepon').fill('+62 812 3456 7890');
        await page.getByRole('button', { name: 'Buat pemasok' }).click();
        await expect(page.locator('[data-admin-flash]')).toContainText(`Pemasok ${name} dibuat.`);
        await expect(page.getByLabel('Telepon')).toHaveValue('0812-3456-7890');

        await page.getByText('Nonaktifkan pemasok', { exact: true }).click();
        await page.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
        await expect(page.locator('[data-admin-flash]')).toContainText('Pemasok dinonaktifkan.');
        await expect(page.getByText('Aktifkan kembali', { exact: true })).toBeVisible();
        await page.goto(`${store.url}/admin/pemasok?status=inactive`);
        await expect(page.locator('[data-supplier-table]')).toContainText(name);
      });
    });
  }
}
