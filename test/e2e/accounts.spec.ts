import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seriousA11yProblems } from './helpers/a11y';
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

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Menu akun' }).click();
  await page.getByRole('button', { name: 'Keluar', exact: true }).click();
  await expect(page.getByText('Kamu sudah keluar.')).toBeVisible();
}

test.describe('accounts', () => {
  test.use({ colorScheme: 'light' });

  test('register → verify from the outbox → log in → profile → address → log out', async ({ page, store }, testInfo) => {
    const problems: string[] = [];
    // Re-rendered forms answer 400 on purpose; Chromium logs that as a console error.
    page.on('console', (msg) => msg.type() === 'error' && !/status of 400/.test(msg.text()) && problems.push(msg.text()));
    page.on('pageerror', (error) => problems.push(error.message));
    const email = `budi.${Date.now()}@example.com`;

    await page.goto(store.url + '/');
    await page.getByRole('link', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Daftar' }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Daftar' })).toBeVisible();
    await page.getByLabel('Nama lengkap').fill('Budi Santoso');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('password123');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    // A common password is refused; the other fields keep their values.
    await expect(page.getByText('terlalu umum')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(email);
    await page.screenshot({ path: testInfo.outputPath('register-error-light.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.getByLabel('Kata sandi').fill('Distorsi-Gitar-2026');
    await page.getByRole('button', { name: 'Buat akun' }).click();

    await expect(page).toHaveURL(/\/akun\?pesan=terdaftar$/);
    await expect(page.getByText('belum diverifikasi')).toBeVisible();

    const link = await linkFromOutbox(store.dataDir, email, /Subject: Verifikasi email/);
    await page.goto(link);
    await expect(page.getByText('sudah terverifikasi')).toBeVisible();

    await page.goto(store.url + '/akun');
    await logOut(page);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('Distorsi-Gitar-2026');
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Akun Saya' })).toBeVisible();
    await expect(page.getByText('belum diverifikasi')).toHaveCount(0);

    await page.getByLabel('Nama lengkap').fill('Budi S.');
    await page.getByLabel('Nomor HP').fill('+62 812 3456 7890');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Perubahan tersimpan.')).toBeVisible();
    await expect(page.getByLabel('Nomor HP')).toHaveValue('0812-3456-7890');
    await page.screenshot({ path: testInfo.outputPath('account-light.png'), fullPage: true });

    await page.getByRole('link', { name: 'Alamat' }).click();
    await page.getByLabel('Nama penerima').fill('Budi Santoso');
    await page.getByLabel('Nomor HP').fill('0812-3456-7890');
    await page.getByLabel('Alamat lengkap').fill('Jl. Braga No. 10, Sumur Bandung');
    await page.getByLabel('Kota/Kabupaten').fill('Bandung');
    await page.getByLabel('Provinsi').fill('Jawa Barat');
    await page.getByLabel('Kode pos').fill('40111');
    await page.getByRole('button', { name: 'Simpan alamat' }).click();
    await expect(page.getByText('Alamat ditambahkan.')).toBeVisible();
    await expect(page.locator('.address-item')).toContainText('Jl. Braga No. 10');
    await expect(page.locator('.address-item .badge')).toHaveText('Utama');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('addresses-light.png'), fullPage: true });

    await logOut(page);
    await page.goto(store.url + '/akun');
    await expect(page).toHaveURL(/\/masuk\?next=%2Fakun/);
    expect(problems).toEqual([]);
  });

  test('password reset by the emailed link, which works once', async ({ page, store }) => {
    const email = `reset.${Date.now()}@example.com`;
    await page.goto(store.url + '/daftar');
    await page.getByLabel('Nama lengkap').fill('Rina');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('Lagu-Lama-Sekali-1');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await logOut(page);

    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await expect(page.getByText('Jika email tersebut terdaftar')).toBeVisible();

    const link = await linkFromOutbox(store.dataDir, email, /Subject: Reset kata sandi/);
    await page.goto(link);
    await page.getByLabel('Kata sandi baru').fill('Lagu-Baru-Sekali-2');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await expect(page.getByText('Kata sandi sudah diganti')).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Kata sandi').fill('Lagu-Baru-Sekali-2');
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Akun Saya' })).toBeVisible();

    await page.goto(link);
    await expect(page.getByText('Tautan reset tidak valid')).toBeVisible();
  });

  test('pages look right in dark mode and on a phone', async ({ browser, store }, testInfo) => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    await page.goto(store.url + '/masuk');
    await expect(page.locator('html')).toHaveAttribute('data-bs-theme', 'dark');
    await page.getByRole('button', { name: 'Masuk' }).last().click();
    await expect(page.getByText('Wajib diisi.').first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('login-dark-phone.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);

    await page.goto(store.url + '/daftar');
    await page.getByLabel('Nama lengkap').fill('Dewi');
    await page.getByLabel('Email').fill(`dewi.${Date.now()}@example.com`);
    await page.getByLabel('Kata sandi').fill('Senar-Baja-Tebal-9');
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Akun Saya' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('account-dark-phone.png'), fullPage: true });
    await page.goto(store.url + '/akun/alamat');
    await page.screenshot({ path: testInfo.outputPath('addresses-dark-phone.png'), fullPage: true });
    expect(await seriousA11yProblems(page)).toEqual([]);
    await context.close();
  });
});
