/**
 * Layout at 390 px that axe cannot judge: with free shipping, each courier's name keeps its room
 * beside the struck-through price (it was one word per line, and "SiCepat" ran under the price);
 * the floating chat button covers neither the cart's total nor its checkout button (with two lines
 * the total was under it on the first screen); the home hero's headline is not drawn on top of the
 * artwork (issue 16); the catalogue's filters are folded before the first paint, so nothing shifts after load (issue 17);
 * a phone sets accents in the body font and never fetches Rock Salt (issue 17, LCP).
 */
import type { Locator } from '@playwright/test';
import { logInAsAdmin } from './helpers/admin';
import { expect, test } from './helpers/server';

type Box = { x: number; y: number; width: number; height: number };

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** True when the two rectangles share any area (touching edges do not count). */
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const PHONE = { width: 390, height: 844 };

test('checkout on a phone with free shipping: courier names and struck prices do not overlap', async ({
  browser,
  editableStore: store,
}, testInfo) => {
  const admin = await browser.newContext();
  try {
    const page = await admin.newPage();
    await logInAsAdmin(page, store.url);
    await page.goto(`${store.url}/admin/pengiriman`);
    await page.getByLabel(/Gratis ongkir mulai/).fill('100000');
    await page
      .getByRole('button', { name: /Simpan/ })
      .first()
      .click();
    await expect(page.getByText(/Sekarang: gratis ongkir/)).toBeVisible();
  } finally {
    await admin.close();
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(`${store.url}/produk?q=yamaha+f310`);
      await page.getByRole('button', { name: 'Tambah Yamaha F310 Natural ke keranjang' }).click();
      await expect(page.locator('[data-cart-badge]')).toHaveText('1');
      await page.goto(`${store.url}/checkout`);
      const options = page.locator('.checkout-choice').filter({ has: page.locator('input[name="shipping"]') });
      const count = await options.count();
      expect(count).toBeGreaterThan(2);
      for (let i = 0; i < count; i++) {
        const title = await box(options.nth(i).locator('.checkout-choice-title'));
        const price = await box(options.nth(i).locator('.checkout-choice-price'));
        // Side by side without touching, and the name gets at least half of the card's text width.
        expect(title.x + title.width, `option ${i}`).toBeLessThanOrEqual(price.x + 1);
        expect(title.width, `option ${i}`).toBeGreaterThan(price.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`checkout-free-shipping-390-${colorScheme}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  }
});

test('cart on a phone: the chat button covers neither the total nor the checkout button', async ({ browser, store }, testInfo) => {
  const products = ['Yamaha F310 Natural', 'Ibanez RG550 Genesis Collection', 'Marshall DSL40CR Combo Tabung'];
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: PHONE, colorScheme });
    try {
      const page = await context.newPage();
      for (const [index, name] of products.entries()) {
        await page.goto(`${store.url}/produk?q=${encodeURIComponent(name)}`);
        await page.getByRole('button', { name: `Tambah ${name} ke keranjang`, exact: true }).click();
        await expect(page.locator('[data-cart-badge]')).toHaveText(String(index + 1));
        await page.goto(`${store.url}/keranjang`);
        const lines = `${index + 1} line(s), ${colorScheme}`;
        // On the first screen and after scrolling to the end: the total and the button are on the
        // screen, and the chat button is clear of both.
        for (const where of ['first screen', 'end'] as const) {
          if (where === 'end') await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          const launcher = await box(page.locator('.chat-launcher-button'));
          for (const target of [page.locator('[data-cart-total]'), page.getByRole('link', { name: 'Lanjut ke checkout' })]) {
            await expect(target, `${lines}, ${where}`).toBeInViewport({ ratio: 1 });
            expect(overlaps(await box(target), launcher), `${lines}, ${where}: chat button over ${target}`).toBe(false);
          }
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: testInfo.outputPath(`cart-390-${colorScheme}.png`) });
    } finally {
      await context.close();
    }
  }
});

test('home on a phone: the hero headline is not drawn on top of the artwork', async ({ browser, store }, testInfo) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    // The phone, and the widths where the art sits beside the text (it must not reach under it there either).
    for (const viewport of [PHONE, { width: 768, height: 1024 }, { width: 1280, height: 800 }]) {
      const context = await browser.newContext({ viewport, colorScheme });
      try {
        const page = await context.newPage();
        await page.goto(store.url);
        const where = `${viewport.width} px, ${colorScheme}`;
        const art = await box(page.locator('.hero-art'));
        expect(art.height, where).toBeGreaterThan(150);
        for (const part of ['.hero-title', '.hero-lead', '.hero-actions']) {
          expect(overlaps(await box(page.locator(part)), art), `${where}: ${part} over the art`).toBe(false);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
        if (viewport === PHONE) await page.screenshot({ path: testInfo.outputPath(`home-390-${colorScheme}.png`) });
      } finally {
        await context.close();
      }
    }
  }
});

/** The page's cumulative layout shift so far (every shift not caused by the user's input). */
const layoutShift = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );

test('catalogue on a phone: the filters are folded before the first paint, so nothing moves after load', async ({ browser, store }) => {
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      await page.goto(`${store.url}/produk`);
      await page.waitForLoadState('load');
      // The filters were rendered open and folded by script after load: a shift of about 0.5.
      expect(await layoutShift(page), `${viewport.width} px`).toBeLessThan(0.02);
      const filters = page.locator('.catalog-filters');
      if (viewport.width === PHONE.width) {
        await expect(filters).toBeHidden();
        await page.getByText('Filter', { exact: true }).click();
        await expect(filters).toBeVisible();
        await expect(page.getByRole('checkbox', { name: 'Filter' })).toBeChecked();
        // A filter fetches the page in place and the filters stay open.
        await filters.getByLabel('Kategori').selectOption({ index: 1 });
        await expect(page).toHaveURL(/kategori=/);
        await expect(filters).toBeVisible();
      } else {
        await expect(filters).toBeVisible();
      }
    } finally {
      await context.close();
    }
  }
});

test('fonts on a phone: accents in the body font and only the heading font fetched; a desktop gets both', async ({ browser, store }) => {
  for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport });
    try {
      const page = await context.newPage();
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('.woff2')) fonts.push(new URL(request.url()).pathname.replace(/-\w+\.woff2$/, ''));
      });
      await page.goto(`${store.url}/`);
      await page.waitForLoadState('load');
      await page.evaluate(() => document.fonts.ready);
      const kicker = await page.locator('.hero-kicker').evaluate((el) => getComputedStyle(el).fontFamily);
      if (viewport.width === PHONE.width) {
        expect(fonts.sort()).toEqual(['/assets/metal-mania-latin-400-normal']);
        expect(kicker).not.toContain('Rock Salt');
      } else {
        expect(fonts.sort()).toEqual(['/assets/metal-mania-latin-400-normal', '/assets/rock-salt-latin-400-normal']);
        expect(kicker).toContain('Rock Salt');
      }
    } finally {
      await context.close();
    }
  }
});

test('the menu opened on a phone after scrolling is a near-opaque panel: the page does not show through its links', async ({
  browser,
  store,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: PHONE, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(`${store.url}/produk`);
      await page.evaluate(() => window.scrollTo(0, 900));
      const nav = page.locator('.glass-nav');
      /** The alpha of the navbar's own background colour. */
      const alpha = () =>
        nav.evaluate((el) => {
          const parts = getComputedStyle(el)
            .backgroundColor.match(/[\d.]+/g)!
            .map(Number);
          return parts.length === 4 ? parts[3]! : 1;
        });
      // Closed, it is glass.
      expect(await alpha(), colorScheme).toBeLessThan(0.8);
      await page.locator('.navbar-toggler').click();
      await expect(page.locator('.navbar-collapse.show')).toBeVisible();
      expect(await alpha(), colorScheme).toBeGreaterThanOrEqual(0.95);
      // Closed again (once the folding has run), glass again.
      await page.locator('.navbar-toggler').click();
      await expect.poll(alpha, { message: colorScheme }).toBeLessThan(0.8);
    } finally {
      await context.close();
    }
  }
});
