/** A guest's order by bank transfer, placed in a browser context of its own (journeys that need one). */
import { type Browser, expect } from '@playwright/test';

/** A guest buys the Yamaha by bank transfer in a browser of their own; returns the order page and its number. */
export async function customerOrders(browser: Browser, url: string) {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${url}/produk?q=yamaha+f310`);
  await page.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
  await expect(page.locator('[data-cart-badge]')).toHaveText('1');
  await page.goto(`${url}/checkout`);
  await page.getByLabel('Email').fill('dewi.desk@example.com');
  await page.getByLabel('Nama penerima').fill('Dewi Bassist');
  await page.getByLabel('Nomor HP penerima').fill('0812-7777-8888');
  await page.getByLabel('Alamat lengkap').fill('Jl. Dago No. 5, Coblong');
  await page.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
  await page.getByLabel('Provinsi').fill('Jawa Barat');
  await page.getByLabel('Kode pos').fill('40135');
  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await expect(page.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Pesanan ', '').trim();
  return { context, page, number };
}
