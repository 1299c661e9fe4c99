/**
 * The seeded admin signs in. The first time per store (and whenever the saved session no longer
 * works, e.g. after a journey logged out) this goes through the login form; afterwards the saved
 * session cookie is reused. A worker runs dozens of back office journeys against one store from
 * one address, and the login form's per-address limit (30 per 10 minutes) is a real limit the
 * journeys must not exhaust.
 */
import { expect, type Cookie, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD } from './server';

const SESSION_COOKIE = 'sid';
const savedSessions = new Map<string, Cookie[]>();

export async function logInAsAdmin(page: Page, url: string) {
  const saved = savedSessions.get(url);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(`${url}/admin`);
    if (new URL(page.url()).pathname === '/admin') return;
    await page.context().clearCookies({ name: SESSION_COOKIE });
  }
  await page.goto(`${url}/masuk`);
  await page.getByLabel('Email').fill('admin@hurtrock.local');
  await page.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).last().click();
  await expect(page).toHaveURL(/\/admin$/);
  // Only the session: a theme or language cookie belongs to the journey that set it.
  savedSessions.set(
    url,
    (await page.context().cookies(url)).filter((c) => c.name === SESSION_COOKIE),
  );
}
