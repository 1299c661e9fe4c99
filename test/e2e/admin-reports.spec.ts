/**
 * A10 reports in the browser: a guest's order is confirmed paid, the admin opens Laporan from the
 * sidebar and sees it in the figures and the drawn charts; a quick range and the form change the
 * URL and the figures; a bad range shows its field error; the Excel and PDF exports download with
 * progress. The page passes axe in light and dark, at 1280 and 390 px, without overflowing.
 */
import type { Page } from '@playwright/test';
import { formatRupiah } from '../../src/lib/money';
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { expect, test } from './helpers/server';

const revenue = (page: Page) => page.locator('[data-figure="revenue"] [data-figure-value]');
const rupiahIn = async (page: Page) => Number(((await revenue(page).textContent()) ?? '').replace(/\D/g, ''));

async function placePaidOrder(buyer: Page, admin: Page, url: string): Promise<string> {
  await buyer.goto(`${url}/produk?q=yamaha+f310`);
  await buyer.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
  await expect(buyer.locator('[data-cart-badge]')).toHaveText('1');
  await buyer.goto(`${url}/checkout`);
  await buyer.getByLabel('Email').fill('laporan@example.com');
  await buyer.getByLabel('Nama penerima').fill('Rina Laporan');
  await buyer.getByLabel('Nomor HP penerima').fill('0812-3456-7890');
  await buyer.getByLabel('Alamat lengkap').fill('Jl. Riau No. 17, Citarum, Bandung Wetan');
  await buyer.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
  await buyer.getByLabel('Provinsi').fill('Jawa Barat');
  await buyer.getByLabel('Kode pos').fill('40115');
  await buyer.getByRole('button', { name: 'Buat pesanan' }).click();
  await expect(buyer.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
  const number = (await buyer.getByRole('heading', { level: 1 }).textContent())!.replace('Pesanan ', '').trim();
  const amount = (await buyer.locator('[data-order-amount]').textContent())!.trim();
  await admin.goto(`${url}/admin/pesanan/${number}`);
  await admin.getByRole('button', { name: 'Ubah status ke: Dibayar' }).click();
  await expect(admin.locator('[data-admin-flash]')).toContainText('sekarang: Dibayar');
  return amount;
}

test('a paid order in the report: charts, ranges, a bad range, and exports with progress', async ({ browser, editableStore }, testInfo) => {
  const url = editableStore.url;
  const buyerContext = await browser.newContext();
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logInAsAdmin(page, url);
    // The worker's store is shared with other back office journeys, which may have sold today
    // too: the figures must grow by exactly this order.
    await page.goto(`${url}/admin/laporan`);
    const monthBefore = await rupiahIn(page);
    await page.getByRole('link', { name: 'Hari ini' }).click();
    await expect(page).toHaveURL(/dari=/);
    const todayBefore = await rupiahIn(page);
    const paid = Number((await placePaidOrder(await buyerContext.newPage(), page, url)).replace(/\D/g, ''));
    const amount = formatRupiah(monthBefore + paid);
    const today = formatRupiah(todayBefore + paid);

    await page.goto(`${url}/admin`);
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Laporan' }).click();
    await expect(page).toHaveURL(/\/admin\/laporan$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Laporan');
    await expect(revenue(page)).toHaveText(amount);
    await expect(page.locator('#report-sales-chart')).toHaveAttribute('data-chart-ready', 'true');
    await expect(page.locator('#report-category-chart')).toHaveAttribute('data-chart-ready', 'true');
    await expect(page.locator('[data-table="products"] tbody tr').first()).toContainText('Yamaha F310 Natural');

    // A quick range puts the range in the URL; the order was paid today.
    await page.getByRole('link', { name: 'Hari ini' }).click();
    await expect(page).toHaveURL(/dari=(\d{4}-\d{2}-\d{2})&sampai=\1&per=hari/);
    await expect(revenue(page)).toHaveText(today);
    await expect(page.getByRole('link', { name: 'Hari ini' })).toHaveAttribute('aria-current', 'true');

    // The form: a month long ago, by week.
    await page.getByLabel('Dari tanggal').fill('2020-01-01');
    await page.getByLabel('Sampai tanggal').fill('2020-01-31');
    await page.getByLabel('Kelompokkan per').selectOption('minggu');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect(page).toHaveURL(/dari=2020-01-01&sampai=2020-01-31&per=minggu/);
    await expect(revenue(page)).toHaveText(formatRupiah(0));
    await expect(page.locator('[data-table="sales"] tbody tr')).toHaveCount(5);

    // End before start: the field says why, the values stay.
    await page.getByLabel('Dari tanggal').fill('2020-02-10');
    await page.getByLabel('Sampai tanggal').fill('2020-02-01');
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await expect(page.getByLabel('Sampai tanggal')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Tanggal akhir tidak boleh sebelum tanggal awal.')).toBeVisible();
    await expect(page.getByLabel('Dari tanggal')).toHaveValue('2020-02-10');
    expect(await seriousA11yProblems(page)).toEqual([]);

    // Exports: fetched with progress, then saved under the server's name.
    await page.getByRole('link', { name: 'Bulan ini' }).click();
    await expect(revenue(page)).toHaveText(amount);
    const status = page.locator('[data-export-status]');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Pesanan dan barangnya (Excel)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^pesanan_\d{4}-\d{2}-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await expect(status).toContainText('selesai diunduh');
    await expect(status).toContainText('KB');
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Laporan (PDF)' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^laporan_.*\.pdf$/);
    const saved = await pdf.path();
    expect(saved).toBeTruthy();
    await page.screenshot({ path: testInfo.outputPath('reports-with-sale.png'), fullPage: true });
    expect(errors).toEqual([]);
  } finally {
    await buyerContext.close();
    await context.close();
  }
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 390] as const) {
    test(`the report page passes axe and fits (${theme}, ${width} px)`, async ({ browser, store }, testInfo) => {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
      try {
        const page = await context.newPage();
        await logInAsAdmin(page, store.url);
        await page.goto(`${store.url}/admin/laporan?dari=2026-01-01&sampai=2026-12-31&per=bulan`);
        await expect(page.locator('html')).toHaveAttribute('data-bs-theme', theme);
        await expect(page.locator('#report-sales-chart')).toHaveAttribute('data-chart-ready', 'true');
        expect(await seriousA11yProblems(page)).toEqual([]);
        await page.screenshot({ path: testInfo.outputPath(`reports-${theme}-${width}.png`), fullPage: true });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await context.close();
      }
    });
  }
}
