/**
 * Checkout journeys in a real browser (P0–P2, P5, P7, O1): a guest buys by bank transfer from
 * the cart to the order page reached again through the emailed link; a customer adds from
 * search, changes the quantity, checks out, follows the order timeline as staff move it and
 * downloads the invoice. Screenshots (light, dark, phone) go to test-results/.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatRupiah } from '../../src/lib/money';
import { pdfText } from '../helpers/pdf-text';
import { seriousA11yProblems } from './helpers/a11y';
import { E2E_ADMIN_PASSWORD, expect, test } from './helpers/server';

const YAMAHA = { name: 'Yamaha F310 Natural', price: 1_850_000 };

async function fillAddress(page: Page) {
  await page.getByLabel('Nama penerima').fill('Rina Distorsi');
  await page.getByLabel('Nomor HP penerima').fill('0812-3456-7890');
  await page.getByLabel('Alamat lengkap').fill('Jl. Riau No. 17, Citarum, Bandung Wetan');
  await page.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
  await page.getByLabel('Provinsi').fill('Jawa Barat');
  await page.getByLabel('Kode pos').fill('40115');
}

/** The newest email to `to` in the store's outbox folder (.eml files), as text. */
async function lastEmailTo(dataDir: string, to: string): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  for (let i = 0; i < 50; i++) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
    for (const f of files.reverse()) {
      const text = await readFile(path.join(dir, f), 'utf8');
      // Quoted-printable: soft line breaks and =XX escapes.
      if (text.includes(`To: ${to}`))
        return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to}`);
}

test('a guest buys by bank transfer and comes back through the emailed link', async ({ page, store, browser }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${store.url}/produk?q=yamaha+f310`);
  await page.getByRole('button', { name: `Tambah ${YAMAHA.name} ke keranjang` }).click();
  await expect(page.locator('[data-cart-badge]')).toHaveText('1');
  await page.goto(`${store.url}/keranjang`);
  await page.getByRole('link', { name: 'Lanjut ke checkout' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout');
  await page.getByLabel('Email').fill('rina.checkout@example.com');
  await fillAddress(page);
  // Choosing another courier updates the total at once with the server's figure for it.
  const jne = page.getByRole('radio', { name: /JNE Reguler/ });
  await jne.check();
  const jneCharge = Number(await jne.getAttribute('data-charge'));
  await expect(page.locator('[data-checkout-total]')).toHaveText(formatRupiah(YAMAHA.price + jneCharge));
  await page.screenshot({ path: testInfo.outputPath('checkout-light.png'), fullPage: true });
  expect(await seriousA11yProblems(page)).toEqual([]);

  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await expect(page.getByText('Terima kasih! Pesananmu sudah kami terima.')).toBeVisible();
  await expect(page.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
  await expect(page.locator('[data-order-amount]')).toHaveText(formatRupiah(YAMAHA.price + jneCharge));
  await expect(page.getByText('BCA')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('order-awaiting-light.png'), fullPage: true });
  expect(await seriousA11yProblems(page)).toEqual([]);
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Pesanan ', '').trim();

  // The confirmation email carries the signed link; another browser opens the order with it.
  const email = await lastEmailTo(store.dataDir, 'rina.checkout@example.com');
  const link = new RegExp(`https?://[^\\s"]+/pesanan/${number}\\?k=[\\w-]+`).exec(email)?.[0];
  expect(link).toBeDefined();
  const other = await browser.newContext();
  try {
    const phone = await other.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.emulateMedia({ colorScheme: 'dark' });
    const local = new URL(link!);
    await phone.goto(`${store.url}${local.pathname}${local.search}`);
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText(`Pesanan ${number}`);
    await phone.screenshot({ path: testInfo.outputPath('order-awaiting-phone-dark.png'), fullPage: true });
    expect(await seriousA11yProblems(phone)).toEqual([]);
    // Cancelling asks once more, then the order is cancelled and says so.
    await phone.locator('.order-cancel summary').click();
    await phone.getByRole('button', { name: 'Ya, batalkan pesanan ini' }).click();
    await expect(phone.locator('[data-order-status]')).toHaveText('Dibatalkan');
    await expect(phone.getByText('Pesanan dibatalkan dan stoknya dikembalikan.')).toBeVisible();
    // Without the key: the same 404 as a number that does not exist.
    const res = await phone.goto(`${store.url}/pesanan/${number}`);
    expect(res?.status()).toBe(404);
  } finally {
    await other.close();
  }
});

