/**
 * A transfer receipt over 8 MB: with JavaScript the page refuses it at once, beside the field;
 * without JavaScript the upload is sent, read and discarded by the store, and the customer lands
 * back on the order with the "not saved" message — not on the browser's "connection reset" page.
 */
import { seriousA11yProblems } from './helpers/a11y';
import { customerOrders } from './helpers/guest-order';
import { expect, test } from './helpers/server';

const TOO_BIG = { name: 'bukti-besar.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(12 * 1024 * 1024, 0xff) };

test('a receipt over the limit is refused before sending, and without JavaScript after, with a message either way', async ({
  browser,
  editableStore: store,
}, testInfo) => {
  const customer = await customerOrders(browser, store.url);
  try {
    const orderUrl = customer.page.url();
    const field = customer.page.getByLabel(/Foto bukti transfer/);
    await field.setInputFiles(TOO_BIG);
    await expect(customer.page.getByText('File terlalu besar; maksimal 8 MB.')).toBeVisible();
    await customer.page.getByRole('button', { name: 'Unggah bukti transfer' }).click();
    // The browser's own validation stops the form: still the same page, nothing sent.
    await expect(customer.page).toHaveURL(orderUrl);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousA11yProblems(customer.page)).toEqual([]);
    await customer.page.screenshot({ path: testInfo.outputPath('proof-too-large-js.png'), fullPage: true });

    const noScript = await browser.newContext({ colorScheme: 'light', javaScriptEnabled: false });
    try {
      const page = await noScript.newPage();
      await page.goto(orderUrl);
      await page.getByLabel(/Foto bukti transfer/).setInputFiles(TOO_BIG);
      await page.getByRole('button', { name: 'Unggah bukti transfer' }).click();
      await expect(page).toHaveURL(/pesan=bukti-gagal/);
      await expect(page.getByText(/Bukti transfer tidak bisa disimpan/)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('proof-too-large-no-js.png'), fullPage: true });
    } finally {
      await noScript.close();
    }
  } finally {
    await customer.context.close();
  }
});
