/**
 * A customer creates a personal access token on the account page, sees its secret once, uses it
 * against the JSON API, and revokes it (X10).
 */
import { seriousA11yProblems } from './helpers/a11y';
import { expect, test } from './helpers/server';

test('create an API token, see it once, use it, revoke it', async ({ page, store }) => {
  await page.goto(`${store.url}/daftar`);
  await page.getByLabel('Nama lengkap').fill('Sari Skrip');
  await page.getByLabel('Email').fill(`sari.${Date.now()}@example.com`);
  await page.getByLabel('Kata sandi').fill('Distorsi-Gitar-2026');
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page).toHaveURL(/\/akun\?pesan=terdaftar$/);

  await page.getByRole('link', { name: 'Token API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Token akses API' })).toBeVisible();
  await page.getByLabel('Nama token').fill('Skrip stok');
  await page.getByLabel('Baca saja').check();
  await page.getByRole('button', { name: 'Buat token' }).click();

  const secret = await page.getByLabel('Token baru').inputValue();
  expect(secret).toMatch(/^hrt_[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText('tidak akan ditampilkan lagi')).toBeVisible();
  expect(await seriousA11yProblems(page)).toEqual([]);
  const api = (token: string) => page.request.get(`${store.url}/api/v1/cart`, { headers: { authorization: `Bearer ${token}` } });
  expect((await api(secret)).status()).toBe(200);

  // Shown once: a fresh look lists the token by name, never its secret.
  await page.goto(`${store.url}/akun/token-api`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Skrip stok' }).getByText(/^hrt_/)).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  await page.getByRole('button', { name: 'Cabut token Skrip stok' }).click();
  await expect(page.getByText('Token dicabut.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cabut token Skrip stok' })).toHaveCount(0);
  const refused = await api(secret);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe('invalid_token');
});
