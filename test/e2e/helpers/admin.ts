/** The seeded admin logs in through the login form and lands on /admin. */
import { expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './server';

export async function logInAsAdmin(page: Page, url: string) {
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Email').fill('admin@hurtrock.local');
  await page.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).last().click();
  await expect(page).toHaveURL(/\/admin$/);
}
