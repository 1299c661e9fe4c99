/**
 * A8 Users in the browser: the seeded admin opens Pengguna from the sidebar, invites a staff
 * member, who opens the invitation link from the store's outbox, chooses a password, signs in and
 * turns on two-step verification from the QR code, signs in with a code and sees only the staff
 * entries of the sidebar. The list, the new-user form and an account page
 * pass axe in light and dark, at 1280 and 390 px, without the page growing wider than the screen.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { checkPage as check } from './helpers/page-check';
import { expect, test } from './helpers/server';

/** Waits for the store's outbox worker to write an email to `to`, and returns its first link. */
async function linkFromOutbox(dataDir: string, to: string, subject: RegExp): Promise<string> {
  const dir = path.join(dataDir, 'outbox');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const files = await readdir(dir).catch(() => [] as string[]);
    for (const file of files.sort().reverse()) {
      // Quoted-printable: join soft line breaks and decode =XX before reading the link.
      const raw = await readFile(path.join(dir, file), 'utf8');
      const text = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (!text.includes(`To: ${to}`) || !subject.test(text)) continue;
      const link = /https?:\/\/[^\s"<]+token=[^\s"<]+/.exec(text)?.[0];
      if (link) return link;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to} in ${dir}`);
}

test.describe('admin users', () => {
  test.use({ colorScheme: 'light' });

  test('the admin invites a staff member, who sets a password, signs in and sees only staff pages', async ({
    page,
    browser,
    editableStore: store,
  }, testInfo) => {
    const shot = (name: string) => testInfo.outputPath(name);
    const email = `staf.${Date.now()}@example.com`;
    await logInAsAdmin(page, store.url);
    await page.getByRole('navigation', { name: 'Menu admin' }).getByRole('link', { name: 'Pengguna' }).click();
    await expect(page).toHaveURL(/\/admin\/pengguna$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pengguna');
    await check(page, 'users-list-light', shot);

    await page.getByRole('link', { name: 'Tambah staf atau admin' }).click();
    await page.getByRole('button', { name: 'Kirim undangan' }).click();
    // Nothing filled in: a message under each field.
    await expect(page.locator('#f-name-error')).toBeVisible();
    await check(page, 'users-new-errors-light', shot);
    await page.getByLabel('Nama').fill('Sari Kasir');
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Peran').selectOption('staff');
    await page.getByRole('button', { name: 'Kirim undangan' }).click();
    await expect(page).toHaveURL(/\/admin\/pengguna\/\d+$/);
    await expect(page.getByText(`Undangan terkirim ke ${email}.`)).toBeVisible();
    await expect(page.locator('[data-user-status="invited"]').first()).toBeVisible();
    // The confirm pattern: the action's button opens its confirmation first.
    await page.locator('[data-user-action="role"] summary').click();
    await expect(page.getByRole('button', { name: 'Ya, ubah peran' })).toBeVisible();
    await check(page, 'users-detail-light', shot);

    const link = await linkFromOutbox(store.dataDir, email, /Subject: Undangan/);
    const context = await browser.newContext({ colorScheme: 'light' });
    try {
      const invitee = await context.newPage();
      await invitee.goto(link);
      await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Terima undangan');
      await expect(invitee.getByText(email)).toBeVisible();
      expect(await seriousA11yProblems(invitee)).toEqual([]);
      await invitee.getByLabel('Kata sandi baru').fill('Senar-Baru-Kasir-2026');
      await invitee.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await expect(invitee).toHaveURL(/\/masuk\?pesan=undangan$/);
      await expect(invitee.getByText('undangan diterima')).toBeVisible();
      await invitee.getByLabel('Email').fill(email);
      await invitee.getByLabel('Kata sandi').fill('Senar-Baru-Kasir-2026');
      await invitee.getByRole('button', { name: 'Masuk' }).last().click();
      await expect(invitee).toHaveURL(/\/admin$/);
      await expect(invitee.getByRole('navigation', { name: 'Menu admin' }).getByRole('link')).toHaveText(['Dashboard', /Pesanan/, 'Chat']);
      await invitee.screenshot({ path: shot('users-invitee-admin.png'), fullPage: true });

      // The new staff member turns on two-step verification from the QR page (the code computed
      // here from the key shown for manual entry, as an authenticator app would) and signs in with it.
      await invitee.getByRole('button', { name: 'Menu akun' }).click();
      await invitee.getByRole('link', { name: 'Keamanan akun' }).click();
      await invitee.getByRole('button', { name: 'Aktifkan' }).click();
      await expect(invitee.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
      const secret = (await invitee.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!;
      const codeAt = (at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
      await invitee.getByLabel('Kode 6 digit').fill(codeAt(Date.now()));
      await invitee.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
      await expect(invitee.locator('[data-recovery-codes] code')).toHaveCount(10);
      await invitee.getByRole('link', { name: 'Sudah saya simpan' }).click();
      await invitee.getByRole('button', { name: 'Menu akun' }).click();
      await invitee.getByRole('button', { name: 'Keluar' }).click();
      await invitee.getByLabel('Email').fill(email);
      await invitee.getByLabel('Kata sandi').fill('Senar-Baru-Kasir-2026');
      await invitee.getByRole('button', { name: 'Masuk' }).last().click();
      await expect(invitee).toHaveURL(/\/masuk\/verifikasi$/);
      // The next step's code: the enrolment spent the current one.
      await invitee.getByLabel('Kode verifikasi').fill(codeAt(Date.now() + 30_000));
      await invitee.getByRole('button', { name: 'Verifikasi' }).click();
      await expect(invitee).toHaveURL(/\/admin$/);
      // Staff see and may open only what staff may.
      await expect(invitee.getByRole('navigation', { name: 'Menu admin' }).getByRole('link')).toHaveText(['Dashboard', /Pesanan/, 'Chat']);
      for (const adminOnly of ['/admin/produk', '/admin/pengguna', '/admin/pengaturan', '/admin/audit']) {
        expect((await invitee.goto(`${store.url}${adminOnly}`))!.status()).toBe(403);
      }

      // The link worked once.
      await invitee.goto(link);
      await expect(invitee.locator('[data-invitation-invalid]')).toBeVisible();
    } finally {
      await context.close();
    }

    // The admin's list now shows the staff member as active.
    await page.goto(`${store.url}/admin/pengguna?peran=staff`);
    await expect(page.locator('tr', { hasText: email }).locator('[data-user-status="active"]')).toBeVisible();
  });

  test('the users pages in dark and on a phone', async ({ browser, editableStore: store }, testInfo) => {
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
        await page.goto(`${store.url}/admin/pengguna`);
        await expect(page.locator('html')).toHaveAttribute('data-bs-theme', scheme);
        await check(page, `users-list-${scheme}-${width}`, shot);
        // A new invitation of its own, so its page has every action of an account that is not the admin's.
        await page.goto(`${store.url}/admin/pengguna/baru`);
        await check(page, `users-new-${scheme}-${width}`, shot);
        await page.getByLabel('Nama').fill(`Tamu ${scheme} ${width}`);
        await page.getByLabel('Email', { exact: true }).fill(`tamu.${scheme}.${width}.${Date.now()}@example.com`);
        await page.getByRole('button', { name: 'Kirim undangan' }).click();
        await expect(page).toHaveURL(/\/admin\/pengguna\/\d+$/);
        await page.locator('[data-user-action="deactivate"] summary').click();
        await check(page, `users-detail-${scheme}-${width}`, shot);
      } finally {
        await context.close();
      }
    }
  });
});
