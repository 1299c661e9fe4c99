/**
 * Two-step verification in the browser: a staff account (the seeded admin, on a store of its own so
 * no other journey meets a second step) opens Keamanan akun from the account menu, turns it on from
 * the QR page — the test reads the key shown for manual entry and computes the code with otpauth,
 * as an authenticator app would — keeps the recovery codes, signs out, signs in with password and
 * code, then with a recovery code, which works once. The enrolment and code pages pass axe in
 * light and dark and fit a 390 px phone.
 */
import type { Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { seriousA11yProblems } from './helpers/a11y';
import { E2E_ADMIN_PASSWORD, expect, startStore, test } from './helpers/server';

const codeAt = (secret: string, at: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at });

/** axe clean, nothing wider than the window, a screenshot — in light and dark, at 1280 and 390 px. */
async function checkEveryWay(page: Page, name: string, outputPath: (name: string) => string) {
  for (const [scheme, width] of [
    ['light', 1280],
    ['dark', 1280],
    ['light', 390],
    ['dark', 390],
  ] as const) {
    await page.setViewportSize({ width, height: 844 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-bs-theme', scheme);
    expect(await seriousA11yProblems(page), `${name} ${scheme} ${width}`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} ${scheme} ${width}`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: outputPath(`${name}-${scheme}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Menu akun' }).click();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk\?pesan=keluar$/);
}

async function password(page: Page, url: string) {
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Email').fill('admin@hurtrock.local');
  await page.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).last().click();
}

test('staff turn on two-step verification from the QR page, then sign in with a code and with a recovery code once', async ({
  page,
}, testInfo) => {
  const shot = (name: string) => testInfo.outputPath(name);
  const store = await startStore();
  try {
    await password(page, store.url);
    await expect(page).toHaveURL(/\/admin$/);
    await page.getByRole('button', { name: 'Menu akun' }).click();
    await page.getByRole('link', { name: 'Keamanan akun' }).click();
    await expect(page).toHaveURL(/\/admin\/akun\/keamanan$/);
    await expect(page.getByText('Verifikasi dua langkah belum aktif.')).toBeVisible();
    await page.getByRole('button', { name: 'Aktifkan' }).click();

    await expect(page.getByRole('img', { name: 'Kode QR untuk aplikasi autentikator' })).toBeVisible();
    const secret = (await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'))!;
    expect((await page.locator('[data-totp-secret]').textContent())?.replace(/\s/g, '')).toBe(secret);
    await checkEveryWay(page, 'enrol', shot);

    await page.getByLabel('Kode 6 digit').fill('000000');
    await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
    await expect(page.getByText('Kode salah atau sudah kedaluwarsa.')).toBeVisible();
    await page.getByLabel('Kode 6 digit').fill(codeAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Konfirmasi dan aktifkan' }).click();
    await expect(page.getByText('Verifikasi dua langkah sekarang aktif.')).toBeVisible();
    const codes = await page.locator('[data-recovery-codes] code').allInnerTexts();
    expect(codes).toHaveLength(10);
    await page.screenshot({ path: shot('recovery-codes.png'), fullPage: true });
    await page.getByRole('link', { name: 'Sudah saya simpan' }).click();
    await expect(page.getByText('Verifikasi dua langkah aktif.')).toBeVisible();
    await signOut(page);

    // Password, then the code: the next step's code (the enrolment spent this one), as an app shows it a moment later.
    await password(page, store.url);
    await expect(page).toHaveURL(/\/masuk\/verifikasi$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verifikasi dua langkah');
    await checkEveryWay(page, 'second-step', shot);
    await page.getByLabel('Kode verifikasi').fill(codeAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await signOut(page);

    // A recovery code signs in once; the second time it is refused.
    await password(page, store.url);
    await page.getByLabel('Kode verifikasi').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await signOut(page);
    await password(page, store.url);
    await page.getByLabel('Kode verifikasi').fill(codes[0]!);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(page.getByText('Kode salah atau sudah kedaluwarsa.')).toBeVisible();
    await expect(page).toHaveURL(/\/masuk\/verifikasi$/);
    await page.getByLabel('Kode verifikasi').fill(codes[1]!);
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`${store.url}/admin/akun/keamanan`);
    await expect(page.getByText('Sisa kode pemulihan yang belum dipakai: 8 dari 10.')).toBeVisible();
    await checkEveryWay(page, 'security-on', shot);
  } finally {
    await store.stop();
  }
});
