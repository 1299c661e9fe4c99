import { seriousA11yProblems } from './helpers/a11y';
import { NOTIFICATION_SPY, expect, staffLogsIn, startGuestChat, test } from './helpers/chat';
import { startStore } from './helpers/server';

/** Contrast ratio of an element's text against the nearest product card's background (runs in the page). */
function contrastWithCard(el: Element): number {
  const rgb = (value: string) => (value.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
  };
  const text = luminance(rgb(getComputedStyle(el).color));
  const card = luminance(rgb(getComputedStyle(el.closest('.chat-product')!).backgroundColor));
  return (Math.max(text, card) + 0.05) / (Math.min(text, card) + 0.05);
}

test('a guest chats from the widget and staff answer live from the console', async ({ browser, shop }, testInfo) => {
  const customerContext = await browser.newContext();
  const staffContext = await browser.newContext();
  try {
    const customer = await customerContext.newPage();
    await startGuestChat(customer, shop.url, { name: 'Sari', email: 'sari@example.com' });
    // HTML typed by a customer is shown as text, never interpreted.
    await customer.getByLabel('Pesan').fill('Ada <b>Fender</b> Strat?');
    await customer.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-mine .chat-msg-body')).toHaveText('Ada <b>Fender</b> Strat?');
    await expect(customer.locator('.chat-msg b')).toHaveCount(0);
    // Nobody from the shop is online yet (C5).
    await expect(customer.locator('.chat-support')).toContainText('Staf sedang offline');

    const staff = await staffContext.newPage();
    await staffLogsIn(staff, shop.url);
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

    await staff.getByLabel('Pesan', { exact: true }).fill('Ada, warna sunburst.');
    await staff.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-theirs .chat-msg-body')).toHaveText('Ada, warna sunburst.');

    // Tagging a product: search inside the widget, pick it, send; staff see the card live.
    await customer.getByRole('button', { name: 'Lampirkan produk' }).click();
    await customer.getByPlaceholder('Cari produk…').fill('ibanez rg550');
    await customer
      .locator('.chat-picker-results')
      .getByRole('button', { name: /Ibanez RG550 Genesis/ })
      .click();
    await expect(customer.getByText(/Dilampirkan: Ibanez RG550/)).toBeVisible();
    await customer.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-mine .chat-product-name').last()).toContainText('Ibanez RG550 Genesis');
    // The card in the customer's own (orange) bubble stays readable in both themes: axe missed
    // dark grey on dark grey here, so the contrast is measured (WCAG AA: 4.5:1).
    for (const theme of ['light', 'dark']) {
      await customer.evaluate((t) => document.documentElement.setAttribute('data-bs-theme', t), theme);
      const ratio = await customer.locator('.chat-msg-mine .chat-product-name').last().evaluate(contrastWithCard);
      expect(ratio, theme).toBeGreaterThanOrEqual(4.5);
    }
    await customer.evaluate(() => document.documentElement.setAttribute('data-bs-theme', 'light'));
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
    await expect(customer.locator('.chat-msg-body')).toHaveText([
      'Ada <b>Fender</b> Strat?',
      'Ada, warna sunburst.',
      'Siap, saya ke toko besok.',
    ]);
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

/* ---- Alerts while minimised (bell, speaker) and read receipts, C3/C4 ---- */

test('the sound and notification toggles are remembered across a reload', async ({ browser, shop }) => {
  const context = await browser.newContext({ permissions: ['notifications'] });
  try {
    const page = await context.newPage();
    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Chat dengan kami' }).click();
    const sound = page.getByRole('button', { name: 'Suara' });
    const bell = page.getByRole('button', { name: 'Notifikasi' });
    // Sound is on by default, notifications are opt-in; nothing was asked on load.
    await expect(sound).toHaveAttribute('aria-pressed', 'true');
    await expect(bell).toHaveAttribute('aria-pressed', 'false');
    await sound.click();
    await bell.click();
    await expect(sound).toHaveAttribute('aria-pressed', 'false');
    await expect(bell).toHaveAttribute('aria-pressed', 'true');

    await page.reload();
    await page.getByRole('button', { name: 'Chat dengan kami' }).click();
    await expect(page.getByRole('button', { name: 'Suara' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: 'Notifikasi' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Notifikasi' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Chat dengan kami' }).click();
    await expect(page.getByRole('button', { name: 'Notifikasi' })).toHaveAttribute('aria-pressed', 'false');
  } finally {
    await context.close();
  }
});

test('a browser that blocks notifications gets a disabled bell that says so', async ({ browser, shop }) => {
  // Dark theme on a phone: the header still holds the title and three buttons.
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 390, height: 780 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window.Notification, 'permission', { get: () => 'denied' });
    });
    await page.goto(shop.url);
    await page.getByRole('button', { name: 'Chat dengan kami' }).click();
    const bell = page.getByRole('button', { name: 'Notifikasi diblokir di browser ini' });
    await expect(bell).toBeDisabled();
    await expect(bell).toHaveAttribute('aria-pressed', 'false');
    const title = await page.locator('.chat-panel-title').boundingBox();
    const close = await page.locator('.chat-panel-header .btn-close').boundingBox();
    expect(close!.y).toBeLessThan(title!.y + title!.height); // one row, nothing wrapped below
    expect(await seriousA11yProblems(page)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a staff reply while the widget is closed raises the badge, notifies, and the click opens the chat; "Dibaca" once staff read', async ({
  browser,
  shop,
}, testInfo) => {
  const customerContext = await browser.newContext({ permissions: ['notifications'] });
  const staffContext = await browser.newContext();
  try {
    const customer = await customerContext.newPage();
    await customer.addInitScript(NOTIFICATION_SPY);
    await startGuestChat(customer, shop.url, { name: 'Rina', email: 'rina@example.com' });
    await customer.getByRole('button', { name: 'Notifikasi' }).click();
    await expect(customer.getByRole('button', { name: 'Notifikasi' })).toHaveAttribute('aria-pressed', 'true');
    await customer.getByLabel('Pesan').fill('Senar 0.10 ada?');
    await customer.getByRole('button', { name: 'Kirim' }).click();
    // Sent, not read yet: nobody from the shop has opened the conversation.
    const receipt = customer.locator('.chat-msg-mine .chat-receipt');
    await expect(receipt).toHaveText('Terkirim');

    const staff = await staffContext.newPage();
    await staffLogsIn(staff, shop.url);
    const item = staff.locator('.chat-console-item', { hasText: 'Rina <rina@example.com>' });
    await expect(item).toContainText('Senar 0.10 ada?');
    await item.click();
    // Opening it in the console marks it read, and the customer's widget says so.
    await expect(receipt).toHaveText('Dibaca');
    await expect(customer.locator('.chat-receipt')).toHaveCount(1);

    // The customer minimises the chat; a reply raises the badge and a notification.
    await customer.getByRole('button', { name: 'Tutup chat' }).first().click();
    await expect(customer.locator('#chat-panel')).toBeHidden();
    await staff.getByRole('textbox', { name: 'Pesan' }).fill('Ada, Ernie Ball Super Slinky.');
    await staff.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('[data-chat-unread]')).toHaveText('1');
    await expect
      .poll(() => customer.evaluate(() => (window as unknown as { __notifications: { title: string }[] }).__notifications.length))
      .toBe(1);
    const [note] = await customer.evaluate(() =>
      (window as unknown as { __notifications: { title: string; body?: string; tag?: string }[] }).__notifications.map(
        ({ title, body, tag }) => ({ title, body, tag }),
      ),
    );
    expect(note).toEqual({
      title: 'Bantuan Hurtrock',
      body: 'Ada, Ernie Ball Super Slinky.',
      tag: expect.stringMatching(/^hurtrock-chat-\d+$/),
    });
    // Sound is on by default: the tone played (the widget marks when it does).
    await expect(customer.locator('[data-chat-root]')).toHaveAttribute('data-chat-tone-at', /\d+/);
    await customer.screenshot({ path: testInfo.outputPath('chat-widget-closed-badge.png') });

    // Clicking the notification brings the chat back, with the reply in it.
    await customer.evaluate(() =>
      (window as unknown as { __notifications: { instance: EventTarget }[] }).__notifications[0]!.instance.dispatchEvent(
        new Event('click'),
      ),
    );
    await expect(customer.locator('#chat-panel')).toBeVisible();
    await expect(customer.locator('[data-chat-unread]')).toBeHidden();
    await expect(customer.locator('.chat-msg-theirs .chat-msg-body').last()).toHaveText('Ada, Ernie Ball Super Slinky.');
    await customer.screenshot({ path: testInfo.outputPath('chat-widget-read-receipt.png') });
    expect(await seriousA11yProblems(customer)).toEqual([]);

    // A message while the chat is open and the tab visible: no notification.
    await staff.getByRole('textbox', { name: 'Pesan' }).fill('Mau dipesan?');
    await staff.getByRole('button', { name: 'Kirim' }).click();
    await expect(customer.locator('.chat-msg-theirs .chat-msg-body').last()).toHaveText('Mau dipesan?');
    expect(await customer.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications.length)).toBe(1);

    // The label follows the customer's latest message; staff have the conversation open, so it is read at once.
    await customer.getByLabel('Pesan').fill('Ya, dua set.');
    await customer.getByRole('button', { name: 'Kirim' }).click();
    await expect(staff.locator('.chat-console-pane .chat-msg-body').last()).toHaveText('Ya, dua set.');
    await expect(customer.locator('.chat-msg-mine').last().locator('.chat-receipt')).toHaveText('Dibaca');
    await expect(customer.locator('.chat-receipt')).toHaveCount(1);
  } finally {
    await customerContext.close();
    await staffContext.close();
  }
});

