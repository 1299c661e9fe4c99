/**
 * Online payments in the back office (P6, P7) through HTTP: an admin enters a provider's keys on
 * /admin/pengaturan (sealed at rest, audited as their last four characters, never sent back),
 * tests them, and checkout offers the provider at once; on an order, staff see its attempts and
 * provider events, and an admin refunds a paid online order through the provider.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, paymentProviderSettings, products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, orderByNumber, stockOf } from './checkout-helpers';
import { attemptsOf, checkoutWith, mailsTo, type PaymentsWorld, startPaymentsWorld } from './payments-helpers';

describe.each(dbTargets)('payments in the back office on %s', (target) => {
  let world: PaymentsWorld;
  let admin: TestBrowser;
  let staff: TestBrowser;
  let guitarId: number;

  beforeAll(async () => {
    // The keys are not in the environment: the shop enters them in the back office.
    world = await startPaymentsWorld(target, {}, { keysInEnv: false });
    await createUser(world.db, { email: 'bos@pay-admin.example', role: 'admin', password: PASSWORD });
    await createUser(world.db, { email: 'kasir@pay-admin.example', role: 'staff', password: PASSWORD });
    admin = new TestBrowser(world.store.app, '198.51.100.31');
    staff = new TestBrowser(world.store.app, '198.51.100.32');
    expect((await admin.login('bos@pay-admin.example', PASSWORD)).status).toBe(303);
    expect((await staff.login('kasir@pay-admin.example', PASSWORD)).status).toBe(303);
    guitarId = (await productBySlug(world.db, 'yamaha-f310')).id;
    await world.db.update(products).set({ stock: 100 }).where(eq(products.id, guitarId));
  });
  afterAll(() => world?.close());

  const checkoutMethods = async () => {
    const b = new TestBrowser(world.store.app);
    await addToCart(world.store.app, b, guitarId, 1);
    const page = await b.get('/checkout');
    return [...page.body.matchAll(/name="payment" id="pay-([a-z_]+)"/g)].map((m) => m[1]);
  };

  // One journey, in order: the settings start empty in this store and each step builds on the last.
  it('an admin enables Stripe with its keys (sealed, audited by last 4, never shown back); checkout offers it; keys tested', async () => {
    expect(await checkoutMethods()).toEqual(['bank_transfer']);
    const page = await admin.get('/admin/pengaturan');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-payment-provider="stripe"');
    expect(page.body).toContain('/webhooks/stripe');

    // Switching on without keys is refused, field by field, and saves nothing.
    const refused = await admin.post('/admin/pengaturan/pembayaran/stripe', { enabled: 'on' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('id="f-stripe-secretKey-error"');
    expect(refused.body).toContain('id="f-stripe-webhookSecret-error"');
    expect(await world.db.select().from(paymentProviderSettings)).toHaveLength(0);

    const { secretKey, webhookSecret } = world.stripe;
    const saved = await admin.post('/admin/pengaturan/pembayaran/stripe', { enabled: 'on', secretKey, webhookSecret });
    expect(saved.status).toBe(303);
    const [row] = await world.db.select().from(paymentProviderSettings).where(eq(paymentProviderSettings.provider, 'stripe'));
    expect(row!.enabled).toBe(true);
    expect(row!.secretKeySealed).not.toContain(secretKey);
    expect(row!.webhookSecretSealed).not.toContain(webhookSecret);
    const [entry] = await world.db.select().from(auditLog).where(eq(auditLog.action, 'settings.payments')).orderBy(desc(auditLog.id));
    expect(entry!.after).toEqual({ enabled: true, secretKey: `…${secretKey.slice(-4)}`, webhookSecret: `…${webhookSecret.slice(-4)}` });
    expect(JSON.stringify(entry)).not.toContain(secretKey);

    const after = await admin.get('/admin/pengaturan');
    expect(after.body).not.toContain(secretKey);
    expect(after.body).not.toContain(webhookSecret);
    expect(after.body).toContain(`berakhiran ${secretKey.slice(-4)}`);
    expect(after.body).toContain('data-payment-state="ready"');
    expect(await checkoutMethods()).toEqual(['stripe', 'bank_transfer']);

    // Saving again with blank key fields keeps the keys and changes nothing.
    await admin.post('/admin/pengaturan/pembayaran/stripe', { enabled: 'on', secretKey: '', webhookSecret: '' });
    expect(await world.db.select().from(auditLog).where(eq(auditLog.action, 'settings.payments'))).toHaveLength(1);

    // The connection test tells working keys from refused ones.
    const ok = await admin.post('/admin/pengaturan/pembayaran/stripe/tes', {});
    expect(ok.status).toBe(303);
    expect((await admin.get('/admin/pengaturan')).body).toContain('kunci diterima');
    await admin.post('/admin/pengaturan/pembayaran/midtrans', { enabled: '', secretKey: 'SB-Mid-server-WRONGKEY123' });
    await admin.post('/admin/pengaturan/pembayaran/midtrans/tes', {});
    expect((await admin.get('/admin/pengaturan')).body).toContain('menolak kuncinya');
  });

  it('a key with spaces is refused with its field named; staff cannot reach the providers at all', async () => {
    const bad = await admin.post('/admin/pengaturan/pembayaran/midtrans', { enabled: 'on', secretKey: 'has a space' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="f-midtrans-secretKey-error"');
    expect(bad.body).not.toContain('has a space');
    expect((await staff.post('/admin/pengaturan/pembayaran/stripe', { enabled: '' })).status).toBe(403);
    expect((await staff.post('/admin/pengaturan/pembayaran/stripe/tes', {})).status).toBe(403);
  });
});

describe.each(dbTargets)('refunds from the back office on %s', (target) => {
  let shop: PaymentsWorld;
  let admin: TestBrowser;
  let staff: TestBrowser;
  let guitarId: number;

  beforeAll(async () => {
    shop = await startPaymentsWorld(target);
    await createUser(shop.db, { email: 'bos@refund.example', role: 'admin', password: PASSWORD });
    await createUser(shop.db, { email: 'kasir@refund.example', role: 'staff', password: PASSWORD });
    admin = new TestBrowser(shop.store.app, '198.51.100.41');
    staff = new TestBrowser(shop.store.app, '198.51.100.42');
    expect((await admin.login('bos@refund.example', PASSWORD)).status).toBe(303);
    expect((await staff.login('kasir@refund.example', PASSWORD)).status).toBe(303);
    guitarId = (await productBySlug(shop.db, 'yamaha-f310')).id;
    await shop.db.update(products).set({ stock: 100 }).where(eq(products.id, guitarId));
  });
  afterAll(() => shop?.close());

  it('staff see the attempts and raw events of an order; only an admin refunds it, through Stripe, and the stock comes back', async () => {
    const { order, email } = await checkoutWith(shop, new TestBrowser(shop.store.app), guitarId, 'stripe', 2);
    const [attempt] = await attemptsOf(shop.db, order.id);
    await shop.stripe.pay(attempt!.externalId!, 'paid');
    expect((await orderByNumber(shop.db, order.number))!.status).toBe('paid');
    const stockPaid = await stockOf(shop.db, guitarId);

    const staffPage = await staff.get(`/admin/pesanan/${order.number}`);
    expect(staffPage.body).toContain('data-desk-attempts');
    expect(staffPage.body).toContain('checkout.session.completed');
    expect(staffPage.body).not.toContain('data-desk-refund');
    // Money paid online is not marked refunded by hand: no such move for this order.
    expect(staffPage.body).not.toContain('data-desk-move="refunded"');
    expect((await staff.post(`/admin/pesanan/${order.number}/refund-online`, {})).status).toBe(403);
    expect((await staff.post(`/admin/pesanan/${order.number}/status`, { to: 'refunded', from: 'paid' })).status).toBe(409);

    expect((await admin.get(`/admin/pesanan/${order.number}`)).body).toContain('data-desk-refund');
    const refunded = await admin.post(`/admin/pesanan/${order.number}/refund-online`, {});
    expect(refunded.status).toBe(303);
    expect((await orderByNumber(shop.db, order.number))!.status).toBe('refunded');
    expect(await stockOf(shop.db, guitarId)).toBe(stockPaid + 2);
    expect((await attemptsOf(shop.db, order.id))[0]!.status).toBe('refunded');
    expect((await mailsTo(shop.db, email)).map((m) => m.subject)).toContain(`Dana pesanan ${order.number} dikembalikan`);
    const [audit] = await shop.db.select().from(auditLog).where(eq(auditLog.action, 'order.refunded')).orderBy(desc(auditLog.id));
    expect(audit).toMatchObject({ actorEmail: 'bos@refund.example', subjectId: order.number });
    // The provider's own charge.refunded notification arrives later and changes nothing.
    await shop.stripe.idle();
    expect((await orderByNumber(shop.db, order.number))!.status).toBe('refunded');
    // A second refund is refused with the order as it is.
    expect((await admin.post(`/admin/pesanan/${order.number}/refund-online`, {})).status).toBe(409);
  });
});
