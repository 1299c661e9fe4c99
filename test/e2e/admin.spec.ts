/**
 * The back office frame: the seeded admin logs in and lands on /admin, the sidebar lists only
 * the pages that exist, the chat console opens inside it, both pass axe in light and dark, and
 * on a phone the sidebar folds behind its button (and stays usable without JavaScript).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './helpers/server';
import { expect, test } from './helpers/chat';

async function logIn(page: Page, url: string) {
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Email').fill('admin@hurtrock.local');
  await page.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).last().click();
  await expect(page).toHaveURL(/\/admin$/);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    test('staff land on /admin, see only existing pages, and reach the chat console', async ({ page, shop }, testInfo) => {
      await logIn(page, shop.url);
      await expect(page.locator('html')).toHaveAttribute('data-bs-theme', theme);
      const sidebar = page.getByRole('navigation', { name: 'Menu admin' });
      await expect(sidebar.getByRole('link')).toHaveText(['Dashboard', 'Produk', 'Kategori', 'Stok', 'Pemasok', 'Chat']);
      await expect(sidebar.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Panel Admin');
      // No storefront display fonts in the back office.
      expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/Metal Mania|Rock Salt/);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-dashboard-${theme}.png`), fullPage: true });

      await sidebar.getByRole('link', { name: 'Chat' }).click();
      await expect(page).toHaveURL(/\/admin\/chat$/);
      await expect(page.getByRole('navigation', { name: 'Jejak halaman' })).toContainText('Chat');
      await expect(page.locator('#chat-console .chat-state')).toHaveText('Terhubung');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-chat-${theme}.png`), fullPage: true });

      await page.goto(`${shop.url}/admin/belum-ada`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Halaman admin tidak ditemukan');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`admin-404-${theme}.png`), fullPage: true });
    });

    test('on a phone the sidebar folds behind its button', async ({ page, shop }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await logIn(page, shop.url);
      const toggle = page.getByRole('button', { name: 'Menu', exact: true });
      const sidebar = page.locator('#admin-nav');
      await expect(toggle).toBeVisible();
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(sidebar).toBeHidden();
      await page.screenshot({ path: testInfo.outputPath(`admin-phone-closed-${theme}.png`) });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(sidebar.getByRole('link', { name: 'Chat' })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
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
    await logIn(page, shop.url);
    await expect(page.getByRole('button', { name: 'Menu', exact: true })).toBeHidden();
    await expect(page.locator('#admin-nav').getByRole('link', { name: 'Chat' })).toBeVisible();
  } finally {
    await context.close();
  }
});