test('a customer sends a photo from the widget; staff see it in the console and answer with one', async ({ browser, shop }, testInfo) => {
  const { default: sharp } = await import('sharp');
  // A 400×300 picture, made here rather than kept as a fixture.
  const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#ff6b35' } })
    .png()
    .toBuffer();
  const customerContext = await browser.newContext();
  const staffContext = await browser.newContext();
  /** Loaded from a blob: URL (fetched with the chat token), at the size the message gave it. */
  const expectShown = async (img: import('@playwright/test').Locator, width: number, height: number, naturalWidth = width) => {
    await expect(img).toHaveAttribute('src', /^blob:/);
    await expect(img).toHaveAttribute('width', String(width));
    await expect(img).toHaveAttribute('height', String(height));
    await expect.poll(() => img.evaluate((node: HTMLImageElement) => node.complete && node.naturalWidth)).toBe(naturalWidth);
  };
  try {
    const customer = await customerContext.newPage();
    await startGuestChat(customer, shop.url, { name: 'Dewi', email: 'dewi@example.com' });

    // Too big is refused in the browser already, without an upload.
    const picker = customer.locator('.chat-panel .chat-image');
    await expect(customer.getByRole('button', { name: 'Lampirkan gambar' })).toBeVisible();
    await picker
      .locator('input[type=file]')
      .setInputFiles({ name: 'besar.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(9 * 1024 * 1024) });
    await expect(picker).toHaveAttribute('data-state', 'error');
    await expect(picker.getByRole('status')).toHaveText('Gambar lebih dari 8 MB. Pilih yang lebih kecil.');

    // A real photo: uploaded on pick, shown as pending with a thumbnail, sent alone (no text).
    await picker.locator('input[type=file]').setInputFiles({ name: 'gitar-retak.png', mimeType: 'image/png', buffer: photo });
    await expect(picker).toHaveAttribute('data-state', 'ready');
    await expect(picker.getByRole('status')).toHaveText('Gambar siap dikirim.');
    await expect(picker.getByRole('img', { name: 'Gambar yang akan dikirim' })).toBeVisible();
    await customer.getByRole('button', { name: 'Kirim' }).click();
    const mine = customer.locator('.chat-msg-mine').last();
    await expectShown(mine.getByRole('img', { name: 'Gambar dari Kamu' }), 240, 180, 400);
    // The placeholder text of an image-only message is not shown.
    await expect(mine.locator('.chat-msg-body')).toHaveCount(0);
    await expect(picker).toHaveAttribute('data-state', 'empty');

    const staff = await staffContext.newPage();
    await staffLogsIn(staff, shop.url);
    await staff.locator('.chat-console-item', { hasText: 'Dewi <dewi@example.com>' }).click();
    const pane = staff.locator('.chat-console-pane');
    await expectShown(pane.getByRole('img', { name: 'Gambar dari Dewi <dewi@example.com>' }), 240, 180, 400);
    // A click opens the full-size image (the blob) in a new tab.
    const [full] = await Promise.all([staffContext.waitForEvent('page'), pane.locator('.chat-attachment').last().click()]);
    await expect(full).toHaveURL(/^blob:/);
    await full.close();
    await staff.screenshot({ path: testInfo.outputPath('chat-console-image.png'), fullPage: true });

    // Staff answer with a picture and a caption; the customer sees both, live.
    const square = await sharp({ create: { width: 120, height: 120, channels: 3, background: '#2d2d2d' } })
      .jpeg()
      .toBuffer();
    await pane.locator('.chat-image input[type=file]').setInputFiles({ name: 'pengganti.jpg', mimeType: 'image/jpeg', buffer: square });
    await expect(pane.locator('.chat-image')).toHaveAttribute('data-state', 'ready');
    await staff.getByLabel('Pesan', { exact: true }).fill('Ini penggantinya.');
    await staff.getByRole('button', { name: 'Kirim' }).click();
    const theirs = customer.locator('.chat-msg-theirs').last();
    await expect(theirs.locator('.chat-msg-body')).toHaveText('Ini penggantinya.');
    await expectShown(theirs.getByRole('img', { name: 'Gambar dari Staf' }), 120, 120);
    await customer.screenshot({ path: testInfo.outputPath('chat-widget-image.png') });

    // History after a reload brings both images back.
    await customer.reload();
    await customer.getByRole('button', { name: 'Chat dengan kami' }).click();
    await expect(customer.locator('.chat-attachment-img')).toHaveCount(2);
    await expectShown(customer.locator('.chat-attachment-img').first(), 240, 180, 400);
  } finally {
    await customerContext.close();
    await staffContext.close();
  }
});

test('opening the widget on a phone shows the newest message whole, not cut in half', async ({ browser, shop }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  try {
    const page = await context.newPage();
    await startGuestChat(page, shop.url, { name: 'Sari', email: 'sari.panjang@example.com' });
    for (let i = 0; i < 9; i++) {
      await page.getByLabel('Pesan').fill(`Pesan nomor ${i} tentang gitar yang panjang sekali supaya baris kedua ikut terisi`);
      await page.getByRole('button', { name: 'Kirim' }).click();
      await expect(page.locator('.chat-msg-mine .chat-msg-body').last()).toHaveText(new RegExp(`nomor ${i} `));
    }
    await page.reload();
    await page.getByRole('button', { name: 'Chat dengan kami' }).click();
    const newest = page.locator('.chat-msg-mine').last();
    await expect(newest).toContainText('Pesan nomor 8');
    // Give the panel's late layout changes (support line, receipts) a moment, then measure.
    await expect
      .poll(async () => {
        const [msg, log] = await Promise.all([newest.boundingBox(), page.locator('.chat-log').boundingBox()]);
        return msg && log ? Math.round(log.y + log.height - (msg.y + msg.height)) : -1;
      })
      .toBeGreaterThanOrEqual(0);
  } finally {
    await context.close();
  }
});
