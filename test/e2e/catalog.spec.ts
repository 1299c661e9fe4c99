import { expect, test } from './helpers/server';

test('search "ibanes" in the navbar, pick a suggestion with the keyboard, land on the product page', async ({ page, store }, testInfo) => {
  await page.goto(store.url + '/');
  const input = page.getByRole('combobox', { name: 'Cari produk' });
  await input.fill('ibanes');
  const listbox = page.getByRole('listbox', { name: 'Saran pencarian' });
  await expect(listbox).toBeVisible();
  await expect(listbox.getByRole('option').first()).toContainText('Ibanez');
  await page.screenshot({ path: testInfo.outputPath('autocomplete.png') });
  await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', /suggest-option-/);
  await expect(listbox.getByRole('option', { selected: true })).toContainText('Ibanez');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/produk\/ibanez-/);
});

test('Escape closes the suggestions, Enter without a choice searches', async ({ page, store }) => {
  await page.goto(store.url + '/');
  const input = page.getByRole('combobox', { name: 'Cari produk' });
  await input.fill('strat');
  await expect(page.getByRole('listbox')).toBeVisible();
  await input.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(input).toHaveAttribute('aria-expanded', 'false');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/produk\?q=strat$/);
  await expect(page.locator('mark').first()).toHaveText('Strat');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('filter by brand and price without a reload; the back button restores the list', async ({ page, store }, testInfo) => {
    await page.goto(store.url + '/produk');
    await expect(page.getByText('36 produk')).toBeVisible();
    // Marks the document: a full reload would lose it.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    await page.getByText('Filter', { exact: true }).click();
    await page.getByLabel('Fender (3)').check();
    await expect(page).toHaveURL(/merek=Fender/);
    await expect(page.getByText('3 produk')).toBeVisible();

    await page.getByLabel('Harga maksimum').fill('14600000');
    await page.getByLabel('Harga maksimum').press('Tab');
    await expect(page).toHaveURL(/harga_maks=14600000/);
    await expect(page.getByText('2 produk')).toBeVisible();
    const names = await page.locator('.product-card-title').allTextContents();
    expect(names.every((n) => n.startsWith('Fender'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.screenshot({ path: testInfo.outputPath('catalog-phone-filtered.png'), fullPage: true });

    await page.goBack();
    await expect(page.getByText('3 produk')).toBeVisible();
    await page.goBack();
    await expect(page.getByText('36 produk')).toBeVisible();
  });
});

test('filters work without JavaScript', async ({ browser, store }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(store.url + '/produk');
  await page.getByLabel('Fender (3)').check();
  await page.getByRole('button', { name: 'Terapkan' }).click();
  await expect(page).toHaveURL(/merek=Fender/);
  await expect(page.getByText('3 produk')).toBeVisible();
  await context.close();
});

test('a very long search term wraps in the results heading on a phone, in dark', async ({ browser, store }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.goto(`${store.url}/produk?q=${'distorsimaksimalberlebihan'.repeat(4)}`);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('distorsimaksimal');
    const right = await heading.evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
});
