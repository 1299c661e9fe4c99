/**
 * A11 the audit log in the browser: the admin changes a product's stock by hand, then finds the
 * entry in the audit log (filtered by action) with who and the count before and after. The page
 * passes axe in light and dark, at 1280 and 390 px, with nothing wider than the phone.
 */
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { expect, test } from './helpers/server';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('a hand stock adjustment appears in the audit log with who, before and after', async ({
      page,
      editableStore: store,
    }, testInfo) => {
      await logInAsAdmin(page, store.url);
      await page.goto(`${store.url}/admin/stok/2`);
      const current = Number(((await page.locator('[data-stock-current]').textContent()) ?? '').trim().split(' ')[0]);
      const note = `opname ${theme}`;
      await page.getByLabel('Perubahan (mis. -2 atau 5)').fill('3');
      await page.getByLabel('Catatan (wajib)').fill(note);
      await page.getByRole('button', { name: 'Simpan penyesuaian' }).click();
      await expect(page.locator('[data-admin-flash]')).toContainText(`Stok diubah menjadi ${current + 3}.`);

      await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Log audit' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log audit');
      await page.getByLabel('Tindakan').selectOption('stock.adjusted');
      await page.getByRole('button', { name: 'Terapkan' }).click();
      await expect(page).toHaveURL(/aksi=stock\.adjusted/);
      const row = page.locator('tr[data-audit-row="stock.adjusted"]', { hasText: note });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText('admin@hurtrock.local');
      await expect(row.locator('.audit-before').first()).toHaveText(String(current));
      await expect(row.locator('.audit-after').first()).toHaveText(String(current + 3));
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`audit-${theme}.png`), fullPage: true });

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`audit-phone-${theme}.png`), fullPage: true });
    });
  });
}
