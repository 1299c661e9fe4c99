/**
 * "Done when" of the back office: a shop installed without sample data (the production default)
 * is filled through the admin alone — a category, a supplier, a product with a photo and stock —
 * and a customer finds it and buys it on the storefront; the order takes the stock.
 */
import sharp from 'sharp';
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { expect, type RunningStore, startStore, test } from './helpers/server';

let store: RunningStore;
test.beforeAll(async () => {
  store = await startStore({ env: { SAMPLE_DATA: 'false' } });
});
test.afterAll(async () => {
  await store?.stop();
});

test('a fresh shop is filled through the admin alone and sells its first product', async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`fresh-${name}.png`), fullPage: true });

  // Empty shop: the storefront says so instead of breaking.
  await page.goto(`${store.url}/produk`);
  await expect(page.locator('article.product-card')).toHaveCount(0);

  await logInAsAdmin(page, store.url);
  await shot('dashboard-empty');

  // A category.
  await page.goto(`${store.url}/admin/kategori/baru`);
  await page.getByLabel('Nama', { exact: true }).fill('Gitar Elektrik');
  await page.getByRole('button', { name: 'Buat kategori' }).click();
  await expect(page.locator('[data-admin-flash]')).toContainText('Kategori Gitar Elektrik dibuat.');
  // Its picture, for the home page's tile.
  await page.locator('[data-category-row="gitar-elektrik"]').getByRole('link', { name: 'Gitar Elektrik', exact: true }).click();
  const tilePhoto = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#1e3a8a' } })
    .jpeg()
    .toBuffer();
  await page.getByLabel('Unggah gambar').setInputFiles([{ name: 'gitar.jpg', mimeType: 'image/jpeg', buffer: tilePhoto }]);
  await page.getByRole('button', { name: 'Simpan gambar' }).click();
  await expect(page.locator('[data-admin-flash]')).toContainText('Gambar kategori disimpan.');
  await expect(page.locator('[data-category-image] img')).toBeVisible();
  expect(await seriousA11yProblems(page)).toEqual([]);
  await shot('category');

  // A supplier.
  await page.goto(`${store.url}/admin/pemasok/baru`);
  await page.getByLabel('Nama pemasok').fill('PT Distorsi Nusantara');
  await page.getByRole('button', { name: 'Buat pemasok' }).click();
  await expect(page.getByText('PT Distorsi Nusantara').first()).toBeVisible();

  // A product with its stock, then a photo.
  await page.goto(`${store.url}/admin/produk/baru`);
  await page.locator('#f-name').fill('Hurtrock Thunder 7 Senar');
  await page.locator('#f-sku').fill('GTR-HRT-T7');
  await page.locator('#f-brand').fill('Hurtrock');
  await page.locator('#f-categoryId').selectOption({ label: 'Gitar Elektrik' });
  await page.locator('#f-supplierId').selectOption({ label: 'PT Distorsi Nusantara' });
  await page.locator('#f-price').fill('4750000');
  await page.locator('#f-stock').fill('3');
  await page.locator('#f-weightGrams').fill('4200');
  await page.locator('#f-lengthCm').fill('110');
  await page.locator('#f-widthCm').fill('40');
  await page.locator('#f-heightCm').fill('12');
  await page.getByRole('button', { name: 'Simpan produk baru' }).click();
  await expect(page).toHaveURL(/\/admin\/produk\/\d+$/);
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#7c2d12' } })
    .jpeg()
    .toBuffer();
  await page.locator('#f-images').setInputFiles([{ name: 'thunder.jpg', mimeType: 'image/jpeg', buffer: photo }]);
  await page.getByRole('button', { name: 'Unggah gambar' }).click();
  await expect(page.locator('.admin-image')).toHaveCount(1);
  const storageKey = (await page.locator('.admin-image img').first().getAttribute('src'))!.match(/products\/([\w-]+)-320/)![1]!;
  await shot('product');

  // A customer, in their own browser, finds it with its photo and buys it by bank transfer.
  const customer = await browser.newContext();
  try {
    const shop = await customer.newPage();
    await shop.goto(store.url);
    const tile = shop.locator('.category-tile').filter({ hasText: 'Gitar Elektrik' });
    await expect(tile.locator('img[src^="/media/categories/"]')).toBeVisible();
    await shop.screenshot({ path: testInfo.outputPath('fresh-home.png'), fullPage: true });
    await shop.goto(`${store.url}/produk`);
    const card = shop.locator('article.product-card').filter({ hasText: 'Hurtrock Thunder 7 Senar' });
    await expect(card).toHaveCount(1);
    await expect(card.locator(`img[src*="${storageKey}"], source[srcset*="${storageKey}"]`).first()).toBeAttached();
    await shop.getByRole('button', { name: 'Tambah Hurtrock Thunder 7 Senar ke keranjang' }).click();
    await expect(shop.locator('[data-cart-badge]')).toHaveText('1');
    await shop.goto(`${store.url}/checkout`);
    await shop.getByLabel('Email').fill('pembeli.pertama@example.com');
    await shop.getByLabel('Nama penerima').fill('Pembeli Pertama');
    await shop.getByLabel('Nomor HP penerima').fill('0812-1111-2222');
    await shop.getByLabel('Alamat lengkap').fill('Jl. Braga No. 1, Bandung');
    await shop.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
    await shop.getByLabel('Provinsi').fill('Jawa Barat');
    await shop.getByLabel('Kode pos').fill('40111');
    // The couriers a new shop starts with are there without sample data.
    await shop.getByRole('radio', { name: /JNE Reguler/ }).check();
    await shop.getByRole('button', { name: 'Buat pesanan' }).click();
    await expect(shop.getByText('Terima kasih! Pesananmu sudah kami terima.')).toBeVisible();
    expect(await seriousA11yProblems(shop)).toEqual([]);
    await shop.screenshot({ path: testInfo.outputPath('fresh-order.png'), fullPage: true });
  } finally {
    await customer.close();
  }

  // The order holds one unit: the admin's stock shows 2 left.
  await page.goto(`${store.url}/admin/produk?q=thunder`);
  await expect(page.locator('[data-product-row]').filter({ hasText: 'Hurtrock Thunder 7 Senar' })).toContainText('2');
});
