/**
 * A1 dashboard: a guest's chat waits, the admin logs in and lands on /admin, sees the waiting chat,
 * the figures and a drawn sales chart (Chart.js from our own bundle, under the strict CSP) with
 * its table of the same 30 days; axe passes in light and dark, at 1280 and 390 px.
 */
import type { Page } from '@playwright/test';
import { seriousA11yProblems } from './helpers/a11y';
import { expect, startGuestChat, test } from './helpers/chat';
import { formatRupiah } from '../../src/lib/money';
import { logInAsAdmin } from './helpers/admin';

/** Whether the canvas has any painted pixel (bars, axes or labels). */
const canvasPainted = (page: Page) =>
  page.locator('#dashboard-sales-chart').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0 || canvas.height === 0) return false;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
    return false;
  });

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 390] as const) {
    test(`the dashboard shows its figures and chart (${theme}, ${width} px)`, async ({ browser, shop }, testInfo) => {
      const guestContext = await browser.newContext();
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
      try {
        const guest = await guestContext.newPage();
        await startGuestChat(guest, shop.url, { name: `Tamu ${theme} ${width}`, email: `tamu-${theme}-${width}@example.com` });
        await guest.getByLabel('Pesan').fill('Halo, gitar ini masih ada?');
        await guest.getByRole('button', { name: 'Kirim' }).click();
        await expect(guest.locator('.chat-msg-mine .chat-msg-body')).toHaveText('Halo, gitar ini masih ada?');

        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        await logInAsAdmin(page, shop.url);
        await expect(page.locator('html')).toHaveAttribute('data-bs-theme', theme);

        // Waiting chats come from the chat service: at least this guest's.
        const chats = page.locator('[data-figure="chats"]');
        await expect(chats).not.toContainText('Chat offline');
        expect(Number(await chats.locator('[data-figure-value]').textContent())).toBeGreaterThanOrEqual(1);
        await expect(chats.getByRole('link')).toHaveAttribute('href', '/admin/chat');
        await expect(page.locator('[data-figure="sales-today"]')).toContainText('Rp');

        // The chart is drawn by the bundled script, served by the store itself.
        const canvas = page.locator('#dashboard-sales-chart');
        await expect(canvas).toHaveAttribute('data-chart-ready', 'true');
        const box = await canvas.boundingBox();
        expect(box?.width).toBeGreaterThan(200);
        expect(box?.height).toBeGreaterThan(100);
        expect(await canvasPainted(page)).toBe(true);
        const script = await page.locator('script[src*="admin-dashboard"]').getAttribute('src');
        expect(script).toMatch(/^\/assets\/admin-dashboard-[\w-]+\.js$/);

        // The same 30 numbers in the table.
        await page.getByText('Tabel penjualan per hari').click();
        await expect(page.locator('[data-sales-table] tbody tr')).toHaveCount(30);
        expect(errors).toEqual([]);

        expect(await seriousA11yProblems(page)).toEqual([]);
        await page.screenshot({ path: testInfo.outputPath(`dashboard-${theme}-${width}.png`), fullPage: true });
        // Nothing wider than the phone's screen: wide tables scroll inside their own box.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await guestContext.close();
        await context.close();
      }
    });
  }
}

test("a paid order shows up in today's sales, the chart, the recent orders and the best sellers", async ({ browser, shop }, testInfo) => {
  const buyer = await browser.newContext();
  const admin = await browser.newContext({ colorScheme: 'light' });
  try {
    // A guest orders a guitar …
    const page = await buyer.newPage();
    await page.goto(`${shop.url}/produk?q=yamaha+f310`);
    await page.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
    await expect(page.locator('[data-cart-badge]')).toHaveText('1');
    await page.goto(`${shop.url}/checkout`);
    await page.getByLabel('Email').fill('dasbor@example.com');
    await page.getByLabel('Nama penerima').fill('Rina Dasbor');
    await page.getByLabel('Nomor HP penerima').fill('0812-3456-7890');
    await page.getByLabel('Alamat lengkap').fill('Jl. Riau No. 17, Citarum, Bandung Wetan');
    await page.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
    await page.getByLabel('Provinsi').fill('Jawa Barat');
    await page.getByLabel('Kode pos').fill('40115');
    await page.getByRole('button', { name: 'Buat pesanan' }).click();
    await expect(page.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
    const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Pesanan ', '').trim();
    const amount = (await page.locator('[data-order-amount]').textContent())!.trim();

    // … unpaid, it is an order but not a sale yet.
    const staff = await admin.newPage();
    await logInAsAdmin(staff, shop.url);
    await expect(staff.locator('[data-order="' + number + '"]')).toBeVisible();
    await expect(staff.locator('[data-figure="sales-today"] [data-figure-value]')).toHaveText(formatRupiah(0));

    // Staff confirm the transfer on the orders desk: now it is today's sale.
    await staff.goto(`${shop.url}/admin/pesanan/${number}`);
    await staff.getByRole('button', { name: 'Ubah status ke: Dibayar' }).click();
    await expect(staff.locator('[data-order-status]').first()).toHaveText('Dibayar');
    await staff.goto(`${shop.url}/admin`);
    await expect(staff.locator('[data-figure="sales-today"] [data-figure-value]')).toHaveText(amount);
    await expect(staff.locator('[data-figure="sales-month"] [data-figure-value]')).toHaveText(amount);
    await expect(staff.locator('[data-best-sellers] li').first()).toContainText('Yamaha F310 Natural');
    await staff.getByRole('link', { name: number }).first().click();
    await expect(staff).toHaveURL(new RegExp(`/pesanan/${number}$`));
    await staff.goBack();
    await expect(staff.locator('#dashboard-sales-chart')).toHaveAttribute('data-chart-ready', 'true');
    await staff.getByText('Tabel penjualan per hari').click();
    await expect(staff.locator('[data-sales-table] tbody tr').last().locator('td').last()).toHaveText(amount);
    await staff.screenshot({ path: testInfo.outputPath('dashboard-with-sale.png'), fullPage: true });

    // The theme toggle repaints the chart in the dark palette.
    const pixels = () => staff.locator('#dashboard-sales-chart').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    const light = await pixels();
    await staff.getByRole('button', { name: 'Ganti tema terang/gelap' }).click();
    await expect(staff.locator('html')).toHaveAttribute('data-bs-theme', 'dark');
    await expect.poll(pixels).not.toBe(light);
  } finally {
    await buyer.close();
    await admin.close();
  }
});
