/**
 * Stripe Checkout (P3), through the official `stripe` SDK: a hosted Checkout Session in IDR per
 * attempt (amounts × 100 here and only here: IDR is a two-decimal currency for Stripe), webhooks
 * verified by `constructEvent` over the raw bytes with a 300 s tolerance, refunds by
 * PaymentIntent. An idempotency key per attempt makes a retried request one session.
 */
import { withQuery } from '../../lib/url';
import Stripe from 'stripe';
import {
  type AttemptRow,
  type PaymentProvider,
  type PaymentSignal,
  ProviderUnavailable,
  type RawWebhook,
  type StartContext,
  type VerifiedEvent,
  WebhookRejected,
} from './types';

export interface StripeKeys {
  secretKey: string;
  webhookSecret?: string;
  /** Another server for Stripe's API (staging, tests): host, port and protocol are taken from it. */
  apiBase?: string;
}

/** Stripe's own default: an event signed more than 5 minutes ago is refused (a replay). */
export const STRIPE_TOLERANCE_SECONDS = 300;
/** Stripe accepts a session's `expires_at` from 30 minutes to 24 hours ahead. */
const MIN_SESSION_SECONDS = 30 * 60 + 60;
const MAX_SESSION_SECONDS = 24 * 3600 - 60;

export const toStripeAmount = (rupiah: number) => rupiah * 100;

/** Stripe minor units → whole rupiah; NaN when it is not whole rupiah (never equal to a total). */
export const rupiahFromStripe = (minor: unknown) =>
  typeof minor === 'number' && Number.isSafeInteger(minor) && minor % 100 === 0 ? minor / 100 : Number.NaN;

/** The session for one attempt: the order's lines and its shipping, in IDR. */
export function checkoutSessionParams(ctx: StartContext): Stripe.Checkout.SessionCreateParams {
  const { order, items, attempt } = ctx;
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = items.map((i) => ({
    quantity: i.quantity,
    price_data: { currency: 'idr', unit_amount: toStripeAmount(i.unitPrice), product_data: { name: i.name } },
  }));
  if (order.shippingCharge > 0) {
    lineItems.push({
      quantity: 1,
      price_data: {
        currency: 'idr',
        unit_amount: toStripeAmount(order.shippingCharge),
        product_data: { name: `Ongkir ${order.shippingCourier} ${order.shippingServiceName}` },
      },
    });
  }
  const seconds = Math.round((attempt.expiresAt.getTime() - ctx.now.getTime()) / 1000);
  const lifetime = Math.min(MAX_SESSION_SECONDS, Math.max(MIN_SESSION_SECONDS, seconds));
  return {
    mode: 'payment',
    currency: 'idr',
    line_items: lineItems,
    client_reference_id: order.number,
    customer_email: order.email,
    metadata: { order: order.number, attempt: attempt.reference },
    success_url: withQuery(ctx.returnUrl, 'bayar=selesai'),
    cancel_url: withQuery(ctx.returnUrl, 'bayar=batal'),
    expires_at: Math.floor(ctx.now.getTime() / 1000) + lifetime,
  };
}

type Obj = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const idOf = (v: unknown) => str(v) ?? str((v as Obj | null)?.id);

/** A Checkout Session's state as a signal (for a retrieved session or a completed event). */
function sessionSignal(session: Obj): PaymentSignal {
  if (session.status === 'expired') return 'expired';
  if (session.payment_status === 'paid') return 'paid';
  if (session.status === 'complete') return 'pending';
  return 'none';
}

function sessionEvent(session: Obj, base: Pick<VerifiedEvent, 'eventKey' | 'kind' | 'source' | 'payload'>, signal: PaymentSignal) {
  const metadata = (session.metadata ?? {}) as Obj;
  const methods = Array.isArray(session.payment_method_types) ? (session.payment_method_types as string[]) : [];
  return {
    provider: 'stripe' as const,
    ...base,
    reference: str(metadata.attempt),
    externalId: str(session.id),
    paymentRef: idOf(session.payment_intent),
    signal,
    amount: rupiahFromStripe(session.amount_total),
    channel: methods[0],
  } satisfies VerifiedEvent;
}

