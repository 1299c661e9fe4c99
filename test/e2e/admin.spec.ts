import { expect, test } from './helpers/chat';
import { logInAsAdmin } from './helpers/admin';
import { seriousA11yProblems } from './helpers/a11y';

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('staff land on /admin, see only existing pages, and reach the chat console', async ({ page, shop }, testInfo) => {
      await logInAsAdmin(page, shop.url);
      await expect(page.locator('html')).toHaveAttribute('data-bs-theme', theme);
      const sidebar = page.getByRole('navigation', { name: 'Menu admin' });
      // "Pesanan" may carry the orders desk's live badge.
      await expect(sidebar.getByRole('link')).toHaveText([
        'Dashboard',
        /Pesanan/,
        'Produk',
        'Kategori',
        'Stok',
        'Pemasok',
        'Pengiriman',
        'Pengguna',
        'Laporan',
        'Chat',
        'Pengaturan',
        'Log audit',
      ]);
      await expect(sidebar.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Panel Admin');
      // No storefront display fonts in the back office.
      expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/Metal Mania|Rock Salt/);
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-dashboard-${theme}.png`), fullPage: true });

      await sidebar.getByRole('link', { name: 'Chat' }).click();
      await expect(page).toHaveURL(/\/admin\/chat$/);
      await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Chat');
      await expect(page.locator('#chat-console .chat-state')).toHaveText('Terhubung');
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-chat-${theme}.png`), fullPage: true });

      await page.goto(`${shop.url}/admin/belum-ada`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman admin tidak ditemukan');
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-404-${theme}.png`), fullPage: true });
    });

    test('on a phone the sidebar folds behind its button', async ({ page, shop }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await logInAsAdmin(page, shop.url);
      const toggle = page.getByRole('button', { name: 'Menu', exact: true });
      const sidebar = page.locator('#admin-nav');
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(sidebar).toBeHidden();
      await page.screenshot({ path: testInfo.outputPath(`admin-phone-closed-${theme}.png`) });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(sidebar.getByRole('link', { name: 'Chat' })).toBeVisible();
      expect(await seriousA11yProblems(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-phone-open-${theme}.png`) });
      await page.keyboard.press('Escape');
      await expect(sidebar).toBeHidden();
      await expect(toggle).toBeFocused();
      await toggle.click();
      await sidebar.getByRole('link', { name: 'Chat' }).click();
      await expect(page).toHaveURL(/\/admin\/chat$/);
      await expect(page.locator('#admin-nav')).toBeHidden();
      await page.screenshot({ path: testInfo.outputPath(`admin-phone-chat-${theme}.png`), fullPage: true });
    });
  });
}

test('without JavaScript the phone sidebar stays open and usable', async ({ browser, shop }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await logInAsAdmin(page, shop.url);
    await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeHidden();
    await expect(page.locator('#admin-nav').getByRole('link', { name: 'Chat' })).toBeVisible();
  } finally {
    await context.close();
  }
});