test('a customer checks out, follows the timeline and downloads the invoice', async ({ page, store, browser }, testInfo) => {
  // Register (verification not needed to shop).
  await page.goto(`${store.url}/daftar`);
  await page.getByLabel('Nama').fill('Budi Gitaris');
  await page.getByLabel('Email').fill('budi.checkout@example.com');
  await page.getByLabel('Kata sandi').fill('Distorsi-Gitar-2026');
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page).toHaveURL(/\/akun/);

  await page.goto(store.url);
  const search = page.getByRole('combobox', { name: 'Cari produk' });
  await search.fill('yamaha f310');
  await search.press('Enter');
  await page.getByRole('button', { name: `Tambah ${YAMAHA.name} ke keranjang` }).click();
  await expect(page.locator('[data-cart-badge]')).toHaveText('1');
  await page.goto(`${store.url}/keranjang`);
  await page.getByRole('spinbutton', { name: /Jumlah/ }).fill('2');
  await page.getByRole('spinbutton', { name: /Jumlah/ }).press('Enter');
  await expect(page.locator('[data-cart-subtotal]')).toHaveText(formatRupiah(YAMAHA.price * 2));
  await page.getByRole('link', { name: 'Lanjut ke checkout' }).click();

  await fillAddress(page);
  await page.getByRole('button', { name: 'Ganti tema terang/gelap' }).click();
  await page.screenshot({ path: testInfo.outputPath('checkout-dark.png'), fullPage: true });
  await page.getByRole('button', { name: 'Buat pesanan' }).click();
  await expect(page.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.replace('Pesanan ', '').trim();
  const total = (await page.locator('[data-order-total]').textContent())!;

  // Staff confirm the transfer and ship it from the order's page on the orders desk.
  const staffContext = await browser.newContext();
  try {
    const staff = await staffContext.newPage();
    await staff.goto(`${store.url}/masuk`);
    await staff.getByLabel('Email').fill('admin@hurtrock.local');
    await staff.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
    await staff.getByRole('button', { name: 'Masuk' }).click();
    await staff.goto(`${store.url}/admin/pesanan/${number}`);
    await staff.getByRole('button', { name: 'Ubah status ke: Dibayar' }).click();
    await expect(staff.locator('[data-order-status]').first()).toHaveText('Dibayar');
    await staff.getByRole('button', { name: 'Ubah status ke: Diproses' }).click();
    // The cheapest service (POS Indonesia) was chosen: its tracking number format.
    await staff.getByLabel('Nomor resi').fill('P2612030012345');
    await staff.getByRole('button', { name: 'Ubah status ke: Dikirim' }).click();
    await expect(staff.locator('[data-order-status]').first()).toHaveText('Dikirim');
  } finally {
    await staffContext.close();
  }

  await page.getByRole('button', { name: 'Ganti tema terang/gelap' }).click();
  await page.goto(`${store.url}/akun/pesanan`);
  // On a phone the history shows the whole total, not a table cut off at "Rp 1".
  await page.setViewportSize({ width: 390, height: 844 });
  const row = page.locator('.order-table tbody tr').first();
  const totalCell = row.locator('td').nth(3);
  await expect(totalCell).toHaveText(total.trim());
  const cell = (await totalCell.boundingBox())!;
  expect(cell.x + cell.width).toBeLessThanOrEqual(390);
  expect(await totalCell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  expect(await page.locator('.table-responsive').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('order-history-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: number }).click();
  await expect(page.locator('[data-order-status]')).toHaveText('Dikirim');
  await expect(page.locator('[data-tracking-number]')).toHaveText('P2612030012345');
  await expect(page.locator('.order-step-done')).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('order-shipped-light.png'), fullPage: true });

  // The link on the page, fetched with this browser's cookies (headless Chromium would only download it).
  const href = await page.getByRole('link', { name: 'Unduh faktur (PDF)' }).getAttribute('href');
  const download = await page.request.get(`${store.url}${href}`);
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  const text = pdfText(await download.body()).join('\n');
  expect(text).toContain(number);
  expect(text).toContain(total.replace(/\s/gu, ' '));
});
