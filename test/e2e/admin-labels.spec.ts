/**
 * Printing a shipping label in the browser: a guest orders; staff asking for its label before it
 * is paid get the refusal page (axe in light and dark, at 1280 and 390 px); once staff confirm the
 * transfer, the label, the address label and the packing slip open as PDFs with the order number.
 */
import type { Page } from '@playwright/test';
import { pdfText } from '../helpers/pdf-text';
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { expect, test } from './helpers/server';

async function placeOrder(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/produk?q=yamaha+f310`);
  await page.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
  await expect(page.locator('[data-cart-badge]')).toHaveText('1');
  await page.goto(`${url}/keranjang`);
  await page.getByRole('link', { name: 'Lanjut ke checkout' }).click();
  await page.getByLabel('Email').fill('rina.label@example.com');
  await page.getByLabel('Nama penerima').fill('Rina Distorsi');
  await page.getByLabel('Nomor HP penerima').fill('0812-3456-7890');
  await page.getByLabel('Alamat lengkap').fill('Jl. Riau No. 17, Citarum, Bandung Wetan');
  await page.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
  await page.getByLabel('Provinsi').fill('Jawa Barat');
  await page.getByLabel('Kode pos').fill('40115');
  await page.getByRole('radio', { name: /JNE Reguler/ }).check();
  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await expect(page.getByText('Terima kasih! Pesananmu sudah kami terima.')).toBeVisible();
  return (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Pesanan ', '').trim();
}

test('staff print the label of a paid order; an unpaid one is refused with a message', async ({
  page,
  browser,
  editableStore: store,
}, testInfo) => {
  const number = await placeOrder(page, store.url);

  // Not paid yet: the refusal page names the order and its status, in both themes and widths.
  for (const theme of ['light', 'dark'] as const) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
      const staff = await context.newPage();
      await logInAsAdmin(staff, store.url);
      const res = await staff.goto(`${store.url}/admin/pesanan/${number}/label.pdf`);
      expect(res?.status()).toBe(409);
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Label belum bisa dicetak');
      await expect(staff.locator('[data-print-numbers]')).toContainText(number);
      await expect(staff.locator('[data-print-numbers]')).toContainText('Menunggu pembayaran');
      expect(await seriousA11yProblems(staff)).toEqual([]);
      const overflow = await staff.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await staff.screenshot({ path: testInfo.outputPath(`label-refused-${theme}-${width}.png`), fullPage: true });
      await context.close();
    }
  }

  // Staff confirm the transfer; now every document prints.
  await logInAsAdmin(page, store.url);
  await page.goto(`${store.url}/admin/pesanan/${number}`);
  await page.getByRole('button', { name: 'Ubah status ke: Dibayar' }).click();
  await expect(page.locator('[data-admin-flash]')).toContainText('sekarang: Dibayar');
  for (const file of ['label.pdf', 'label-alamat.pdf', 'slip-paket.pdf', 'faktur.pdf']) {
    const pdf = await page.request.get(`${store.url}/admin/pesanan/${number}/${file}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(pdf.headers()['content-disposition']).toMatch(/^inline; filename=/);
    const body = await pdf.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(body)).toContain(number);
  }
});
