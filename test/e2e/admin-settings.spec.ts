import { logInAsAdmin } from './helpers/admin';
import { checkPage as check } from './helpers/page-check';
import { expect, test } from './helpers/server';

test.describe('admin settings', () => {
  test.use({ colorScheme: 'light' });

  test('the new phone number of the store profile is in the footer at once', async ({ page, editableStore: store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    await logInAsAdmin(page, store.url);
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Pengaturan' }).click();
    await expect(page).toHaveURL(/\/admin\/pengaturan$/);
    await page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name: 'Profil toko' }).click();
    await expect(page).toHaveURL(/\/admin\/pengaturan\/toko$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil toko');
    // The sidebar entry stays active on the sub-page.
    await expect(page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Pengaturan' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    // A closing time before the opening time is refused for that day, other values kept.
    await page.getByLabel('Telepon', { exact: true }).fill('022-8765-4321');
    await page.getByLabel('Jam buka Senin').fill('18:00');
    await page.getByLabel('Jam tutup Senin').fill('09:00');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.locator('#f-hours-1-error')).toHaveText('Jam tutup harus setelah jam buka.');
    await expect(page.getByLabel('Telepon', { exact: true })).toHaveValue('022-8765-4321');
    await check(page, 'profile-errors-light', shot);

    await page.getByLabel('Jam buka Senin').fill('09:30');
    await page.getByLabel('Jam tutup Senin').fill('18:00');
    await page.getByLabel('Tanggal libur 1').fill('2030-12-25');
    await page.getByLabel('Keterangan libur 1').fill('Hari Natal');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.locator('[data-admin-flash]')).toContainText('Pengaturan disimpan.');
    await expect(page.getByLabel('Telepon', { exact: true })).toHaveValue('022-8765-4321');

    await page.goto(`${store.url}/`);
    await expect(page.locator('footer.site-footer')).toContainText('022-8765-4321');
    await page.goto(`${store.url}/toko`);
    await expect(page.locator('[data-store-holidays]')).toContainText('Hari Natal');
  });

  test("a new bank account is in a guest's bank-transfer instructions", async ({ page, editableStore: store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    await logInAsAdmin(page, store.url);
    await page.goto(`${store.url}/admin/pengaturan`);
    const blank = page.locator('[data-account-row]').last();
    await expect(blank).toContainText('Rekening baru');
    await blank.getByLabel('Bank').fill('Bank Jago');
    await blank.getByLabel('Nomor rekening').fill('5012-3456-78');
    await blank.getByLabel('Atas nama').fill('Hurtrock Music Store');
    await page.locator('[data-settings-save]').click();
    await expect(page.locator('[data-admin-flash]')).toContainText('Pengaturan disimpan.');
    // Moved to the top with its up button: customers see it first.
    const rows = page.locator('[data-account-row]');
    const count = await rows.count();
    await page.getByRole('button', { name: `Naikkan rekening ${count - 1}` }).click();
    await expect(rows.nth(count - 3).locator('input[name$="[bank]"]')).toHaveValue('Bank Jago');
    await check(page, 'shop-settings-light', shot);

    const guest = await page.context().browser()!.newContext({ colorScheme: 'light' });
    try {
      const buyer = await guest.newPage();
      await buyer.goto(`${store.url}/produk?q=yamaha+f310`);
      await buyer.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
      await expect(buyer.locator('[data-cart-badge]')).toHaveText('1');
      await buyer.goto(`${store.url}/checkout`);
      await buyer.getByLabel('Email').fill('pembeli.bank@example.com');
      await buyer.getByLabel('Nama penerima').fill('Rina Distorsi');
      await buyer.getByLabel('Nomor HP penerima').fill('0812-3456-7890');
      await buyer.getByLabel('Alamat lengkap').fill('Jl. Riau No. 17, Citarum, Bandung Wetan');
      await buyer.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
      await buyer.getByLabel('Provinsi').fill('Jawa Barat');
      await buyer.getByLabel('Kode pos').fill('40115');
      await buyer.getByRole('button', { name: 'Buat pesanan' }).click();
      await expect(buyer.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
      await expect(buyer.getByText('Bank Jago')).toBeVisible();
      await expect(buyer.getByText(/5012345678/)).toBeVisible();
    } finally {
      await guest.close();
    }
  });

  test('both pages at 390 px and in dark', async ({ browser, editableStore: store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    for (const [scheme, width] of [
      ['light', 1280],
      ['dark', 1280],
      ['light', 390],
      ['dark', 390],
    ] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 844 } });
      try {
        const page = await context.newPage();
        await logInAsAdmin(page, store.url);
        for (const [name, path] of [
          ['shop', '/admin/pengaturan'],
          ['profile', '/admin/pengaturan/toko'],
        ] as const) {
          await page.goto(`${store.url}${path}`);
          await expect(page.locator('html')).toHaveAttribute('data-bs-theme', scheme);
          await check(page, `${name}-${scheme}-${width}`, shot);
        }
      } finally {
        await context.close();
      }
    }
  });
});
