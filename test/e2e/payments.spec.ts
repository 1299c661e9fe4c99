/**
 * Online payment journeys in a real browser (P3, P4, P7): a guest pays with Midtrans (QRIS) or
 * Stripe on the provider's hosted page and comes back to a paid order; a declined payment is paid
 * again another way from the order page; a virtual account waits on the order page until Midtrans
 * notifies the settlement. The providers are the local fakes (test/helpers/payment-fakes), started
 * in this worker, with a store of this worker's own pointed at them. Screenshots of the payment
 * panel's states (failed with the form, waiting with the VA number; desktop and 390 px, light and
 * dark) go to test-results/.
 */
import type { Browser, Page, TestInfo } from '@playwright/test';
import { type MidtransFake, paymentEnv, type StripeFake, startMidtransFake, startStripeFake } from '../helpers/payment-fakes';
import { seriousA11yProblems } from './helpers/a11y';
import { logInAsAdmin } from './helpers/admin';
import { expect, type RunningStore, startStore, test } from './helpers/server';

const YAMAHA = { name: 'Yamaha F310 Natural', price: 1_850_000 };
const MIDTRANS_RADIO = /^Bayar online/;
const STRIPE_RADIO = /^Kartu kredit\/debit internasional/;
const PAID_LEAD = 'Pembayaran sudah diterima. Pesananmu segera kami siapkan.';

let stripe: StripeFake;
let midtrans: MidtransFake;
let shop: RunningStore;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  [stripe, midtrans] = await Promise.all([startStripeFake(), startMidtransFake()]);
  shop = await startStore({ env: paymentEnv(stripe, midtrans) });
  stripe.webhookUrl = `${shop.url}/webhooks/stripe`;
  midtrans.notificationUrl = `${shop.url}/webhooks/midtrans`;
});

test.afterAll(async () => {
  await Promise.all([stripe?.idle(), midtrans?.idle()]);
  await shop?.stop();
  await Promise.all([stripe?.close(), midtrans?.close()]);
});

/** A guest puts the Yamaha in the cart and places the order paying with `payment`; the browser goes off to the provider. */
async function guestCheckout(page: Page, payment: RegExp, email: string) {
  await page.goto(`${shop.url}/produk?q=yamaha+f310`);
  await page.getByRole('button', { name: `Tambah ${YAMAHA.name} ke keranjang` }).click();
  await expect(page.locator('[data-cart-badge]')).toHaveText('1');
  await page.goto(`${shop.url}/checkout`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Nama penerima').fill('Sari Overdrive');
  await page.getByLabel('Nomor HP penerima').fill('0812-2222-3333');
  await page.getByLabel('Alamat lengkap').fill('Jl. Braga No. 9, Sumur Bandung');
  await page.getByLabel('Kota/Kabupaten').fill('Kota Bandung');
  await page.getByLabel('Provinsi').fill('Jawa Barat');
  await page.getByLabel('Kode pos').fill('40111');
  await page.getByRole('radio', { name: payment }).check();
  await page.getByRole('button', { name: 'Buat pesanan' }).click();
}

/** The Midtrans fake's Snap page for this order, then one of its methods; the browser comes back to the order page. */
async function payOnSnap(page: Page, method: 'QRIS' | 'Virtual account (BCA)' | 'Decline') {
  await expect(page).toHaveURL(new RegExp(`^${midtrans.url}/snap/v4/redirection/`), { timeout: 15_000 });
  await page.getByRole('button', { name: method, exact: true }).click();
  await expect(page).toHaveURL(/\/pesanan\/[^/?]+\?.*bayar=selesai/, { timeout: 15_000 });
}

/** Stripe's hosted page (the fake's), then "Pay"; the browser comes back to the order page. */
async function payOnStripe(page: Page) {
  await expect(page).toHaveURL(new RegExp(`^${stripe.url}/c/pay/`), { timeout: 15_000 });
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  await expect(page).toHaveURL(/\/pesanan\/[^/?]+\?.*bayar=selesai/, { timeout: 15_000 });
}

const orderNumberOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

async function expectPaid(page: Page, provider: 'Midtrans' | 'Stripe (kartu)') {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pesanan ${orderNumberOf(page)}`);
  await expect(page.locator('[data-order-status]')).toHaveText('Dibayar');
  await expect(page.locator('[data-order-status]')).toHaveAttribute('data-order-status', 'paid');
  await expect(page.getByText(PAID_LEAD)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Pembayaran diterima lewat ${provider}. Terima kasih!` })).toBeVisible();
  // Paid: nothing left to pay, so no payment panel and no page that reloads itself.
  await expect(page.locator('[data-online-payment]')).toHaveCount(0);
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
}

/**
 * Runs `look` in four browsers of its own (1280 px and 390 px, light and dark), each with its tag
 * (`1280-dark`); every serious axe problem it returns is collected, and there must be none.
 */
async function inEveryLook(browser: Browser, look: (page: Page, tag: string) => Promise<string[]>) {
  const problems: string[] = [];
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport, colorScheme });
      try {
        problems.push(...(await look(await context.newPage(), `${viewport.width}-${colorScheme}`)));
      } finally {
        await context.close();
      }
    }
  }
  expect(problems).toEqual([]);
}

