/**
 * Chat journeys: the store and the chat service together (the launcher), so the widget and the
 * staff console both talk through the store's proxy. Use the worker-scoped `shop` fixture:
 *
 *   import { test, expect, startGuestChat, staffLogsIn } from './helpers/chat';
 *   test('…', async ({ browser, shop }) => { … await startGuestChat(page, shop.url, { name, email }); … });
 */
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, startStore } from './server';

export { expect };

/** `shop`: one store + chat per Playwright worker, with sample data (the widget tags products from the catalog). */
// No test-scoped fixtures: Playwright's own type for that is the empty object.
// biome-ignore lint/complexity/noBannedTypes: Playwright's extend<TestFixtures, WorkerFixtures> wants {} for none
export const test = base.extend<{}, { shop: { url: string } }>({
  shop: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
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

/** Opens the store's home page, starts the widget's chat as a guest and waits until it is connected. */
export async function startGuestChat(page: Page, url: string, guest: { name: string; email: string }): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Chat dengan kami' }).click();
  await page.getByLabel('Nama').fill(guest.name);
  await page.getByLabel('Email').fill(guest.email);
  await page.getByRole('button', { name: 'Mulai chat' }).click();
  await expect(page.locator('[data-chat-state]')).toHaveAttribute('data-chat-state', 'online');
}

/** Logs the seeded admin in and lands on the chat console (/admin/chat). */
export async function staffLogsIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/masuk?next=/admin/chat`);
  await page.getByLabel('Email').fill('admin@hurtrock.local');
  await page.getByLabel('Kata sandi').fill(E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).last().click();
  await expect(page).toHaveURL(/\/admin\/chat$/);
}

/**
 * Records notifications instead of showing them: permission still comes from the real API (the
 * context's `permissions` grant or its absence), only the constructor is a spy.
 */
export const NOTIFICATION_SPY = () => {
  const Real = window.Notification;
  const shown: { title: string; body?: string; tag?: string; instance: EventTarget & { close(): void } }[] = [];
  class Spy extends EventTarget {
    static get permission() {
      return Real.permission;
    }
    static requestPermission(...args: Parameters<typeof Notification.requestPermission>) {
      return Real.requestPermission(...args);
    }
    constructor(title: string, options: NotificationOptions = {}) {
      super();
      shown.push({ title, body: options.body, tag: options.tag, instance: this });
    }
    close() {}
  }
  Object.defineProperty(window, 'Notification', { value: Spy, configurable: true, writable: true });
  (window as unknown as { __notifications: typeof shown }).__notifications = shown;
};
