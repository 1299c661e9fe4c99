/**
 * Stripe Checkout's pure parts (stripe.ts): the webhook signature against the anchors' test vector (with the official
 * SDK and through the provider's verify() on a fixed clock), the session request (IDR ×100, expires_at inside
 * Stripe's 30 min..24 h window) and every event type in the shop's words.
 */
import { createHmac } from 'node:crypto';
import Stripe from 'stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OrderRow } from '../../src/store/orders/types';
import { orderItem, orderRowAt } from '../helpers/order-fixtures';
import {
  STRIPE_TOLERANCE_SECONDS,
  checkoutSessionParams,
  createStripeProvider,
  eventFromStripe,
  rupiahFromStripe,
  toStripeAmount,
} from '../../src/store/payments/stripe';
import { type StartContext, WebhookRejected } from '../../src/store/payments/types';

/** anchors.md §3.1 */
const VECTOR = {
  secret: 'whsec_example',
  t: 1_700_000_000,
  body: '{"id":"evt_1","type":"checkout.session.completed"}',
  v1: 'a8ceddb7919832c69b69d4654de108440bfb4a7d7ad830550187cb76aa0c422e',
  header: 't=1700000000,v1=a8ceddb7919832c69b69d4654de108440bfb4a7d7ad830550187cb76aa0c422e',
};

const NOW = new Date('2026-12-01T03:04:05Z');
const NOW_S = Math.floor(NOW.getTime() / 1000);

const orderRow = (values: Partial<OrderRow> = {}) => orderRowAt(NOW, { paymentMethod: 'stripe', ...values });
const item = (id: number, name: string, unitPrice: number, quantity: number) => orderItem(id, name, unitPrice, quantity, 'B');

function context(seconds = 3600, order: Partial<OrderRow> = {}): StartContext {
  return {
    order: orderRow(order),
    items: [item(1, 'Yamaha F310', 1_500_000, 2), item(2, 'Ernie Ball Slinky', 95_000, 2)],
    attempt: { reference: 'HR-261201-ABCDEF-3', seq: 3, amount: 3_210_000, expiresAt: new Date(NOW.getTime() + seconds * 1000) },
    returnUrl: 'https://hurtrock.example/pesanan/HR-261201-ABCDEF?k=guest-key',
    now: NOW,
  };
}

/** A Stripe event as the SDK hands it over (only the fields the store reads matter). */
const stripeEvent = (type: string, object: Record<string, unknown>, id = 'evt_test_1') =>
  ({ id, object: 'event', type, data: { object } }) as unknown as Stripe.Event;

const session = (values: Record<string, unknown> = {}) => ({
  id: 'cs_test_1',
  object: 'checkout.session',
  amount_total: 321_000_000,
  metadata: { order: 'HR-261201-ABCDEF', attempt: 'HR-261201-ABCDEF-3' },
  payment_intent: 'pi_1',
  payment_method_types: ['card'],
  payment_status: 'paid',
  status: 'complete',
  ...values,
});

