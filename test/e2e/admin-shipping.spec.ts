/**
 * A7 Couriers and rates in the browser: the seeded admin opens Pengiriman from the sidebar,
 * raises JNE Reguler's first-kilogram price, tries the rate preview and deactivates POS Kilat; a
 * customer's checkout then shows the new JNE price and no POS, and the form the customer had
 * open before the change shows the "changed" notice instead of placing an order at the old
 * price. Every page passes axe in light and dark, at 1280 and 390 px.
 */
import type { Browser, Page } from '@playwright/test';
import { logInAsAdmin } from './helpers/admin';
import { checkPage as check } from './helpers/page-check';
import { expect, test } from './helpers/server';

const YAMAHA = 'Yamaha F310 Natural';

async function fillAddress(page: Page) {
  await page.getByLabel('Email').fill('rina.kurir@example.com');
  await page.getByLabel('Nama penerima').fill('Rina Distorsi');
  await page.getByLabel('Nomor HP penerima').fill('0812-3456-7890');
  await page.getByLabel('Alamat lengkap').fill('Jl. Riau No. 17, Citarum, Bandung Wetan');
  await page.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
  await page.getByLabel('Provinsi').fill('Jawa Barat');
  await page.getByLabel('Kode pos').fill('40115');
}

/** A guest with the Yamaha in the cart, on the checkout page. */
async function guestAtCheckout(browser: Browser, url: string) {
  const context = await browser.newContext({ colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${url}/produk?q=yamaha+f310`);
  await page.getByRole('button', { name: `Tambah ${YAMAHA} ke keranjang` }).click();
  await expect(page.locator('[data-cart-badge]')).toHaveText('1');
  await page.goto(`${url}/checkout`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout');
  return { context, page };
}

test.describe('admin couriers and rates', () => {
  test.use({ colorScheme: 'light' });

  test('a rate change and a deactivation reach the customer’s checkout', async ({ page, browser, editableStore: store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    // The customer opens checkout first, with today's rates.
    const customer = await guestAtCheckout(browser, store.url);
    const jneBefore = Number(await customer.page.getByRole('radio', { name: /JNE Reguler/ }).getAttribute('data-charge'));
    await expect(customer.page.getByRole('radio', { name: /POS Kilat Khusus/ })).toHaveCount(1);
    await customer.page.getByRole('radio', { name: /JNE Reguler/ }).check();
    await fillAddress(customer.page);

    await logInAsAdmin(page, store.url);
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Pengiriman' }).click();
    await expect(page).toHaveURL(/\/admin\/pengiriman$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengiriman');
    await expect(page.getByRole('heading', { name: /^JNE/ })).toBeVisible();
    await check(page, 'shipping-list-light', shot);

    // A bad price is refused with its message, then the new rate is saved.
    await page.getByRole('link', { name: 'JNE Reguler' }).click();
    const base = page.getByLabel('Harga kg pertama (Rp)');
    await expect(base).toHaveValue('15.000');
    await base.fill('21.000,50');
    await page.getByRole('button', { name: 'Simpan layanan' }).click();
    await expect(page.locator('#f-basePrice-error')).toBeVisible();
    await expect(base).toHaveValue('21.000,50');
    await base.fill('21.000');
    await page.getByRole('button', { name: 'Simpan layanan' }).click();
    await expect(page.locator('[data-admin-flash]')).toContainText('JNE Reguler disimpan');

    // The preview prices a guitar case with the saved rate: 110 × 45 × 15 cm bills 13 kg.
    await page.getByLabel('Berat (gram)').fill('3500');
    await page.getByLabel('Panjang (cm)').fill('110');
    await page.getByLabel('Lebar (cm)').fill('45');
    await page.getByLabel('Tinggi (cm)').fill('15');
    await page.getByRole('button', { name: 'Hitung' }).click();
    await expect(page.locator('[data-preview-kg]')).toHaveText('13 kg');
    await expect(page.locator('[data-preview-cost]')).toHaveText('Rp\u00a081.000');
    await check(page, 'shipping-edit-light', shot);

    // POS Kilat is switched off after the confirmation.
    await page.getByRole('link', { name: 'Pengiriman' }).last().click();
    await page.getByRole('link', { name: 'POS Kilat Khusus' }).click();
    await page.getByText('Nonaktifkan layanan').click();
    await page.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await expect(page.locator('[data-admin-flash]')).toContainText('dinonaktifkan');
    await page.goto(`${store.url}/admin/pengiriman`);
    await expect(page.locator('tr[data-shipping-row="pos_kilat"]')).toContainText('Nonaktif');
    await check(page, 'shipping-list-after-light', shot);

    // The form the customer already had open meets the new numbers instead of an order at the old price.
    await customer.page.getByRole('button', { name: /Buat pesanan/ }).click();
    await expect(customer.page.getByText('Ada perubahan harga, stok, atau ongkir')).toBeVisible();
    const jne = customer.page.getByRole('radio', { name: /JNE Reguler/ });
    expect(Number(await jne.getAttribute('data-charge'))).toBe(jneBefore + 6_000);
    await expect(customer.page.getByRole('radio', { name: /POS Kilat Khusus/ })).toHaveCount(0);
    await customer.page.screenshot({ path: shot('checkout-after-change.png'), fullPage: true });
    await customer.context.close();

    // A fresh customer sees the same.
    const fresh = await guestAtCheckout(browser, store.url);
    expect(Number(await fresh.page.getByRole('radio', { name: /JNE Reguler/ }).getAttribute('data-charge'))).toBe(jneBefore + 6_000);
    await expect(fresh.page.getByRole('radio', { name: /POS Kilat Khusus/ })).toHaveCount(0);
    await fresh.context.close();
  });

  test('every couriers page at 390 px and in dark', async ({ browser, store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    for (const [scheme, width] of [
      ['dark', 1280],
      ['light', 390],
      ['dark', 390],
    ] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 844 } });
      try {
        const page = await context.newPage();
        await logInAsAdmin(page, store.url);
        for (const [name, path] of [
          ['list', '/admin/pengiriman'],
          ['new', '/admin/pengiriman/baru'],
          ['edit', '/admin/pengiriman/1?berat=3500&panjang=110&lebar=45&tinggi=15'],
        ] as const) {
          await page.goto(`${store.url}${path}`);
          await expect(page.locator('html')).toHaveAttribute('data-bs-theme', scheme);
          await check(page, `${name}-${scheme}-${width}`, shot);
        }
        // The new-service form with every field refused (nothing is saved).
        await page.goto(`${store.url}/admin/pengiriman/baru`);
        await page.getByLabel('Kode').fill('Bad Code!');
        await page.getByLabel('Estimasi tercepat (hari)').fill('5');
        await page.getByLabel('Estimasi terlama (hari)').fill('2');
        await page.getByLabel('Alamat pelacakan').fill('http://kurir.example/');
        await page.getByRole('button', { name: 'Tambah layanan' }).last().click();
        await expect(page.locator('#f-code-error')).toBeVisible();
        await expect(page.locator('#f-maxDays-error')).toBeVisible();
        await check(page, `new-errors-${scheme}-${width}`, shot);
      } finally {
        await context.close();
      }
    }
  });
});
