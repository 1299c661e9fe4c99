/**
 * A2 images as a shop owner uses them: three photos dropped on the drop zone (each with its own
 * progress bar), the second made the main image, the order changed by dragging, and the shop's
 * product page showing that main image first.
 */
import sharp from 'sharp';
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { expect, test } from './helpers/server';

const COLOURS = ['#b91c1c', '#15803d', '#1d4ed8'];

test('three dropped photos: the second becomes main, dragging reorders, the shop shows the main one', async ({
  page,
  editableStore: store,
}, testInfo) => {
  await logInAsAdmin(page, store.url);
  await page.goto(`${store.url}/admin/produk?q=Fender`);
  await page.locator('[data-product-row] a').first().click();
  await expect(page).toHaveURL(/\/admin\/produk\/\d+$/);
  const slug = (await page.getByRole('link', { name: /Lihat di toko/ }).getAttribute('href'))!;
  // Start from a product without photos: remove what the sample data gave it.
  while ((await page.locator('.admin-image').count()) > 0) {
    await page.locator('.admin-image summary').first().click();
    await page.locator('.admin-image .admin-confirm-body button').first().click();
    await expect(page).toHaveURL(/\/admin\/produk\/\d+/);
  }

  // Dropped like files from the desktop: a real drop event carrying three JPEGs.
  const photos = await Promise.all(
    COLOURS.map(async (background) =>
      (
        await sharp({ create: { width: 800, height: 600, channels: 3, background } })
          .jpeg()
          .toBuffer()
      ).toString('base64'),
    ),
  );
  await page.locator('.admin-dropzone').evaluate((zone, files) => {
    const transfer = new DataTransfer();
    files.forEach((b64, i) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], `foto-${i + 1}.jpg`, { type: 'image/jpeg' }));
    });
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, photos);
  await expect(page.locator('.admin-upload-item progress')).toHaveCount(3);
  await page.getByRole('button', { name: 'Unggah gambar' }).click();
  await expect(page.locator('.admin-image')).toHaveCount(3);
  const keys = async () =>
    page.locator('.admin-image img').evaluateAll((imgs) => imgs.map((img) => /products\/([\w-]+)-320/.exec(img.getAttribute('src')!)![1]!));
  const uploaded = await keys();
  expect(uploaded).toHaveLength(3);

  // The second photo becomes the main image.
  await page.locator('.admin-image').nth(1).getByRole('button', { name: 'Jadikan utama' }).click();
  await expect(page.locator('.admin-image').nth(1)).toContainText('Gambar utama');

  // Drag the third photo to the front.
  // The new order is saved and the page reloads with it from the server.
  const reloaded = page.waitForEvent('load');
  await page.locator('.admin-image').nth(2).dragTo(page.locator('.admin-image').nth(0));
  await reloaded;
  expect(await keys()).toEqual([uploaded[2], uploaded[0], uploaded[1]]);
  await expect(page.locator('.admin-image').nth(2)).toContainText('Gambar utama');
  expect(await seriousA11yProblems(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('product-images.png'), fullPage: true });

  // The shop: the main image leads the gallery, the others follow in the new order.
  await page.goto(`${store.url}${slug}`);
  const html = await page.content();
  const at = (key: string) => html.indexOf(key);
  expect(at(uploaded[1]!)).toBeGreaterThan(-1);
  expect(at(uploaded[1]!)).toBeLessThan(at(uploaded[2]!));
  expect(at(uploaded[2]!)).toBeLessThan(at(uploaded[0]!));
});
