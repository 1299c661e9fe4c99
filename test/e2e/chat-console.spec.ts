import type { Page } from '@playwright/test';
import { seriousA11yProblems } from './helpers/a11y';
import { NOTIFICATION_SPY, expect, staffLogsIn, startGuestChat, test } from './helpers/chat';

async function guestSays(page: Page, url: string, name: string, email: string, text: string) {
  await startGuestChat(page, url, { name, email });
  await page.getByLabel('Pesan').fill(text);
  await page.getByRole('button', { name: 'Kirim' }).click();
  await expect(page.locator('.chat-msg-mine .chat-msg-body').last()).toHaveText(text);
}

test('staff find a conversation, answer with a quick reply, take it on and see it was read', async ({ browser, shop }, testInfo) => {
  const context = (colorScheme: 'light' | 'dark') => browser.newContext({ colorScheme, permissions: ['notifications'] });
  const [dewiContext, agusContext, staffContext] = await Promise.all([context('light'), context('light'), context('dark')]);
  try {
    const dewi = await dewiContext.newPage();
    const agus = await agusContext.newPage();
    await guestSays(dewi, shop.url, 'Dewi Anggraini', 'dewi.anggraini@example.com', 'Ada pedal Boss DS-1 bekas?');
    await guestSays(agus, shop.url, 'Agus Salim', 'agus.salim@example.com', 'Stik drum Vic Firth 5A ready?');

    const staff = await staffContext.newPage();
    await staff.addInitScript(NOTIFICATION_SPY);
    await staffLogsIn(staff, shop.url);
    // The console has its own bell: customers' messages notify while staff look elsewhere.
    await staff.getByRole('button', { name: 'Notifikasi' }).click();
    await expect(staff.getByRole('button', { name: 'Notifikasi' })).toHaveAttribute('aria-pressed', 'true');
    // The shop is shared with the other chat journeys: look only at these two customers.
    const items = staff.locator('.chat-console-item');
    const dewiItem = items.filter({ hasText: 'Dewi Anggraini' });
    const agusItem = items.filter({ hasText: 'Agus Salim' });
    await expect(dewiItem).toHaveCount(1);
    await expect(agusItem).toHaveCount(1);

    // Search matches message text, not only names, and says what matched.
    await staff.getByLabel('Cari nama atau isi pesan…').fill('boss ds');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('Dewi Anggraini');
    await expect(items.first()).toContainText('Cocok: Ada pedal Boss DS-1 bekas?');
    await staff.getByLabel('Cari nama atau isi pesan…').fill('');
    await expect(agusItem).toHaveCount(1);

    // Quick replies: the team writes one once, then inserts it with one pick.
    await dewiItem.click();
    await staff.getByRole('button', { name: 'Kelola balasan cepat' }).click();
    await staff.getByLabel('Judul').fill('Cek stok');
    await staff.getByLabel('Isi balasan').fill('Sebentar ya, kami cek stoknya di gudang dulu.');
    await staff.getByRole('button', { name: 'Simpan' }).click();
    await expect(staff.locator('.chat-canned-item')).toContainText(['Cek stok']);
    // A second one with the same title (any case) is refused with a message, nothing lost.
    await staff.getByLabel('Judul').fill('CEK STOK');
    await staff.getByLabel('Isi balasan').fill('duplikat');
    await staff.getByRole('button', { name: 'Simpan' }).click();
    await expect(staff.locator('.chat-canned-form [role="alert"]')).toHaveText('Judul itu sudah dipakai balasan lain.');
    await expect(staff.locator('.chat-canned-item')).toHaveCount(1);
    await staff.getByRole('button', { name: 'Selesai' }).click();

    await staff.getByLabel('Balasan cepat', { exact: true }).selectOption({ label: 'Cek stok' });
    await expect(staff.locator('#chat-reply')).toHaveValue('Sebentar ya, kami cek stoknya di gudang dulu.');
    await staff.getByRole('button', { name: 'Kirim' }).click();
    await expect(dewi.locator('.chat-msg-theirs .chat-msg-body')).toHaveText('Sebentar ya, kami cek stoknya di gudang dulu.');

    // Dewi's widget is open and showed the reply: the console says "Dibaca" under it.
    const receipt = staff.locator('.chat-console-pane .chat-msg-mine .chat-receipt');
    await expect(receipt).toContainText('Dibaca');

    // Take the conversation on: it shows in the list and under "assigned to me".
    await staff.getByLabel('Ditangani oleh').selectOption({ index: 1 });
    await expect(dewiItem).toContainText('Ditangani');
    await staff.getByLabel('Saring percakapan').selectOption('mine');
    await expect(items).toHaveCount(1);
    await expect(items.first()).toContainText('Dewi Anggraini');
    await staff.getByLabel('Saring percakapan').selectOption('unread');
    await expect(dewiItem).toHaveCount(0);
    await expect(agusItem).toHaveCount(1);

    // Agus writes again while staff have Dewi's conversation open: a notification names him, a tone plays.
    await agus.getByRole('textbox', { name: 'Pesan' }).fill('Yang 5B juga ada?');
    await agus.getByRole('button', { name: 'Kirim' }).click();
    await expect(agusItem.locator('.chat-console-unread')).toHaveText('2');
    const notes = () =>
      staff.evaluate(() =>
        (window as unknown as { __notifications: { title: string; body?: string }[] }).__notifications.map(({ title, body }) => ({
          title,
          body,
        })),
      );
    await expect.poll(notes).toEqual([{ title: 'Chat Pelanggan', body: 'Yang 5B juga ada?' }]);
    await expect(staff.locator('#chat-console')).toHaveAttribute('data-chat-tone-at', /\d+/);

    expect(await seriousA11yProblems(staff)).toEqual([]);
    await staff.screenshot({ path: testInfo.outputPath('chat-console-tools-dark.png'), fullPage: true });
  } finally {
    await Promise.all([dewiContext.close(), agusContext.close(), staffContext.close()]);
  }
});

test('on a phone the console with a long conversation stays within the screen', async ({ browser, shop }, testInfo) => {
  const [guestContext, staffContext] = await Promise.all([
    browser.newContext(),
    browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' }),
  ]);
  try {
    const guest = await guestContext.newPage();
    const long = 'Apakah gitar ini masih ada stoknya dan bisa dikirim ke Cimahi minggu ini juga dengan kurir tercepat?';
    await guestSays(guest, shop.url, 'Rina Panjang', 'rina.panjang@example.com', long);
    const staff = await staffContext.newPage();
    await staffLogsIn(staff, shop.url);
    await staff.locator('.chat-console-item', { hasText: 'Rina Panjang' }).click();
    await expect(staff.locator('.chat-console-pane .chat-msg-body').last()).toHaveText(long);
    // The list item's preview is cut with "…" instead of widening the page (it was 570 px).
    expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousA11yProblems(staff)).toEqual([]);
    await staff.screenshot({ path: testInfo.outputPath('chat-console-390-dark.png'), fullPage: true });
  } finally {
    await Promise.all([guestContext.close(), staffContext.close()]);
  }
});