/** The order page at `url` in every look: `check`, a screenshot of the page and of its payment panel, and axe. */
async function shootPanel(browser: Browser, url: string, name: string, testInfo: TestInfo, check: (page: Page) => Promise<void>) {
  await inEveryLook(browser, async (page, look) => {
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('data-bs-theme', look.endsWith('dark') ? 'dark' : 'light');
    await check(page);
    const tag = `${name}-${look}`;
    await page.screenshot({ path: testInfo.outputPath(`${tag}.png`), fullPage: true });
    await page.locator('[data-online-payment]').screenshot({ path: testInfo.outputPath(`${tag}-panel.png`) });
    return (await seriousA11yProblems(page)).map((p) => `${tag}: ${p}`);
  });
}

test('a guest buys a guitar with Midtrans (QRIS) and comes back to a paid order', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await guestCheckout(page, MIDTRANS_RADIO, 'sari.qris@example.com');
  await expect(page).toHaveURL(new RegExp(`^${midtrans.url}/snap/v4/redirection/`), { timeout: 15_000 });
  // The Snap page asks for the order's total: the guitar (and the shipping, if any).
  const due = Number((await page.locator('.amount').textContent())!.replace(/\D/g, ''));
  expect(due).toBeGreaterThanOrEqual(YAMAHA.price);
  await payOnSnap(page, 'QRIS');
  await expectPaid(page, 'Midtrans');
  expect(await seriousA11yProblems(page)).toEqual([]);
});

test('a guest pays with Stripe on its hosted page and comes back to a paid order', async ({ page }) => {
  await guestCheckout(page, STRIPE_RADIO, 'sari.stripe@example.com');
  await payOnStripe(page);
  await expectPaid(page, 'Stripe (kartu)');
});