/** A verified Stripe event in the shop's words. */
export function eventFromStripe(event: Stripe.Event): VerifiedEvent {
  const object = event.data.object as unknown as Obj;
  const base = { eventKey: event.id, kind: event.type, source: 'webhook' as const, payload: event };
  switch (event.type) {
    case 'checkout.session.completed':
      return sessionEvent(
        object,
        base,
        object.payment_status === 'paid' ? 'paid' : object.payment_status === 'unpaid' ? 'pending' : 'none',
      );
    case 'checkout.session.async_payment_succeeded':
      return sessionEvent(object, base, 'paid');
    case 'checkout.session.async_payment_failed':
      return sessionEvent(object, base, 'failed');
    case 'checkout.session.expired':
      return sessionEvent(object, base, 'expired');
    case 'charge.refunded': {
      const full = typeof object.amount === 'number' && object.amount_refunded === object.amount;
      return {
        provider: 'stripe',
        ...base,
        paymentRef: idOf(object.payment_intent),
        signal: full ? 'refunded' : 'partial_refund',
        amount: rupiahFromStripe(object.amount),
      };
    }
    case 'charge.dispute.created':
      return { provider: 'stripe', ...base, paymentRef: idOf(object.payment_intent), signal: 'chargeback' };
    default:
      return { provider: 'stripe', ...base, signal: 'none' };
  }
}

function clientOptions(apiBase: string | undefined): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = { maxNetworkRetries: 1, timeout: 20_000 };
  if (!apiBase) return options;
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { ...options, host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

export function createStripeProvider(keys: StripeKeys): PaymentProvider {
  const stripe = new Stripe(keys.secretKey, clientOptions(keys.apiBase));

  return {
    name: 'stripe',

    async start(ctx) {
      try {
        const session = await stripe.checkout.sessions.create(checkoutSessionParams(ctx), {
          idempotencyKey: `attempt:${ctx.attempt.reference}`,
        });
        if (!session.url) throw new Error('Stripe returned a session without a URL');
        return { redirectUrl: session.url, externalId: session.id };
      } catch (error) {
        throw new ProviderUnavailable('Stripe refused or did not answer the Checkout Session request', { cause: error });
      }
    },

    async verify(raw: RawWebhook) {
      if (!keys.webhookSecret) throw new WebhookRejected('unconfigured', 'no webhook signing secret is configured');
      const header = raw.headers['stripe-signature'];
      if (typeof header !== 'string' || header.length === 0) throw new WebhookRejected('signature', 'Stripe-Signature is missing');
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(raw.body, header, keys.webhookSecret, STRIPE_TOLERANCE_SECONDS);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // Only a well-formed, correctly signed header that is too old is "stale"; anything else is a bad signature.
        throw new WebhookRejected(message === 'Timestamp outside the tolerance zone' ? 'stale' : 'signature', message);
      }
      // Signed by Stripe: a body we cannot read is malformed, not forged.
      try {
        return eventFromStripe(event);
      } catch (error) {
        throw new WebhookRejected('malformed', error instanceof Error ? error.message : String(error));
      }
    },

    async status(attempt: AttemptRow) {
      if (!attempt.externalId) return undefined;
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.retrieve(attempt.externalId);
      } catch (error) {
        throw new ProviderUnavailable('Stripe did not answer the session lookup', { cause: error });
      }
      const obj = session as unknown as Obj;
      const signal = sessionSignal(obj);
      const key = `session|${session.id}|${session.status}|${session.payment_status}`;
      return sessionEvent(obj, { eventKey: key, kind: `session.${session.status}`, source: 'status', payload: session }, signal);
    },

    async cancel(attempt: AttemptRow) {
      if (!attempt.externalId) return undefined;
      try {
        await stripe.checkout.sessions.expire(attempt.externalId);
      } catch (error) {
        // A session that completed (or expired) meanwhile cannot be expired: its status says which.
        if ((error as { statusCode?: number }).statusCode !== 400) {
          throw new ProviderUnavailable('Stripe did not expire the session', { cause: error });
        }
      }
      return this.status(attempt);
    },

    async refund(attempt, amount) {
      if (!attempt.paymentRef) throw new ProviderUnavailable('the attempt has no PaymentIntent to refund');
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: attempt.paymentRef, amount: toStripeAmount(amount), reason: 'requested_by_customer' },
          { idempotencyKey: `refund:${attempt.reference}` },
        );
        if (refund.status === 'failed' || refund.status === 'canceled') throw new Error(`refund ${refund.status}`);
        return {
          provider: 'stripe',
          eventKey: `refund|${refund.id}`,
          reference: attempt.reference,
          kind: 'refund',
          source: 'refund',
          signal: refund.amount === toStripeAmount(attempt.amount) ? 'refunded' : 'partial_refund',
          amount: rupiahFromStripe(refund.amount),
          payload: refund,
        };
      } catch (error) {
        throw new ProviderUnavailable('Stripe refused the refund', { cause: error });
      }
    },

    async testConnection() {
      try {
        await stripe.checkout.sessions.retrieve('cs_connection_test');
      } catch (error) {
        // A missing session is the expected answer for a valid key; an authentication error is not.
        if ((error as { statusCode?: number }).statusCode === 404) return;
        throw new ProviderUnavailable(
          (error as { statusCode?: number }).statusCode === 401 ? 'the secret key was refused' : 'Stripe did not answer',
          { cause: error },
        );
      }
    },
  };
}
