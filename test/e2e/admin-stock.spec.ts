import { checkPage as check } from './helpers/page-check';
import { expect, test } from './helpers/server';
import { logInAsAdmin } from './helpers/admin';

test.describe('admin stock', () => {
  test.use({ colorScheme: 'light' });

  test('alerts, a hand adjustment, and a restock order from draft to received', async ({ page, editableStore: store }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    await logInAsAdmin(page, store.url);
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Stok' }).click();
    await expect(page).toHaveURL(/\/admin\/stok$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stok');
    await check(page, 'stock-alerts-light', shot);

    // A product's history, and a hand adjustment with a note.
    await page.goto(`${store.url}/admin/stok/1`);
    const current = Number(((await page.locator('[data-stock-current]').textContent()) ?? '').trim().split(' ')[0]);
    await page.getByLabel('Perubahan (mis. -2 atau 5)').fill('abc');
    await page.getByRole('button', { name: 'Simpan penyesuaian' }).click();
    await expect(page.locator('#f-delta-error')).toBeVisible();
    await expect(page.locator('#f-note-error')).toBeVisible();
    await check(page, 'stock-adjust-errors-light', shot);
    await page.getByLabel('Perubahan (mis. -2 atau 5)').fill('2');
    await page.getByLabel('Catatan (wajib)').fill('stock opname');
    await page.getByRole('button', { name: 'Simpan penyesuaian' }).click();
    await expect(page.locator('[data-admin-flash]')).toContainText(`Stok diubah menjadi ${current + 2}.`);
    await expect(page.locator('tr[data-movement="adjustment"]').first()).toContainText('stock opname');
    await check(page, 'stock-history-light', shot);

    // A restock order: draft, ordered (confirmed), received.
    await page.getByRole('link', { name: 'Stok', exact: true }).first().click();
    await page.getByRole('link', { name: 'Pesanan restock' }).click();
    await page.getByRole('link', { name: 'Buat pesanan restock' }).click();
    await page.getByLabel('Pemasok').selectOption({ index: 1 });
    await page.locator('#f-productId_0').selectOption('1');
    await page.locator('#f-quantity_0').fill('3');
    await page.locator('#f-unitCost_0').fill('1500000');
    await check(page, 'restock-form-light', shot);
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Pesanan restock #');
    await page.locator('[data-restock-action="ordered"] summary').click();
    await page.getByRole('button', { name: 'Ya, tandai dipesan' }).click();
    await expect(page.locator('[data-admin-flash]')).toContainText('ditandai dipesan');
    await page.locator('input[name^="received_"]').fill('3');
    await check(page, 'restock-receive-light', shot);
    await page.getByRole('button', { name: 'Simpan penerimaan' }).click();
    await expect(page.locator('[data-admin-flash]')).toContainText('selesai');
    await expect(page.locator('.restock-status').first()).toHaveText('Diterima');

    await page.goto(`${store.url}/admin/stok/1`);
    await expect(page.locator('[data-stock-current]')).toContainText(String(current + 5));
    await expect(page.locator('tr[data-movement="restock"]')).toHaveCount(1);

    const pdf = await page.request.get(`${store.url}/admin/stok/restock/1/po.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  test('every stock page at 390 px and in dark', async ({ browser, editableStore: store }, testInfo) => {
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
        // A draft of its own, marked ordered, so the receipt form is on its page.
        await page.goto(`${store.url}/admin/stok/restock/baru`);
        await page.getByLabel('Pemasok').selectOption({ index: 1 });
        await page.locator('#f-productId_0').selectOption({ index: 2 });
        await page.locator('#f-quantity_0').fill('2');
        await page.locator('#f-unitCost_0').fill('250000');
        await page.getByRole('button', { name: 'Simpan draf' }).click();
        await page.locator('[data-restock-action="ordered"] summary').click();
        await page.getByRole('button', { name: 'Ya, tandai dipesan' }).click();
        const detail = new URL(page.url()).pathname;
        for (const [name, path] of [
          ['alerts', '/admin/stok'],
          ['history', '/admin/stok/1'],
          ['restock-list', '/admin/stok/restock'],
          ['restock-new', '/admin/stok/restock/baru'],
          ['restock-detail', detail],
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