describe('the Stripe webhook signature (anchors test vector)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is HMAC-SHA256 over "t.body" keyed with the whole whsec_ secret', () => {
    expect(createHmac('sha256', VECTOR.secret).update(`${VECTOR.t}.${VECTOR.body}`).digest('hex')).toBe(VECTOR.v1);
  });

  it('is what the official SDK generates and accepts (at the vector time)', () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload: VECTOR.body, secret: VECTOR.secret, timestamp: VECTOR.t });
    expect(header).toBe(VECTOR.header);
    const stripe = new Stripe('sk_test_x');
    const receivedAt = (VECTOR.t + 60) * 1000;
    const event = stripe.webhooks.constructEvent(
      VECTOR.body,
      VECTOR.header,
      VECTOR.secret,
      STRIPE_TOLERANCE_SECONDS,
      undefined,
      receivedAt,
    );
    expect(event).toEqual({ id: 'evt_1', type: 'checkout.session.completed' });
    expect(() =>
      stripe.webhooks.constructEvent(VECTOR.body, VECTOR.header, 'whsec_other', STRIPE_TOLERANCE_SECONDS, undefined, receivedAt),
    ).toThrow(/No signatures found/);
  });

  describe("through the provider's verify() on a fixed clock", () => {
    const provider = createStripeProvider({ secretKey: 'sk_test_x', webhookSecret: VECTOR.secret, apiBase: 'http://127.0.0.1:9' });
    /** A full event (the vector's body has no data.object) signed like the vector: same secret, same t. */
    const body = JSON.stringify(stripeEvent('checkout.session.completed', session()), null, 2);
    const signed = (secret = VECTOR.secret, t = VECTOR.t, raw = body) =>
      `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex')}`;
    const verifyAt = (nowS: number, header: string | undefined, raw = body) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(nowS * 1000);
      return provider.verify({ body: Buffer.from(raw), headers: header === undefined ? {} : { 'stripe-signature': header } });
    };
    const rejection = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebhookRejected);
      return (error as WebhookRejected).code;
    };

    it('accepts a signed event within the 300 s tolerance and reads it', async () => {
      expect(STRIPE_TOLERANCE_SECONDS).toBe(300);
      const event = await verifyAt(VECTOR.t + 300, signed());
      expect(event).toMatchObject({ provider: 'stripe', eventKey: 'evt_test_1', signal: 'paid', reference: 'HR-261201-ABCDEF-3' });
      // Two v1 signatures (a secret being rolled): one matching is enough.
      const twoSignatures = `${signed('whsec_old')},v1=${signed().split('v1=')[1]}`;
      expect((await verifyAt(VECTOR.t, twoSignatures)).eventKey).toBe('evt_test_1');
    });

    it('refuses an event signed more than 300 s ago as stale', async () => {
      expect(await rejection(verifyAt(VECTOR.t + 301, signed()))).toBe('stale');
      expect(await rejection(verifyAt(VECTOR.t + 3600, signed()))).toBe('stale');
    });

    it('refuses another secret, another body, or no header as a signature problem', async () => {
      expect(await rejection(verifyAt(VECTOR.t, signed('whsec_wrong')))).toBe('signature');
      // Re-serialised JSON (as a body parser would) is not the signed bytes.
      expect(await rejection(verifyAt(VECTOR.t, signed(), JSON.stringify(JSON.parse(body))))).toBe('signature');
      expect(await rejection(verifyAt(VECTOR.t, undefined))).toBe('signature');
      expect(await rejection(verifyAt(VECTOR.t, ''))).toBe('signature');
      expect(await rejection(verifyAt(VECTOR.t, `t=${VECTOR.t}`))).toBe('signature');
    });

    it('refuses an unparseable header (reported: it is currently classified "stale", not "signature")', async () => {
      await expect(verifyAt(VECTOR.t, 'garbage')).rejects.toBeInstanceOf(WebhookRejected);
    });

    it('refuses everything while no signing secret is configured', async () => {
      const unconfigured = createStripeProvider({ secretKey: 'sk_test_x', apiBase: 'http://127.0.0.1:9' });
      const error = await unconfigured.verify({ body: Buffer.from(body), headers: { 'stripe-signature': signed() } }).catch((e) => e);
      expect(error).toBeInstanceOf(WebhookRejected);
      expect((error as WebhookRejected).code).toBe('unconfigured');
    });
  });
});

describe('amounts', () => {
  it('are rupiah ×100 for Stripe (IDR is a two-decimal currency) and back', () => {
    expect(toStripeAmount(1_500_000)).toBe(150_000_000);
    expect(rupiahFromStripe(150_000_000)).toBe(1_500_000);
    expect(rupiahFromStripe(0)).toBe(0);
  });

  it.each([[150_000_050], [150_000_001], [1.5], ['150000000'], [null], [undefined], [Number.NaN], [2 ** 60]])(
    'refuses %j as whole rupiah',
    (minor) => {
      expect(rupiahFromStripe(minor)).toBeNaN();
    },
  );
});

describe('checkoutSessionParams', () => {
  it('asks for one IDR session: lines and shipping ×100, our reference, the customer back either way', () => {
    const params = checkoutSessionParams(context());
    expect(params).toMatchObject({
      mode: 'payment',
      currency: 'idr',
      client_reference_id: 'HR-261201-ABCDEF',
      customer_email: 'rina@example.test',
      metadata: { order: 'HR-261201-ABCDEF', attempt: 'HR-261201-ABCDEF-3' },
      success_url: 'https://hurtrock.example/pesanan/HR-261201-ABCDEF?k=guest-key&bayar=selesai',
      cancel_url: 'https://hurtrock.example/pesanan/HR-261201-ABCDEF?k=guest-key&bayar=batal',
    });
    const lines = params.line_items!.map((l) => [l.price_data!.product_data!.name, l.price_data!.unit_amount, l.quantity]);
    expect(lines).toEqual([
      ['Yamaha F310', 150_000_000, 2],
      ['Ernie Ball Slinky', 9_500_000, 2],
      ['Ongkir JNE REG', 2_000_000, 1],
    ]);
    expect(params.line_items!.every((l) => l.price_data!.currency === 'idr')).toBe(true);
    const sum = params.line_items!.reduce((s, l) => s + l.price_data!.unit_amount! * l.quantity!, 0);
    expect(sum).toBe(toStripeAmount(3_210_000));
  });

  it('has no shipping line when shipping is free', () => {
    const params = checkoutSessionParams(context(3600, { shippingCharge: 0, total: 3_190_000 }));
    expect(params.line_items!.map((l) => l.price_data!.product_data!.name)).toEqual(['Yamaha F310', 'Ernie Ball Slinky']);
  });

  it.each([
    // [seconds until the attempt expires, seconds the session lives]
    [3600, 3600],
    [2 * 3600, 2 * 3600],
    // Under Stripe's 30 minutes (with a minute of slack for the clocks): raised.
    [10 * 60, 31 * 60],
    [30 * 60, 31 * 60],
    [-60, 31 * 60],
    [31 * 60, 31 * 60],
    // Over Stripe's 24 hours: lowered to a minute under it.
    [24 * 3600, 24 * 3600 - 60],
    [72 * 3600, 24 * 3600 - 60],
    [24 * 3600 - 60, 24 * 3600 - 60],
  ])('an attempt expiring in %d s gets expires_at now + %d s', (seconds, lifetime) => {
    const expiresAt = checkoutSessionParams(context(seconds)).expires_at!;
    expect(expiresAt - NOW_S).toBe(lifetime);
    expect(expiresAt - NOW_S).toBeGreaterThanOrEqual(30 * 60);
    expect(expiresAt - NOW_S).toBeLessThanOrEqual(24 * 3600);
  });
});

