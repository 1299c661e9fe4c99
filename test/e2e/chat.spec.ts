import { test as base, expect } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, startStore } from './helpers/server';

/** Store and chat together (the launcher), so the widget talks through the store's proxy. */
const test = base.extend<{}, { shop: { url: string } }>({
  shop: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Sample data: the widget tags products from the catalog.
      const s = await startStore({ entry: 'dist/launcher.js' });
      try {
        await use(s);
      } finally {
        await s.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

test('a guest chats from the widget and staff answer live from the console', async ({ browser, shop }, testInfo) => {
  const customerContext = await browser.newContext();
  const staffContext = await browser.newContext();
  try {
    const customer = await customerContext.newPage();
    await customer.goto(shop.url);
    await customer.getByRole('button', { name: 'Chat dengan kami' }).click();
    await customer.getByLabel('Nama').fill('Sari');
    await customer.getByLabel('Email').fill('sari@example.com');
    await customer.getByRole('button', { name: 'Mulai chat' }).click();
    await expect(customer.locator('[data-chat-state]')).toHaveAttribute('data-chat-state', 'online');
    // HTML typed by a customer is shown as text, never interpreted.
    await customer.getByLabel('Pesan').fill('Ada <b>Fender</b> Strat?');
    await customer.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-mine .chat-msg-body')).toHaveText('Ada <b>Fender</b> Strat?');
    await expect(customer.locator('.chat-msg b')).toHaveCount(0);
    // Nobody from the shop is online yet (C5).
    await expect(customer.locator('.chat-support')).toContainText('Staf sedang offline');

    const staff = await staffContext.newPage();
    await staff.goto(`${shop.url}/masuk?next=/admin/chat`);
    await staff.getByLabel('Email').fill('admin@hurtrock.local');
    await staff.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
    await staff.getByRole('button', { name: 'Masuk' }).last().click();
    await expect(staff).toHaveURL(/\/admin\/chat$/);
    const item = staff.locator('.chat-console-item', { hasText: 'Sari <sari@example.com>' });
    await expect(item).toContainText('Ada <b>Fender</b> Strat?');
    await expect(item.locator('.chat-console-unread')).toHaveText('1');
    // Presence both ways: staff see Sari online, Sari sees that staff came online.
    await expect(item.locator('.chat-online-dot')).toBeVisible();
    await expect(customer.locator('.chat-support')).toContainText('Staf kami sedang online.');
    await item.click();
    await expect(staff.locator('.chat-console-pane .chat-msg-body')).toHaveText(['Ada <b>Fender</b> Strat?']);
    // The customer panel says what the shop knows: a guest has no account or orders.
    await expect(staff.locator('.chat-customer')).toContainText('Tamu tanpa akun');

    await staff.getByLabel('Pesan').fill('Ada, warna sunburst.');
    await staff.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-theirs .chat-msg-body')).toHaveText('Ada, warna sunburst.');

    // Tagging a product: search inside the widget, pick it, send; staff see the card live.
    await customer.getByRole('button', { name: 'Lampirkan produk' }).click();
    await customer.getByPlaceholder('Cari produk…').fill('ibanez rg550');
    await customer.locator('.chat-picker-results').getByRole('button', { name: /Ibanez RG550 Genesis/ }).click();
    await expect(customer.getByText(/Dilampirkan: Ibanez RG550/)).toBeVisible();
    await customer.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-mine .chat-product-name').last()).toContainText('Ibanez RG550 Genesis');
    const card = staff.locator('.chat-console-pane .chat-product').last();
    await expect(card).toContainText('Rp 17.500.000');
    await expect(card).toHaveAttribute('href', '/produk/ibanez-rg550-genesis');
    await customer.screenshot({ path: testInfo.outputPath('chat-widget-product-card.png') });
    await staff.screenshot({ path: testInfo.outputPath('chat-console-product-card.png'), fullPage: true });

    // Live in the other direction too, while the conversation is open in the console.
    await customer.getByLabel('Pesan').fill('Siap, saya ke toko besok.');
    await customer.getByRole('button', { name: 'Kirim' }).click();
    await expect(staff.locator('.chat-console-pane .chat-msg-body').last()).toHaveText('Siap, saya ke toko besok.');

    // After a reload the same guest (same session) gets the conversation back from history.
    await customer.reload();
    await customer.getByRole('button', { name: 'Chat dengan kami' }).click();
    await expect(customer.locator('.chat-msg-body')).toHaveText(['Ada <b>Fender</b> Strat?', 'Ada, warna sunburst.', 'Siap, saya ke toko besok.']);
    await expect(customer.locator('.chat-product-name')).toHaveText(['Ibanez RG550 Genesis Collection']);
  } finally {
    await customerContext.close();
    await staffContext.close();
  }
});

test('the store works without the chat service and the widget says support is offline', async ({ browser }) => {
  const store = await startStore({ env: { SAMPLE_DATA: 'false' } }); // store only: nothing on CHAT_PORT
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(store.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Chat dengan kami' }).click();
    await page.getByLabel('Nama').fill('Tono');
    await page.getByLabel('Email').fill('tono@example.com');
    await page.getByRole('button', { name: 'Mulai chat' }).click();
    await expect(page.locator('[data-chat-state]')).toHaveAttribute('data-chat-state', 'offline');
    await expect(page.getByRole('status').filter({ hasText: 'offline' })).toBeVisible();
  } finally {
    await context.close();
    await store.stop();
  }
});
