import { expect, test } from './helpers/server';

test.describe('theme', () => {
  test.use({ colorScheme: 'light' });

  test('toggle dark mode on the home page, reload, and the theme is kept', async ({ page, store }, testInfo) => {
    await page.goto(store.url + '/');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-bs-theme', 'light');
    await expect(page.getByRole('heading', { level: 2, name: 'Produk Unggulan' })).toBeVisible();
    await expect(page.locator('.product-card').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('home-light.png'), fullPage: true });

    const toggle = page.getByRole('button', { name: 'Ganti tema terang/gelap' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(html).toHaveAttribute('data-bs-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await expect(html).toHaveAttribute('data-bs-theme', 'dark');
    // The server itself rendered dark (cookie), so the first paint was already dark.
    const served = await page.request.get(store.url + '/', {
      headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(await served.text()).toContain('data-bs-theme="dark" data-theme-source="cookie"');
    await page.screenshot({ path: testInfo.outputPath('home-dark.png'), fullPage: true });

    await page.getByRole('button', { name: 'Ganti tema terang/gelap' }).click();
    await page.reload();
    await expect(html).toHaveAttribute('data-bs-theme', 'light');
  });

  test('a first visit follows the system preference', async ({ browser, store }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(store.url + '/');
    await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'dark');
    await context.close();
  });

  test('the page loads without console errors or CSP violations on a phone', async ({ browser, store }, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(store.url + '/?lang=en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gear for those who play loud');
    // The collapsed menu opens (Bootstrap's script is served by us and allowed by the CSP).
    await page.getByRole('button', { name: 'Open menu' }).click();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Products', exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('home-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