test('a declined Midtrans payment is paid again with Stripe from the order page', async ({ page, browser }, testInfo) => {
  await guestCheckout(page, MIDTRANS_RADIO, 'sari.declined@example.com');
  await payOnSnap(page, 'Decline');

  const failedUrl = page.url();
  const checkFailed = async (p: Page) => {
    await expect(p.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
    await expect(p.locator('[data-online-payment]')).toHaveAttribute('data-online-payment', 'failed');
    await expect(p.locator('[data-payment-failed]')).toContainText('Pembayaran sebelumnya tidak berhasil (ditolak)');
    await expect(p.locator('[data-payment-confirming]')).toHaveCount(0);
    await expect(p.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
    const form = p.locator('[data-payment-form]');
    await expect(form.getByRole('group', { name: 'Pilih cara bayar' })).toBeVisible();
    await expect(form.getByRole('radio', { name: MIDTRANS_RADIO })).toBeChecked();
    await expect(form.getByRole('radio', { name: STRIPE_RADIO })).toBeVisible();
    await expect(form.getByRole('button', { name: 'Bayar lagi' })).toBeVisible();
  };
  await checkFailed(page);
  await shootPanel(browser, failedUrl, 'payment-failed', testInfo, checkFailed);

  // Another way: Stripe, from the order page's own form.
  const form = page.locator('[data-payment-form]');
  await form.getByRole('radio', { name: STRIPE_RADIO }).check();
  await form.getByRole('button', { name: 'Bayar lagi' }).click();
  await payOnStripe(page);
  await expectPaid(page, 'Stripe (kartu)');
});

test('a virtual account waits on the order page until Midtrans notifies the settlement', async ({ page, browser }, testInfo) => {
  await guestCheckout(page, MIDTRANS_RADIO, 'sari.va@example.com');
  await payOnSnap(page, 'Virtual account (BCA)');

  const reference = new URL(page.url()).searchParams.get('order_id');
  expect(reference).toBeTruthy();
  const va = midtrans.transactions.get(reference!)?.va_numbers?.[0]?.va_number;
  expect(va).toMatch(/^\d+$/);

  const waitingUrl = page.url();
  const checkWaiting = async (p: Page) => {
    await expect(p.locator('[data-order-status]')).toHaveText('Menunggu pembayaran');
    await expect(p.locator('[data-online-payment]')).toHaveAttribute('data-online-payment', 'pending');
    const waiting = p.locator('[data-payment-waiting]');
    await expect(waiting).toContainText('Menunggu pembayaranmu. Bayar dengan petunjuk di bawah sebelum batas waktu.');
    await expect(waiting.locator('dt')).toHaveText(['Nomor virtual account BCA']);
    await expect(waiting.locator('dd')).toHaveText([va!]);
    // A virtual account to pay is something to show: the page does not keep reloading itself.
    await expect(p.locator('[data-payment-confirming]')).toHaveCount(0);
    await expect(p.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
    await expect(p.locator('[data-payment-form]').getByRole('button', { name: 'Lanjutkan pembayaran' })).toBeVisible();
  };
  await checkWaiting(page);
  await shootPanel(browser, waitingUrl, 'payment-waiting-va', testInfo, checkWaiting);

  // No JavaScript reload either: the page stays put well past the confirming refresh's 5 s.
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });
  await page.waitForTimeout(6_000);
  expect(navigations).toBe(0);

  // The customer pays at the bank; Midtrans tells the store.
  expect(await midtrans.notify(reference!, 'settlement')).toBe(200);
  await page.reload();
  await expect(page.locator('[data-order-status]')).toHaveText('Dibayar');
  await expect(page.getByText(PAID_LEAD)).toBeVisible();
  await expect(page.locator('[data-online-payment]')).toHaveCount(0);
});

test('an admin sees the provider settings and an order paid with Stripe, and refunds it through Stripe', async ({
  page,
  browser,
}, testInfo) => {
  await guestCheckout(page, STRIPE_RADIO, 'sari.refund@example.com');
  await payOnStripe(page);
  await expectPaid(page, 'Stripe (kartu)');
  const number = orderNumberOf(page);

  await inEveryLook(browser, async (admin, tag) => {
    await logInAsAdmin(admin, shop.url);
    // The providers' cards: both ready (keys from the environment, shown by their last four only).
    await admin.goto(`${shop.url}/admin/pengaturan`);
    const stripeCard = admin.locator('[data-payment-provider="stripe"]');
    await expect(stripeCard.locator('[data-payment-state]')).toHaveText('Siap menerima pembayaran');
    await expect(stripeCard).toContainText(`Diatur di environment server (berakhiran ${stripe.secretKey.slice(-4)})`);
    await expect(stripeCard.getByLabel('URL notifikasi (salin ke dashboard penyedia)')).toHaveValue(`${shop.url}/webhooks/stripe`);
    expect(await admin.content()).not.toContain(stripe.secretKey);
    await admin.locator('[data-settings-card="payments"]').screenshot({ path: testInfo.outputPath(`admin-payment-settings-${tag}.png`) });
    const problems = (await seriousA11yProblems(admin)).map((p) => `settings ${tag}: ${p}`);
    // The order: its attempt and the provider's event, raw payload behind a disclosure.
    await admin.goto(`${shop.url}/admin/pesanan/${number}`);
    const online = admin.locator('[data-desk-online]');
    await expect(online.locator('[data-attempt-status="paid"]')).toContainText(number);
    await expect(online.locator('[data-desk-payment-events]')).toContainText('checkout.session.completed');
    await online.locator('[data-desk-payment-events] summary').first().click();
    await expect(online.locator('.desk-payload').first()).toContainText('"payment_status": "paid"');
    await admin.locator('[data-desk-payments]').screenshot({ path: testInfo.outputPath(`admin-order-payment-${tag}.png`) });
    problems.push(...(await seriousA11yProblems(admin)).map((p) => `order ${tag}: ${p}`));
    return problems;
  });

  // The refund: a disclosure first, then the confirmation with the amount.
  await logInAsAdmin(page, shop.url);
  await page.goto(`${shop.url}/admin/pesanan/${number}`);
  await page.locator('[data-desk-refund] summary').click();
  await page.getByRole('button', { name: /^Ya, kembalikan Rp/ }).click();
  await expect(page.getByText('Dana dikembalikan dan pesanan ditandai refund.')).toBeVisible();
  await expect(page.locator('[data-order-status]').first()).toHaveAttribute('data-order-status', 'refunded');
  await expect(page.locator('[data-attempt-status="refunded"]')).toBeVisible();
});

test('after a decline, Midtrans opens in its popup on the order page and the payment lands there', async ({ page }) => {
  await guestCheckout(page, MIDTRANS_RADIO, 'sari.popup@example.com');
  await payOnSnap(page, 'Decline');
  const orderUrl = page.url().split('?')[0]!;

  // The order page alone allows Midtrans' script and frame; other pages do not.
  const reloaded = await page.reload();
  const csp = reloaded!.headers()['content-security-policy']!;
  expect(csp).toContain(`script-src 'self' ${new URL(midtrans.url).origin}`);
  expect(csp).toContain(`frame-src 'self' ${new URL(midtrans.url).origin}`);
  const catalogue = await page.request.get(`${shop.url}/produk`);
  expect(catalogue.headers()['content-security-policy']).toContain("script-src 'self';");
  expect(catalogue.headers()['content-security-policy']).not.toContain('frame-src');

  const form = page.locator('[data-payment-form]');
  await expect(form.getByRole('radio', { name: MIDTRANS_RADIO })).toBeChecked();
  await form.getByRole('button', { name: 'Bayar lagi' }).click();
  // Midtrans' popup over the shop's page: the customer has not left the order page.
  await expect(page.locator('[data-snap-overlay]')).toBeVisible();
  expect(page.url().split('?')[0]).toBe(orderUrl);
  await page.frameLocator('iframe[title="Midtrans Snap"]').getByRole('button', { name: 'QRIS', exact: true }).click();
  // The popup's callback only brings the customer back to the order page, which asks Midtrans.
  await expect(page).toHaveURL(/\/pesanan\/[^/?]+\?.*bayar=selesai/, { timeout: 15_000 });
  await expectPaid(page, 'Midtrans');
});
