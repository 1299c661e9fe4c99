/**
 * The local Stripe and Midtrans servers, driven by the official SDKs the store uses (so the fakes answer what the SDKs
 * parse), with signatures checked against the anchors' test vectors and Stripe's own verifier.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { parseStripeForm } from '../helpers/payment-fakes/form';
import {
  type MidtransFake,
  type StripeFake,
  midtransSignature,
  startMidtransFake,
  startStripeFake,
  stripeSignature,
} from '../helpers/payment-fakes/index';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

/** A stand-in for the store's webhook endpoint: keeps the raw bodies, answers `status`. */
async function startReceiver(status = 200) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function stripeSetup() {
  const fake = await startStripeFake();
  const receiver = await startReceiver();
  fake.webhookUrl = receiver.url;
  closers.push(fake.close, receiver.close);
  const stripe = new Stripe(fake.secretKey, { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 });
  return { fake, receiver, stripe };
}

function sessionParams(over: Partial<Stripe.Checkout.SessionCreateParams> = {}): Stripe.Checkout.SessionCreateParams {
  return {
    mode: 'payment',
    currency: 'idr',
    line_items: [
      { price_data: { currency: 'idr', unit_amount: 145_000_000, product_data: { name: 'Gitar Akustik' } }, quantity: 1 },
      { price_data: { currency: 'idr', unit_amount: 2_500_000, product_data: { name: 'Ongkir' } }, quantity: 2 },
    ],
    success_url: 'http://shop.test/bayar/selesai?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'http://shop.test/bayar/batal',
    client_reference_id: 'HR-261203-ABCDE',
    expires_at: Math.floor(Date.now() / 1000) + 3600,
    metadata: { attempt: 'HR-261203-ABCDE-1' },
    ...over,
  };
}

/** Parses and verifies with the SDK's own verifier, as the store's webhook route will. */
function verified(fake: StripeFake, r: Received): Stripe.Event {
  return new Stripe('sk_test_x').webhooks.constructEvent(r.raw, String(r.headers['stripe-signature']), fake.webhookSecret);
}

async function post(url: string, form: Record<string, string>) {
  return fetch(url, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });
}

describe('Stripe form bodies', () => {
  it('nests bracketed keys and turns index keys into arrays', () => {
    const parsed = parseStripeForm(
      'mode=payment&line_items[0][price_data][unit_amount]=150000&line_items[1][quantity]=2&line_items[0][quantity]=1' +
        '&metadata[order%20no]=HR%2B1&success_url=http%3A%2F%2Fa%2Fb%3Fx%3D1+2',
    );
    expect(parsed).toEqual({
      mode: 'payment',
      line_items: [{ price_data: { unit_amount: '150000' }, quantity: '1' }, { quantity: '2' }],
      metadata: { 'order no': 'HR+1' },
      success_url: 'http://a/b?x=1 2',
    });
  });
});

