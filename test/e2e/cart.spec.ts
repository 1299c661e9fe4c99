/**
 * Cart journeys in a real browser: add from the product page and from a product card without a
 * reload (badge + toast), change quantity and remove live on /keranjang, the empty state; on a
 * desktop and a phone, light and dark. Screenshots go to test-results/.
 */
import type { Page } from '@playwright/test';
import { formatRupiah } from '../../src/lib/money';
import { seriousA11yProblems } from './helpers/a11y';
import { expect, test } from './helpers/server';

const IBANEZ = { path: '/produk/ibanez-rg550-genesis', name: 'Ibanez RG550 Genesis Collection', price: 17_500_000 };
const YAMAHA = { name: 'Yamaha F310 Natural', price: 1_850_000 };

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

const badge = (page: Page) => page.locator('[data-cart-badge]');

/** Adds from the product page and proves the page was not reloaded (a marker on window survives). */
async function addFromProductPage(page: Page, url: string, quantity: number) {
  await page.goto(url + IBANEZ.path);
  await page.evaluate(() => ((window as any).__noReload = true));
  await page.getByRole('spinbutton', { name: 'Jumlah' }).fill(String(quantity));
  await page.getByRole('button', { name: 'Tambah ke Keranjang' }).click();
  await expect(page.locator('[data-cart-toast]')).toContainText(`${IBANEZ.name} masuk keranjang.`);
  await expect(badge(page)).toHaveText(String(quantity));
  expect(await page.evaluate(() => (window as any).__noReload)).toBe(true);
}

test.describe('cart', () => {
  test('desktop: add without reload, change quantity live, remove, empty state', async ({ page, store }, testInfo) => {
    const problems = watchProblems(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(store.url + '/');
    await expect(badge(page)).toBeHidden();
    await addFromProductPage(page, store.url, 2);
    await expect(page.getByRole('link', { name: 'Keranjang, 2 barang' })).toBeVisible();

    // A product card's button adds one unit, also without a reload.
    await page.goto(store.url + '/produk?q=yamaha+f310');
    await page.getByRole('button', { name: `Tambah ${YAMAHA.name} ke keranjang` }).click();
    await expect(badge(page)).toHaveText('3');
    await page.locator('[data-cart-toast]').getByRole('link', { name: 'Lihat keranjang' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keranjang Belanja');
    const subtotal = page.locator('[data-cart-subtotal]');
    await expect(subtotal).toHaveText(formatRupiah(IBANEZ.price * 2 + YAMAHA.price));
    await expect(page.locator('[data-cart-shipping]')).toHaveText('Gratis ongkir');
    await page.screenshot({ path: testInfo.outputPath('cart-light.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'dark');
    await page.screenshot({ path: testInfo.outputPath('cart-dark.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);

    // Quantity: the server recomputes, the page shows its numbers.
    const qty = page.getByRole('spinbutton', { name: `Jumlah ${IBANEZ.name}` });
    await qty.fill('3');
    await expect(subtotal).toHaveText(formatRupiah(IBANEZ.price * 3 + YAMAHA.price));
    await expect(badge(page)).toHaveText('4');
    await qty.fill('0');
    await expect(page.locator(`[data-cart-line] [data-cart-error]`).first()).toHaveText('Jumlah harus bilangan bulat, minimal 1.');
    await expect(subtotal).toHaveText(formatRupiah(IBANEZ.price * 3 + YAMAHA.price));
    await qty.fill('1');
    await expect(subtotal).toHaveText(formatRupiah(IBANEZ.price + YAMAHA.price));
    await expect(page.locator(`[data-cart-line] [data-cart-error]`).first()).toHaveText('');

    await page.getByRole('button', { name: `Hapus ${YAMAHA.name} dari keranjang` }).click();
    await expect(page.getByRole('link', { name: YAMAHA.name })).toHaveCount(0);
    await expect(subtotal).toHaveText(formatRupiah(IBANEZ.price));
    await page.getByRole('button', { name: `Hapus ${IBANEZ.name} dari keranjang` }).click();
    await expect(page.getByRole('heading', { name: 'Keranjangmu masih kosong' })).toBeVisible();
    await expect(badge(page)).toBeHidden();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Keranjangmu masih kosong' })).toBeVisible();
    // The refused quantity 0 is the one expected failed request (the browser logs every 4xx).
    expect(problems).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });

  test('phone: add, change quantity and remove on a small screen', async ({ browser, store }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'light',
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await addFromProductPage(page, store.url, 1);
    await page.getByRole('link', { name: 'Keranjang, 1 barang' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keranjang Belanja');
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('cart-phone.png'), fullPage: true });
    await page.getByRole('spinbutton', { name: `Jumlah ${IBANEZ.name}` }).fill('2');
    await expect(page.locator('[data-cart-subtotal]')).toHaveText(formatRupiah(IBANEZ.price * 2));
    await page.getByRole('button', { name: `Hapus ${IBANEZ.name} dari keranjang` }).click();
    await expect(page.getByRole('heading', { name: 'Keranjangmu masih kosong' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('cart-phone-empty.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});