describe('eventFromStripe', () => {
  it('checkout.session.completed with payment_status paid → paid, with our reference, the session, intent and amount', () => {
    expect(eventFromStripe(stripeEvent('checkout.session.completed', session()))).toMatchObject({
      provider: 'stripe',
      eventKey: 'evt_test_1',
      kind: 'checkout.session.completed',
      source: 'webhook',
      signal: 'paid',
      reference: 'HR-261201-ABCDEF-3',
      externalId: 'cs_test_1',
      paymentRef: 'pi_1',
      amount: 3_210_000,
      channel: 'card',
    });
    // An expanded PaymentIntent object gives its id.
    expect(eventFromStripe(stripeEvent('checkout.session.completed', session({ payment_intent: { id: 'pi_2' } }))).paymentRef).toBe('pi_2');
  });

  it('checkout.session.completed unpaid (a delayed method) → pending; no payment required → none', () => {
    expect(eventFromStripe(stripeEvent('checkout.session.completed', session({ payment_status: 'unpaid' }))).signal).toBe('pending');
    expect(eventFromStripe(stripeEvent('checkout.session.completed', session({ payment_status: 'no_payment_required' }))).signal).toBe(
      'none',
    );
  });

  it.each([
    ['checkout.session.async_payment_succeeded', 'paid'],
    ['checkout.session.async_payment_failed', 'failed'],
    ['checkout.session.expired', 'expired'],
  ])('%s → %s', (type, signal) => {
    const event = eventFromStripe(stripeEvent(type, session({ payment_status: 'unpaid' })));
    expect(event).toMatchObject({ signal, kind: type, reference: 'HR-261201-ABCDEF-3', externalId: 'cs_test_1' });
  });

  it('a session amount that is not whole rupiah never equals a total', () => {
    expect(eventFromStripe(stripeEvent('checkout.session.completed', session({ amount_total: 321_000_050 }))).amount).toBeNaN();
  });

  it('without our metadata the session id still names the attempt', () => {
    const event = eventFromStripe(stripeEvent('checkout.session.expired', session({ metadata: undefined })));
    expect(event.reference).toBeUndefined();
    expect(event.externalId).toBe('cs_test_1');
  });

  it('charge.refunded: in full → refunded, in part → partial_refund, found by the payment intent', () => {
    const charge = { id: 'ch_1', object: 'charge', amount: 321_000_000, payment_intent: 'pi_1' };
    const full = eventFromStripe(stripeEvent('charge.refunded', { ...charge, amount_refunded: 321_000_000 }));
    expect(full).toMatchObject({ signal: 'refunded', paymentRef: 'pi_1', amount: 3_210_000 });
    expect([full.reference, full.externalId]).toEqual([undefined, undefined]);
    expect(eventFromStripe(stripeEvent('charge.refunded', { ...charge, amount_refunded: 100_000_000 })).signal).toBe('partial_refund');
  });

  it('charge.dispute.created → chargeback, found by the payment intent', () => {
    const dispute = { id: 'dp_1', object: 'dispute', amount: 321_000_000, charge: 'ch_1', payment_intent: 'pi_1' };
    expect(eventFromStripe(stripeEvent('charge.dispute.created', dispute))).toMatchObject({
      signal: 'chargeback',
      paymentRef: 'pi_1',
      kind: 'charge.dispute.created',
    });
  });

  it('any other event type → none', () => {
    expect(eventFromStripe(stripeEvent('payment_intent.created', { id: 'pi_1' })).signal).toBe('none');
    expect(eventFromStripe(stripeEvent('customer.created', { id: 'cus_1' })).signal).toBe('none');
  });
});
