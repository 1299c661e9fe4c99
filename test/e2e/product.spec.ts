import type { Page } from '@playwright/test';
import { expect, test } from './helpers/server';

const PRODUCT = '/produk/fender-player-stratocaster';

/** Collects console errors and uncaught exceptions (a CSP violation shows up as a console error). */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

test.describe('product page', () => {
  test.use({ colorScheme: 'light' });

  test('gallery: arrow keys change the photo and the thumbnails follow', async ({ page, store }, testInfo) => {
    const problems = watchProblems(page);
    await page.goto(store.url + PRODUCT);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fender Player Stratocaster');
    const gallery = page.locator('[data-gallery]');
    await expect(gallery).toHaveClass(/is-enhanced/);
    const thumbs = gallery.locator('button[data-gallery-thumb]');
    await expect(thumbs).toHaveCount(2);
    await expect(thumbs.nth(0)).toHaveAttribute('aria-current', 'true');
    const slides = gallery.locator('[data-gallery-slide] img');

    await gallery.locator('[data-gallery-track]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(thumbs.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(thumbs.nth(0)).not.toHaveAttribute('aria-current', 'true');
    await expect(gallery.locator('[data-gallery-counter]')).toHaveText('2 / 2');
    await expect(slides.nth(1)).toBeInViewport({ ratio: 0.9 });
    await expect(slides.nth(0)).not.toBeInViewport({ ratio: 0.5 });

    // Wraps around, and ← goes back.
    await page.keyboard.press('ArrowRight');
    await expect(thumbs.nth(0)).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(thumbs.nth(1)).toHaveAttribute('aria-current', 'true');
    // A thumbnail is a button that shows its photo.
    await thumbs.nth(0).click();
    await expect(thumbs.nth(0)).toHaveAttribute('aria-current', 'true');
    await expect(slides.nth(0)).toBeInViewport({ ratio: 0.9 });

    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: testInfo.outputPath('product-light.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  test('dark mode screenshots of the product page and the store page', async ({ browser, store }, testInfo) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(store.url + PRODUCT);
    await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'dark');
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: testInfo.outputPath('product-dark.png'), fullPage: true });
    await page.goto(store.url + '/toko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toko Kami');
    await page.screenshot({ path: testInfo.outputPath('store-dark.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('store page in light mode shows open/closed and highlights today', async ({ page, store }, testInfo) => {
    await page.goto(store.url + '/toko');
    await expect(page.locator('[data-store-status]')).toHaveText(/Buka sekarang|Tutup/);
    await expect(page.locator('tr.is-today')).toHaveCount(1);
    await expect(page.getByRole('link', { name: /Chat via WhatsApp/ })).toHaveAttribute('href', /^https:\/\/wa\.me\/\d+$/);
    await page.screenshot({ path: testInfo.outputPath('store-light.png'), fullPage: true });
  });

  test('on a phone: swipe and the next arrow change the photo; out-of-stock product cannot be added', async ({
    browser,
    store,
  }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(store.url + PRODUCT);
    const gallery = page.locator('[data-gallery]');
    await expect(gallery).toHaveClass(/is-enhanced/);
    const thumbs = gallery.locator('button[data-gallery-thumb]');

    await gallery.getByRole('button', { name: 'Foto berikutnya' }).tap();
    await expect(thumbs.nth(1)).toHaveAttribute('aria-current', 'true');
    await expect(gallery.locator('[data-gallery-slide] img').nth(1)).toBeInViewport({ ratio: 0.9 });

    // A swipe is the strip's own scrolling (scroll snapping): scroll back as a finger would. A finger
    // touches first, which hands control back from the arrow's glide (if it is still gliding there).
    await gallery.locator('[data-gallery-track]').evaluate((el) => {
      el.dispatchEvent(new Event('touchstart'));
      el.scrollBy({ left: -el.clientWidth });
    });
    await expect(thumbs.nth(0)).toHaveAttribute('aria-current', 'true');
    await expect(gallery.locator('[data-gallery-counter]')).toHaveText('1 / 2');

    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: testInfo.outputPath('product-phone.png'), fullPage: true });

    await page.goto(store.url + '/produk/schecter-hellraiser-c-1');
    await expect(page.getByRole('spinbutton', { name: 'Jumlah' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Tambah ke Keranjang' })).toBeDisabled();

    await page.goto(store.url + '/toko');
    await page.screenshot({ path: testInfo.outputPath('store-phone.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('without JavaScript the thumbnails are links and add to cart lands on the cart', async ({ browser, store }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(store.url + PRODUCT);
    await expect(page.locator('a[data-gallery-thumb][href="#foto-2"]')).toHaveCount(1);
    await expect(page.locator('[data-gallery-next]')).toBeHidden();
    await page.getByRole('spinbutton', { name: 'Jumlah' }).fill('2');
    await page.getByRole('button', { name: 'Tambah ke Keranjang' }).click();
    // A first-time visitor's page was the shared copy without a session, so without JavaScript
    // there was no CSRF token yet: the "send again" page carries the input over with one.
    await page.getByRole('button', { name: 'Kirim ulang' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keranjang Belanja');
    await expect(page.getByRole('spinbutton', { name: 'Jumlah Fender Player Stratocaster' })).toHaveValue('2');
    await page.screenshot({ path: testInfo.outputPath('cart-no-js.png') });
    await context.close();
  });

  test('unknown product: a 404 page with search', async ({ page, store }, testInfo) => {
    const response = await page.goto(store.url + '/produk/gitar-yang-tidak-ada');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Produk tidak ditemukan');
    await page.screenshot({ path: testInfo.outputPath('product-404.png') });
    await page.getByRole('searchbox', { name: 'Cari produk lain' }).fill('ibanez');
    await page.getByRole('searchbox', { name: 'Cari produk lain' }).press('Enter');
    await expect(page).toHaveURL(/\/produk\?q=ibanez/);
  });
});