describe('Stripe fake', () => {
  it('signs like the anchors test vector and like Stripe (constructEvent accepts its deliveries)', async () => {
    expect(stripeSignature('{"id":"evt_1","type":"checkout.session.completed"}', 'whsec_example', 1_700_000_000)).toBe(
      't=1700000000,v1=a8ceddb7919832c69b69d4654de108440bfb4a7d7ad830550187cb76aa0c422e',
    );
    const { fake, receiver } = await stripeSetup();
    expect(await fake.sendEvent('checkout.session.completed', { id: 'cs_test_1' }, { id: 'evt_fixed' })).toBe(200);
    const event = verified(fake, receiver.received[0]!);
    expect(event).toMatchObject({ id: 'evt_fixed', object: 'event', type: 'checkout.session.completed', livemode: false });
    expect(event.data.object).toEqual({ id: 'cs_test_1' });
    expect(await fake.resendEvent('evt_fixed')).toBe(200);
    expect(receiver.received[1]!.raw).toBe(receiver.received[0]!.raw);
    expect(verified(fake, receiver.received[1]!).id).toBe('evt_fixed');
    const prepared = fake.signedEvent('charge.refunded', { id: 'ch_1' });
    expect(
      new Stripe('sk_test_x').webhooks.constructEvent(prepared.raw, prepared.headers['stripe-signature']!, fake.webhookSecret).id,
    ).toBe(prepared.event.id);
  });

  it('sends stale, forged and unsigned events that the SDK verifier rejects', async () => {
    const { fake, receiver } = await stripeSetup();
    await fake.sendEvent('checkout.session.completed', {}, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    await fake.sendEvent('checkout.session.completed', {}, { secret: 'whsec_other' });
    await fake.sendEvent('checkout.session.completed', {}, { signatureHeader: null });
    const [stale, forged, unsigned] = receiver.received;
    expect(() => verified(fake, stale!)).toThrow(/tolerance/);
    expect(() => verified(fake, forged!)).toThrow(/signature/i);
    expect(unsigned!.headers['stripe-signature']).toBeUndefined();
  });

  it('creates, retrieves and replays Checkout Sessions through the official SDK', async () => {
    const { fake, stripe } = await stripeSetup();
    const params = sessionParams();
    const session = await stripe.checkout.sessions.create(params, { idempotencyKey: 'order:1:checkout:1' });
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 150_000_000,
      currency: 'idr',
      client_reference_id: 'HR-261203-ABCDE',
      metadata: { attempt: 'HR-261203-ABCDE-1' },
      payment_intent: null,
      url: `${fake.url}/c/pay/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/v1/checkout/sessions', idempotencyKey: 'order:1:checkout:1' });
    expect((await stripe.checkout.sessions.retrieve(session.id)).id).toBe(session.id);

    const replay = await stripe.checkout.sessions.create(params, { idempotencyKey: 'order:1:checkout:1' });
    expect(replay.id).toBe(session.id);
    expect(fake.sessions.size).toBe(1);
    await expect(
      stripe.checkout.sessions.create({ ...params, client_reference_id: 'OTHER' }, { idempotencyKey: 'order:1:checkout:1' }),
    ).rejects.toMatchObject({ type: 'StripeIdempotencyError', statusCode: 400 });
  });

  it('answers Stripe errors: a wrong key, a bad expiry, a fractional amount, an unknown session', async () => {
    const { fake, stripe } = await stripeSetup();
    const wrong = new Stripe('sk_test_wrong', { host: '127.0.0.1', port: fake.port, protocol: 'http', maxNetworkRetries: 0 });
    await expect(wrong.checkout.sessions.create(sessionParams())).rejects.toMatchObject({
      type: 'StripeAuthenticationError',
      statusCode: 401,
    });
    const now = Math.floor(Date.now() / 1000);
    for (const expires_at of [now + 600, now + 25 * 3600]) {
      await expect(stripe.checkout.sessions.create(sessionParams({ expires_at }))).rejects.toMatchObject({
        type: 'StripeInvalidRequestError',
        statusCode: 400,
        param: 'expires_at',
      });
    }
    const res = await fetch(`${fake.url}/v1/checkout/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.secretKey}`, 'content-type': 'application/x-www-form-urlencoded' },
      body:
        'mode=payment&currency=idr&line_items[0][price_data][currency]=idr&line_items[0][price_data][unit_amount]=100.5' +
        '&line_items[0][price_data][product_data][name]=X&line_items[0][quantity]=1&success_url=http://a/s&cancel_url=http://a/c',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'line_items[0][price_data][unit_amount]' } });
    await expect(stripe.checkout.sessions.retrieve('cs_test_nope')).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    expect(fake.sessions.size).toBe(0);
  });

  it('hosted page: Pay completes the session, sends a signed completed event, then redirects to success_url', async () => {
    const { fake, receiver, stripe } = await stripeSetup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const html = await (await fetch(session.url!)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<main>');
    expect(html).toMatch(/<button type="submit">Pay<\/button>/);
    expect(html).toMatch(/<button type="submit">Decline<\/button>/);
    expect(html).toContain('Rp 1.500.000');

    const declined = await post(`${session.url}/decline`, {});
    expect(declined.status).toBe(303);
    expect(declined.headers.get('location')).toBe('http://shop.test/bayar/batal');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect(receiver.received).toHaveLength(0);

    const paid = await post(`${session.url}/pay`, {});
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(`http://shop.test/bayar/selesai?session_id=${session.id}`);
    const event = verified(fake, receiver.received[0]!);
    expect(event.type).toBe('checkout.session.completed');
    expect(event.data.object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid' });
    const after = await stripe.checkout.sessions.retrieve(session.id);
    expect(after).toMatchObject({ status: 'complete', payment_status: 'paid' });
    expect(after.payment_intent).toMatch(/^pi_/);
  });

  it('expires sessions (API and pay()) and refunds through the SDK, sending charge.refunded', async () => {
    const { fake, receiver, stripe } = await stripeSetup();
    const first = await stripe.checkout.sessions.create(sessionParams());
    expect((await stripe.checkout.sessions.expire(first.id)).status).toBe('expired');
    await expect(stripe.checkout.sessions.expire(first.id)).rejects.toMatchObject({ statusCode: 400 });
    const second = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(second.id, 'expired');

    const third = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(third.id, 'paid');
    const pi = String((await stripe.checkout.sessions.retrieve(third.id)).payment_intent);
    const partial = await stripe.refunds.create({ payment_intent: pi, amount: 50_000_000 });
    expect(partial).toMatchObject({ object: 'refund', status: 'succeeded', amount: 50_000_000, payment_intent: pi });
    expect(partial.id).toMatch(/^re_/);
    await expect(stripe.refunds.create({ payment_intent: pi, amount: 100_000_001 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'amount_too_large',
    });
    const rest = await stripe.refunds.create({ payment_intent: pi });
    expect(rest.amount).toBe(100_000_000);
    await expect(stripe.refunds.create({ payment_intent: pi })).rejects.toMatchObject({ statusCode: 400, code: 'charge_already_refunded' });
    await fake.idle();

    const events = receiver.received.map((r) => verified(fake, r));
    expect(events.map((e) => e.type).sort()).toEqual([
      'charge.refunded',
      'charge.refunded',
      'checkout.session.completed',
      'checkout.session.expired',
      'checkout.session.expired',
    ]);
    const charges = events.filter((e) => e.type === 'charge.refunded').map((e) => e.data.object as Stripe.Charge);
    expect(charges.map((c) => [c.amount_refunded, c.refunded]).sort()).toEqual([
      [100_000_000 + 50_000_000, true],
      [50_000_000, false],
    ]);
    expect(charges[0]).toMatchObject({ object: 'charge', payment_intent: pi, amount: 150_000_000 });
  });

  it('delayed payments: completed unpaid, then async_payment_succeeded or _failed', async () => {
    const { fake, receiver, stripe } = await stripeSetup();
    const ok = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(ok.id, 'async_pending');
    expect(await stripe.checkout.sessions.retrieve(ok.id)).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    await fake.pay(ok.id, 'async_succeeded');
    expect((await stripe.checkout.sessions.retrieve(ok.id)).payment_status).toBe('paid');
    const bad = await stripe.checkout.sessions.create(sessionParams());
    await fake.pay(bad.id, 'async_failed');
    const types = receiver.received.map((r) => {
      const e = verified(fake, r);
      return `${e.type}:${(e.data.object as { id: string }).id === ok.id ? 'ok' : 'bad'}`;
    });
    expect(types).toEqual([
      'checkout.session.completed:ok',
      'checkout.session.async_payment_succeeded:ok',
      'checkout.session.completed:bad',
      'checkout.session.async_payment_failed:bad',
    ]);
    await expect(fake.pay(ok.id, 'paid')).rejects.toThrow();
  });
});

// midtrans-client is CommonJS without types; its base URLs are static properties of the ApiConfig class it requires.
const require = createRequire(import.meta.url);
interface MidtransSnap {
  createTransaction(p: object): Promise<{ token: string; redirect_url: string }>;
  transaction: { status(id: string): Promise<Record<string, unknown>>; refund(id: string, p: object): Promise<Record<string, unknown>> };
}
const midtransClient = require('midtrans-client') as { Snap: new (o: object) => MidtransSnap };
const ApiConfig = require('midtrans-client/lib/apiConfig.js') as Record<string, string>;

async function midtransSetup(notificationStatus = 200) {
  const fake = await startMidtransFake();
  const receiver = await startReceiver(notificationStatus);
  fake.notificationUrl = receiver.url;
  const saved = { snap: ApiConfig.SNAP_SANDBOX_BASE_URL!, core: ApiConfig.CORE_SANDBOX_BASE_URL! };
  ApiConfig.SNAP_SANDBOX_BASE_URL = fake.snapBase;
  ApiConfig.CORE_SANDBOX_BASE_URL = fake.url;
  closers.push(fake.close, receiver.close, async () => {
    ApiConfig.SNAP_SANDBOX_BASE_URL = saved.snap;
    ApiConfig.CORE_SANDBOX_BASE_URL = saved.core;
  });
  const snap = new midtransClient.Snap({ isProduction: false, serverKey: fake.serverKey, clientKey: fake.clientKey });
  const notes = () => receiver.received.map((r) => JSON.parse(r.raw) as Record<string, string>);
  return { fake, receiver, snap, notes };
}

function snapParams(orderId: string, finish = 'http://shop.test/bayar/midtrans?x=1') {
  return {
    transaction_details: { order_id: orderId, gross_amount: 1_500_000 },
    item_details: [
      { id: 'SKU-1', price: 1_450_000, quantity: 1, name: 'Gitar Akustik' },
      { id: 'SHIP', price: 25_000, quantity: 2, name: 'Ongkir JNE REG' },
    ],
    customer_details: { first_name: 'Budi', email: 'budi@example.com' },
    expiry: { start_time: '2026-12-03 10:05:00 +0700', unit: 'minutes', duration: 60 },
    callbacks: { finish },
  };
}

function signatureOk(fake: MidtransFake, n: Record<string, string>): boolean {
  return n.signature_key === createHash('sha512').update(`${n.order_id}${n.status_code}${n.gross_amount}${fake.serverKey}`).digest('hex');
}

async function choose(redirectUrl: string, method: string) {
  return post(`${redirectUrl}/pay`, { method });
}

describe('Midtrans fake', () => {
  it('signs like the anchors test vector', () => {
    expect(midtransSignature('HR-20250131-0001', '200', '1500000.00', 'SB-Mid-server-EXAMPLEKEY')).toBe(
      'be8618fba762a8861766a444b709576887e477a523b6c29564dd2ab7a24a5b3634859e6633114a10e3e234e08b7933a945eb163390b094422ef9cd1e0228bc74',
    );
  });

  it('creates Snap transactions through midtrans-client and refuses what Midtrans refuses', async () => {
    const { fake, snap } = await midtransSetup();
    const created = await snap.createTransaction(snapParams('HR-261203-ABCDE-1'));
    expect(created.redirect_url).toBe(`${fake.url}/snap/v4/redirection/${created.token}`);
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/snap/v1/transactions' });
    const refused = async (p: object) =>
      snap.createTransaction(p).then(
        () => undefined,
        (e: { httpStatusCode: number; ApiResponse: unknown }) => e,
      );
    expect(await refused(snapParams('HR-261203-ABCDE-1'))).toMatchObject({
      httpStatusCode: 400,
      ApiResponse: { error_messages: ['transaction_details.order_id has already been taken'] },
    });
    const mismatch = snapParams('HR-261203-ABCDE-2');
    mismatch.transaction_details.gross_amount = 1_500_001;
    expect(await refused(mismatch)).toMatchObject({
      httpStatusCode: 400,
      ApiResponse: { error_messages: ['transaction_details.gross_amount is not equal to the sum of item_details'] },
    });
    const longName = snapParams('HR-261203-ABCDE-3');
    longName.item_details[0]!.name = 'G'.repeat(51);
    expect(await refused(longName)).toMatchObject({ httpStatusCode: 400 });
    const fraction = snapParams('HR-261203-ABCDE-4');
    fraction.item_details[0]!.price = 1_449_999.5;
    fraction.item_details[1]!.price = 25_000.25;
    expect(await refused(fraction)).toMatchObject({ httpStatusCode: 400 });
    const other = new midtransClient.Snap({ isProduction: false, serverKey: 'SB-Mid-server-wrong', clientKey: '' });
    const denied = await other.createTransaction(snapParams('HR-261203-ABCDE-5')).catch((e: { httpStatusCode: number }) => e);
    expect(denied).toMatchObject({ httpStatusCode: 401, ApiResponse: { error_messages: [expect.stringMatching(/^Access denied/)] } });
    expect([...fake.snapOrders.keys()]).toEqual(['HR-261203-ABCDE-1']);
  });

  it('hosted page VA: pending with a VA number, signed notification, finish redirect, status API agrees', async () => {
    const { fake, snap, notes } = await midtransSetup();
    const orderId = 'HR-261203-VAVAV-1';
    const { redirect_url } = await snap.createTransaction(snapParams(orderId));
    await expect(snap.transaction.status(orderId)).rejects.toMatchObject({
      httpStatusCode: 404,
      ApiResponse: { status_code: '404', status_message: "Transaction doesn't exist." },
    });
    const page = await (await fetch(redirect_url)).text();
    for (const name of ['Virtual account (BCA)', 'QRIS', 'Card', 'Card (challenge)', 'Decline']) {
      expect(page).toContain(`<button type="submit">${name}</button>`);
    }
    expect(page).toContain('Rp 1.500.000');

    const res = await choose(redirect_url, 'bca_va');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `http://shop.test/bayar/midtrans?x=1&order_id=${orderId}&status_code=201&transaction_status=pending`,
    );
    const [note] = notes();
    expect(note).toMatchObject({ order_id: orderId, transaction_status: 'pending', status_code: '201', gross_amount: '1500000.00' });
    expect(signatureOk(fake, note!)).toBe(true);
    const va = fake.transactions.get(orderId)!.va_numbers![0]!.va_number;
    expect(note!.va_numbers).toEqual([{ bank: 'bca', va_number: va }]);
    expect(await (await fetch(redirect_url)).text()).toContain(va);

    const status = await snap.transaction.status(orderId);
    expect(status).toMatchObject({ transaction_status: 'pending', status_code: '201', currency: 'IDR', payment_type: 'bank_transfer' });
    expect(signatureOk(fake, status as Record<string, string>)).toBe(true);
  });

  it('hosted page cards: challenge holds (capture, 201), decline denies (202); finish URL without a query', async () => {
    const { snap, notes } = await midtransSetup();
    const a = await snap.createTransaction(snapParams('HR-CARD-1', 'http://shop.test/selesai'));
    const b = await snap.createTransaction(snapParams('HR-CARD-2', 'http://shop.test/selesai'));
    const challenged = await choose(a.redirect_url, 'card_challenge');
    expect(challenged.headers.get('location')).toBe(
      'http://shop.test/selesai?order_id=HR-CARD-1&status_code=201&transaction_status=capture',
    );
    await choose(b.redirect_url, 'decline');
    expect(notes().map((n) => [n.order_id, n.transaction_status, n.fraud_status, n.status_code])).toEqual([
      ['HR-CARD-1', 'capture', 'challenge', '201'],
      ['HR-CARD-2', 'deny', 'deny', '202'],
    ]);
  });

  it('notify() settles and is what the status API answers; refunds go through midtrans-client and notify', async () => {
    const { fake, snap, notes } = await midtransSetup();
    const orderId = 'HR-261203-SETTL-1';
    await snap.createTransaction(snapParams(orderId));
    expect(await fake.notify(orderId, 'settlement')).toBe(200);
    const status = await snap.transaction.status(orderId);
    expect(status).toMatchObject({ transaction_status: 'settlement', status_code: '200', gross_amount: '1500000.00' });
    expect(status.settlement_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const partial = await snap.transaction.refund(orderId, { refund_key: 'r-1', amount: 500_000, reason: 'retur' });
    expect(partial).toMatchObject({ status_code: '200', transaction_status: 'partial_refund', refund_amount: '500000.00' });
    const again = await snap.transaction.refund(orderId, { refund_key: 'r-1', amount: 500_000, reason: 'retur' });
    expect(again).toEqual(partial);
    await expect(snap.transaction.refund(orderId, { refund_key: 'r-2', amount: 1_000_001 })).rejects.toMatchObject({ httpStatusCode: 412 });
    const full = await snap.transaction.refund(orderId, { refund_key: 'r-3', amount: 1_000_000 });
    expect(full).toMatchObject({ transaction_status: 'refund', refund_amount: '1000000.00' });
    await fake.idle();
    const sent = notes();
    expect(sent.map((n) => n.transaction_status)).toEqual(['settlement', 'partial_refund', 'refund']);
    expect(sent.every((n) => signatureOk(fake, n))).toBe(true);
  });

  it('sends the hostile notifications: forged signature, other amount, unknown order, status API contradicting', async () => {
    const { fake, snap, notes } = await midtransSetup(400);
    const orderId = 'HR-261203-HOSTL-1';
    await snap.createTransaction(snapParams(orderId));
    expect(await fake.notify(orderId, 'settlement', { signatureKey: 'f'.repeat(128) })).toBe(400);
    await fake.notify(orderId, 'settlement', { grossAmount: '1.00' });
    await fake.notify('HR-NEVER-SEEN-1', 'settlement');
    fake.setStatus(orderId, { transaction_status: 'expire' });
    const [forged, cheap, unknown] = notes();
    expect(signatureOk(fake, forged!)).toBe(false);
    expect(cheap).toMatchObject({ gross_amount: '1.00' });
    expect(signatureOk(fake, cheap!)).toBe(true);
    expect(unknown).toMatchObject({ order_id: 'HR-NEVER-SEEN-1', transaction_status: 'settlement' });
    expect(signatureOk(fake, unknown!)).toBe(true);
    expect(fake.transactions.has('HR-NEVER-SEEN-1')).toBe(false);
    expect(await snap.transaction.status(orderId)).toMatchObject({ transaction_status: 'expire', status_code: '407' });
    expect(fake.deliveries.map((d) => d.status)).toEqual([400, 400, 400]);
  });
});
