/**
 * A6 the orders desk in the browser: staff keep the orders list open; a customer in another
 * browser places an order and uploads the transfer receipt, and the sidebar badge rises without a
 * reload. Staff confirm the payment on the order's page, then process and ship it with a tracking
 * number straight from the list; the customer's order page shows the tracking link. The desk's
 * pages pass axe in light and dark, at 1280 and 390 px, with nothing wider than the screen.
 */
import sharp from 'sharp';
import { logInAsAdmin } from './helpers/admin';
import { checkPage as check } from './helpers/page-check';
import { customerOrders } from './helpers/guest-order';
import { expect, test } from './helpers/server';

const TRACKING = 'P2612030012345'; // POS Indonesia, the cheapest service checkout picks by default

test.describe('orders desk', () => {
  test.use({ colorScheme: 'light' });

  test('a new order raises the badge live; staff ship it from the list; the customer sees the tracking link', async ({
    page,
    browser,
    editableStore: store,
  }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    await logInAsAdmin(page, store.url);
    await page
      .getByRole('navigation', { name: 'Menu admin' })
      .getByRole('link', { name: /Pesanan/ })
      .click();
    await expect(page).toHaveURL(/\/admin\/pesanan$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pesanan');
    const badge = page.locator('[data-orders-badge]');
    // The first answer has arrived once the badge knows a count (hidden while it is 0).
    await expect(badge).toHaveAttribute('data-count', /\d+/);
    const before = Number(await badge.getAttribute('data-count'));

    const customer = await customerOrders(browser, store.url);
    try {
      // The receipt makes it an order needing action: the badge rises on the open page, no reload.
      const photo = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#2d6cdf' } })
        .jpeg()
        .toBuffer();
      await customer.page.getByLabel(/Foto bukti transfer/).setInputFiles({
        name: 'bukti.jpg',
        mimeType: 'image/jpeg',
        buffer: photo,
      });
      await customer.page.getByRole('button', { name: 'Unggah bukti transfer' }).click();
      await expect(customer.page.getByText('Bukti transfer sudah diunggah.')).toBeVisible();

      await expect(badge).toHaveAttribute('data-count', String(before + 1), { timeout: 40_000 });
      await expect(badge).toBeVisible();
      await expect(badge).toHaveAttribute('data-announced-at', /\d+/);

      // The new order is at the top of the list; its page shows the receipt and the allowed moves.
      await page.reload();
      const row = page.locator(`[data-desk-row="${customer.number}"]`);
      await expect(page.locator('[data-desk-row]').first()).toHaveAttribute('data-desk-row', customer.number);
      await expect(row.locator('[data-desk-proof]')).toBeVisible();
      await check(page, 'orders-list-light-1280', shot);
      await row.getByRole('link', { name: customer.number }).click();
      await expect(page.locator('[data-desk-proof-image] img')).toBeVisible();
      await check(page, 'order-detail-light-1280', shot);
      await page.getByRole('button', { name: 'Ubah status ke: Dibayar' }).click();
      await expect(page.locator('[data-admin-flash]')).toContainText('sekarang: Dibayar');

      // From the list: process, then quick ship with the tracking number.
      await page.getByRole('link', { name: 'Pesanan', exact: true }).first().click();
      await page.getByRole('button', { name: `Proses pesanan ${customer.number}` }).click();
      await expect(page.locator('[data-admin-flash]')).toContainText('sekarang: Diproses');
      await expect(page).toHaveURL(/\/admin\/pesanan$/);
      await check(page, 'orders-list-quickship-light-1280', shot);
      await page.getByLabel(`Nomor resi untuk ${customer.number}`).fill('JP1234567890');
      await page.locator(`[data-desk-quickship="${customer.number}"]`).getByRole('button', { name: 'Kirim' }).click();
      // Not a POS number: the order's page says so and keeps what was typed; nothing changed.
      await expect(page.locator('[data-desk-alert]')).toContainText('tidak sesuai format POS Indonesia');
      await expect(page.locator('#f-trackingNumber')).toHaveValue('JP1234567890');
      await check(page, 'order-ship-error-light-1280', shot);
      await page.goBack();
      await page.reload();
      await page.getByLabel(`Nomor resi untuk ${customer.number}`).fill(TRACKING);
      await page.locator(`[data-desk-quickship="${customer.number}"]`).getByRole('button', { name: 'Kirim' }).click();
      await expect(page.locator('[data-admin-flash]')).toContainText(`Pesanan ${customer.number} sekarang: Dikirim.`);
      await expect(page.locator(`[data-desk-row="${customer.number}"] [data-order-status]`)).toHaveText('Dikirim');

      // The customer's page: shipped, with the number and the courier's tracking link.
      await customer.page.reload();
      await expect(customer.page.locator('[data-order-status]')).toHaveText('Dikirim');
      await expect(customer.page.locator('[data-tracking-number]')).toHaveText(TRACKING);
      await expect(customer.page.getByRole('link', { name: 'Lacak di situs kurir' })).toHaveAttribute('href', new RegExp(TRACKING));
      // In the house palette in both themes, not Bootstrap's pink code colour.
      for (const scheme of ['light', 'dark'] as const) {
        await customer.page.emulateMedia({ colorScheme: scheme });
        await customer.page.reload();
        const colour = await customer.page.locator('[data-tracking-number]').evaluate((el) => getComputedStyle(el).color);
        expect(colour, scheme).not.toMatch(/rgb\(214, 51, 132\)|rgb\(230, 133, 181\)/);
      }
    } finally {
      await customer.context.close();
    }
  });

  test('the desk at 390 px and in dark', async ({ browser, editableStore: store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    const customer = await customerOrders(browser, store.url);
    await customer.context.close();
    for (const [scheme, width] of [
      ['dark', 1280],
      ['light', 390],
      ['dark', 390],
    ] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 844 } });
      try {
        const page = await context.newPage();
        await logInAsAdmin(page, store.url);
        await page.goto(`${store.url}/admin/pesanan`);
        await expect(page.locator('html')).toHaveAttribute('data-bs-theme', scheme);
        await check(page, `orders-list-${scheme}-${width}`, shot);
        // The count also rides on the phone's Menu button, which keeps its name.
        await expect(page.locator('[data-admin-nav-toggle] .admin-nav-toggle-badge')).toHaveCount(1);
        // "Select all on this page" ticks every row's box for the print form, in list order.
        await page.locator('[data-select-all="nomor"]').check();
        await expect(page.locator('input[name="nomor"][form="desk-print"]:not(:checked)')).toHaveCount(0);
        await expect(page.locator('[data-select-count]')).toContainText('dipilih');
        await page.goto(`${store.url}/admin/pesanan?dari=2026-12-31&sampai=2026-01-01`);
        await expect(page.locator('#desk-sampai-error')).toBeVisible();
        await check(page, `orders-filter-error-${scheme}-${width}`, shot);
        await page.goto(`${store.url}/admin/pesanan/${customer.number}`);
        await check(page, `order-detail-${scheme}-${width}`, shot);
      } finally {
        await context.close();
      }
    }
  });
});
