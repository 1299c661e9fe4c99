/**
 * A local server speaking the part of Stripe's API the store uses, for tests without the internet. The official `stripe`
 * SDK reaches it with `new Stripe(fake.secretKey, { host: '127.0.0.1', port, protocol: 'http' })` (port from `fake.url`).
 *
 * API: POST /v1/checkout/sessions (Idempotency-Key replayed; same key, other params → 400 idempotency_error),
 * GET /v1/checkout/sessions/:id, POST /v1/checkout/sessions/:id/expire (sends checkout.session.expired),
 * POST /v1/refunds (answers, then sends charge.refunded in the background). Errors are Stripe's `{error:{type,message,code?}}`.
 * Hosted page: GET /c/pay/:id with buttons "Pay" (complete + paid, checkout.session.completed sent and awaited, then 303 to
 * success_url with {CHECKOUT_SESSION_ID} replaced) and "Decline" (303 to cancel_url, the session stays open).
 *
 * Beyond the brief's fields: `deliveries` (every webhook sent: event type, id, HTTP status; 0 = nobody answered),
 * `events` (every event built, by id), `idle()` (waits for webhooks sent in the background), and sendEvent's
 * `signatureHeader` option (a literal Stripe-Signature header, or null to send none) for the unsigned/forged cases,
 * `resendEvent(id)` (a retry: the stored event byte for byte under a fresh signature, for replay/duplicate tests), and
 * `signedEvent(type, object)` (body and headers without sending, for a benchmark's own concurrent client).
 * Session objects in `sessions` also hold `line_items_input` (the parsed line items), which the API does not return.
 * sendEvent/resendEvent throw while `webhookUrl` is unset; pay(), the hosted page, expire and refunds then send nothing.
 * `expires_at` must lie 30 min..24 h ahead as Stripe demands, with 5 s of slack for the clock between store and fake.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type http from 'node:http';
import { type FormValue, parseStripeForm } from './form';
import { actionButton, escapeHtml, formatRupiah, hostedPage } from './hosted-page';
import { Background, type FakeOptions, listen, postJson, readBody, redirect, sendHtml, sendJson } from './http';

export type { FakeOptions } from './http';

export type StripePayOutcome = 'paid' | 'async_pending' | 'async_failed' | 'async_succeeded' | 'expired';

export interface StripeSession {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string;
  client_reference_id: string | null;
  created: number;
  currency: string;
  expires_at: number;
  line_items_input: { name: string; unit_amount: number; quantity: number }[];
  livemode: false;
  metadata: Record<string, string>;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'unpaid' | 'paid' | 'no_payment_required';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  url: string | null;
}

export interface StripeRequest {
  method: string;
  path: string;
  idempotencyKey?: string;
  body: Record<string, unknown>;
}

export interface StripeEvent {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  data: { object: object };
}

export interface SendEventOptions {
  id?: string;
  /** Unix seconds for `t=` (a stale event: now − 301). */
  timestamp?: number;
  /** Sign with this secret instead of the fake's (a forged event). */
  secret?: string;
  /** Send exactly this Stripe-Signature header, or none with null. */
  signatureHeader?: string | null;
}

/** An event ready to POST: the exact body and headers the fake would send (for a benchmark's own client). */
export interface SignedDelivery {
  event: StripeEvent;
  raw: string;
  headers: Record<string, string>;
}

export interface StripeFake {
  url: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  webhookUrl: string | undefined;
  sessions: Map<string, StripeSession>;
  requests: StripeRequest[];
  events: Map<string, StripeEvent>;
  deliveries: { eventId: string; type: string; status: number }[];
  sendEvent(type: string, object: object, opts?: SendEventOptions): Promise<number>;
  resendEvent(eventId: string, opts?: SendEventOptions): Promise<number>;
  signedEvent(type: string, object: object, opts?: SendEventOptions): SignedDelivery;
  pay(sessionId: string, outcome: StripePayOutcome): Promise<void>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** The version the installed SDK pins; events carry it like Stripe's do. */
export const STRIPE_FAKE_API_VERSION = '2026-11-18.endive';

const MIN_EXPIRY_S = 30 * 60;
const MAX_EXPIRY_S = 24 * 60 * 60;
const CLOCK_SLACK_S = 5;

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
  toJSON() {
    return { error: { type: this.type, message: this.message, code: this.code, param: this.param } };
  }
}

function invalid(message: string, param?: string, code = 'parameter_invalid'): StripeError {
  return new StripeError(400, 'invalid_request_error', message, code, param);
}

function randomId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}

const nowS = () => Math.floor(Date.now() / 1000);

/** Stripe-Signature over `${t}.${raw}` (anchors §3.1: the literal secret, whsec_ prefix included, is the HMAC key). */
export function stripeSignature(raw: string, secret: string, timestamp: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

function str(v: FormValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function obj(v: FormValue | undefined): Record<string, FormValue> | undefined {
  return v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

function integer(v: FormValue | undefined, param: string, min: number): number {
  const s = str(v);
  if (s === undefined || !/^-?\d+$/.test(s)) throw invalid(`Invalid integer: ${s ?? ''}`, param);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n < min) throw invalid(`This value must be greater than or equal to ${min}.`, param);
  return n;
}

function lineItems(v: FormValue | undefined, currency: string): StripeSession['line_items_input'] {
  if (!Array.isArray(v) || v.length === 0) throw invalid('You must specify `line_items` in `payment` mode.', 'line_items');
  return v.map((item, i) => {
    const it = obj(item);
    const pd = obj(it?.price_data);
    if (!it || !pd) throw invalid('You must specify either `price` or `price_data` in each line item.', `line_items[${i}]`);
    if (str(pd.currency) !== currency)
      throw invalid('All line items must use the session currency.', `line_items[${i}][price_data][currency]`);
    const name = str(obj(pd.product_data)?.name);
    if (!name)
      throw invalid(
        'Missing required param: line_items[].price_data.product_data.name.',
        `line_items[${i}][price_data][product_data][name]`,
      );
    return {
      name,
      unit_amount: integer(pd.unit_amount, `line_items[${i}][price_data][unit_amount]`, 0),
      quantity: integer(it.quantity, `line_items[${i}][quantity]`, 1),
    };
  });
}

function checkUrl(v: FormValue | undefined, param: string): string {
  const s = str(v);
  if (!s) throw invalid(`Missing required param: ${param}.`, param, 'parameter_missing');
  if (!/^https?:\/\//.test(s)) throw invalid('Not a valid URL', param, 'url_invalid');
  return s;
}

export async function startStripeFake(opts: FakeOptions = {}): Promise<StripeFake> {
  const secretKey = `sk_test_fake_${randomBytes(8).toString('hex')}`;
  const background = new Background();
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  const byPaymentIntent = new Map<string, { sessionId: string; refunded: number; chargeId: string }>();

  const fake: StripeFake = {
    url: '',
    port: 0,
    secretKey,
    webhookSecret: `whsec_fake_${randomBytes(16).toString('hex')}`,
    webhookUrl: undefined,
    sessions: new Map(),
    requests: [],
    events: new Map(),
    deliveries: [],
    sendEvent,
    resendEvent,
    signedEvent,
    pay,
    idle: () => background.idle(),
    close: async () => {
      await background.idle();
      await listening.close();
    },
  };

  function publicSession(s: StripeSession): Omit<StripeSession, 'line_items_input'> {
    const { line_items_input: _omit, ...rest } = s;
    return rest;
  }

  function signedEvent(type: string, object: object, o: SendEventOptions = {}): SignedDelivery {
    const event: StripeEvent = {
      id: o.id ?? randomId('evt_'),
      object: 'event',
      type,
      created: nowS(),
      livemode: false,
      api_version: STRIPE_FAKE_API_VERSION,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    };
    fake.events.set(event.id, event);
    return sign(event, o);
  }

  function sign(event: StripeEvent, o: SendEventOptions): SignedDelivery {
    // Stripe sends pretty-printed JSON: a receiver that re-serialises the body before verifying fails, as it would live.
    const raw = JSON.stringify(event, null, 2);
    const header =
      o.signatureHeader === undefined ? stripeSignature(raw, o.secret ?? fake.webhookSecret, o.timestamp ?? nowS()) : o.signatureHeader;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    };
    if (header !== null) headers['stripe-signature'] = header;
    return { event, raw, headers };
  }

  async function deliver(d: SignedDelivery): Promise<number> {
    if (!fake.webhookUrl) throw new Error('stripe fake: webhookUrl is not set');
    const status = await postJson(fake.webhookUrl, d.raw, d.headers);
    fake.deliveries.push({ eventId: d.event.id, type: d.event.type, status });
    return status;
  }

  async function sendEvent(type: string, object: object, o: SendEventOptions = {}): Promise<number> {
    if (!fake.webhookUrl) throw new Error('stripe fake: webhookUrl is not set');
    return deliver(signedEvent(type, object, o));
  }

  /** A retry as Stripe makes it: the same event, byte for byte, under a fresh signature. */
  async function resendEvent(eventId: string, o: SendEventOptions = {}): Promise<number> {
    const event = fake.events.get(eventId);
    if (!event) throw new Error(`stripe fake: no event ${eventId}`);
    return deliver(sign(event, o));
  }

  /** Sends when a receiver is configured; a session can be paid in a test that only looks at the fake. */
  async function maybeSend(type: string, object: object): Promise<void> {
    if (fake.webhookUrl) await sendEvent(type, object);
  }

  function session(id: string): StripeSession {
    const s = fake.sessions.get(id);
    if (!s) throw new StripeError(404, 'invalid_request_error', `No such checkout.session: '${id}'`, 'resource_missing', 'session');
    return s;
  }

  function complete(s: StripeSession, paymentStatus: 'paid' | 'unpaid'): void {
    if (s.status !== 'open') throw invalid(`This Checkout Session is ${s.status}.`);
    s.status = 'complete';
    s.payment_status = paymentStatus;
    s.url = null;
    s.payment_intent = randomId('pi_');
    byPaymentIntent.set(s.payment_intent, { sessionId: s.id, refunded: 0, chargeId: randomId('ch_') });
  }

  function expire(s: StripeSession): void {
    if (s.status !== 'open') {
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired. This session has a status of "${s.status}".`);
    }
    s.status = 'expired';
    s.url = null;
  }

  async function pay(sessionId: string, outcome: StripePayOutcome): Promise<void> {
    const s = session(sessionId);
    if (outcome === 'expired') {
      expire(s);
      return maybeSend('checkout.session.expired', publicSession(s));
    }
    if (outcome === 'paid') {
      complete(s, 'paid');
      return maybeSend('checkout.session.completed', publicSession(s));
    }
    // Delayed methods: completed with payment_status unpaid first, then succeeded or failed (from an open session, both).
    if (s.status === 'open') {
      complete(s, 'unpaid');
      await maybeSend('checkout.session.completed', publicSession(s));
    }
    if (outcome === 'async_pending') return;
    if (s.status !== 'complete' || s.payment_status !== 'unpaid') throw new Error(`stripe fake: session ${s.id} is not awaiting payment`);
    if (outcome === 'async_succeeded') s.payment_status = 'paid';
    await maybeSend(`checkout.session.async_payment_${outcome === 'async_succeeded' ? 'succeeded' : 'failed'}`, publicSession(s));
  }

  function createSession(p: Record<string, FormValue>): StripeSession {
    if (str(p.mode) !== 'payment') throw invalid('The fake supports `mode=payment` only.', 'mode');
    const currency = str(p.currency);
    if (currency !== 'idr') throw invalid('The fake supports `currency=idr` only.', 'currency');
    const items = lineItems(p.line_items, currency);
    const success_url = checkUrl(p.success_url, 'success_url');
    const cancel_url = checkUrl(p.cancel_url, 'cancel_url');
    const created = nowS();
    const expires_at = p.expires_at === undefined ? created + MAX_EXPIRY_S : integer(p.expires_at, 'expires_at', 0);
    if (expires_at < created + MIN_EXPIRY_S - CLOCK_SLACK_S) {
      throw invalid('The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.', 'expires_at');
    }
    if (expires_at > created + MAX_EXPIRY_S + CLOCK_SLACK_S) {
      throw invalid('The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.', 'expires_at');
    }
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(obj(p.metadata) ?? {})) {
      if (typeof v !== 'string') throw invalid('Invalid metadata value', `metadata[${k}]`);
      metadata[k] = v;
    }
    const total = items.reduce((sum, it) => sum + it.unit_amount * it.quantity, 0);
    if (total > 999_999_999_999) throw invalid('Amount must be no more than 12 digits for IDR.', 'line_items', 'amount_too_large');
    const id = `cs_test_${randomBytes(16).toString('hex')}`;
    const s: StripeSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      cancel_url,
      client_reference_id: str(p.client_reference_id) ?? null,
      created,
      currency,
      expires_at,
      line_items_input: items,
      livemode: false,
      metadata,
      mode: 'payment',
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url,
      url: `${fake.url}/c/pay/${id}`,
    };
    fake.sessions.set(id, s);
    return s;
  }

  function refund(p: Record<string, FormValue>): object {
    const pi = str(p.payment_intent);
    if (!pi) throw invalid('Missing required param: payment_intent.', 'payment_intent', 'parameter_missing');
    const paid = byPaymentIntent.get(pi);
    const s = paid && fake.sessions.get(paid.sessionId);
    if (!paid || !s)
      throw new StripeError(404, 'invalid_request_error', `No such payment_intent: '${pi}'`, 'resource_missing', 'payment_intent');
    if (s.payment_status !== 'paid') throw invalid(`This PaymentIntent (${pi}) does not have a successful charge to refund.`);
    const remaining = s.amount_total - paid.refunded;
    if (remaining === 0) throw invalid(`Charge ${paid.chargeId} has already been refunded.`, undefined, 'charge_already_refunded');
    const amount = p.amount === undefined ? remaining : integer(p.amount, 'amount', 1);
    if (amount > remaining) {
      throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`, 'amount', 'amount_too_large');
    }
    paid.refunded += amount;
    const re = {
      id: randomId('re_'),
      object: 'refund',
      amount,
      currency: s.currency,
      payment_intent: pi,
      charge: paid.chargeId,
      status: 'succeeded',
      created: nowS(),
    };
    const charge = {
      id: paid.chargeId,
      object: 'charge',
      amount: s.amount_total,
      amount_refunded: paid.refunded,
      currency: s.currency,
      payment_intent: pi,
      refunded: paid.refunded === s.amount_total,
      status: 'succeeded',
    };
    // Stripe answers first and delivers the event on its own schedule.
    background.run(() => maybeSend('charge.refunded', charge));
    return re;
  }

  function authorise(req: http.IncomingMessage): void {
    const auth = req.headers.authorization ?? '';
    const key = auth.startsWith('Bearer ')
      ? auth.slice(7)
      : auth.startsWith('Basic ')
        ? Buffer.from(auth.slice(6), 'base64').toString().split(':')[0]
        : '';
    if (!key) {
      throw new StripeError(
        401,
        'invalid_request_error',
        'You did not provide an API key. Provide it in the Authorization header (Bearer auth).',
      );
    }
    if (key !== secretKey)
      throw new StripeError(401, 'invalid_request_error', `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`);
  }

  async function api(req: http.IncomingMessage, res: http.ServerResponse, path: string, raw: string): Promise<void> {
    const method = req.method ?? 'GET';
    const idempotencyKey = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined;
    let params: Record<string, FormValue> = {};
    try {
      params = parseStripeForm(raw);
    } catch {
      // recorded below with an empty body; the route answers 400
    }
    fake.requests.push({ method, path, idempotencyKey, body: params });
    let status = 200;
    let body: unknown;
    try {
      authorise(req);
      const prior = method === 'POST' && idempotencyKey !== undefined ? idempotent.get(idempotencyKey) : undefined;
      const fingerprint = `${method} ${path} ${raw}`;
      if (prior) {
        if (prior.fingerprint !== fingerprint) {
          throw new StripeError(
            400,
            'idempotency_error',
            'Keys for idempotent requests can only be used with the same parameters they were first used with. ' +
              `Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          );
        }
        res.setHeader('idempotent-replayed', 'true');
        return sendJson(res, prior.status, prior.body);
      }
      try {
        body = route(method, path, params);
      } catch (err) {
        if (!(err instanceof StripeError)) throw err;
        [status, body] = [err.status, err.toJSON()];
      }
      // Stripe stores the outcome, errors included, once execution began.
      if (method === 'POST' && idempotencyKey !== undefined) idempotent.set(idempotencyKey, { fingerprint, status, body });
    } catch (err) {
      if (!(err instanceof StripeError)) throw err;
      [status, body] = [err.status, err.toJSON()];
    }
    sendJson(res, status, body);
  }

  function route(method: string, path: string, params: Record<string, FormValue>): unknown {
    if (method === 'POST' && path === '/v1/checkout/sessions') return publicSession(createSession(params));
    if (method === 'POST' && path === '/v1/refunds') return refund(params);
    const m = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (m && method === 'GET' && !m[2]) return publicSession(session(decodeURIComponent(m[1]!)));
    if (m && method === 'POST' && m[2]) {
      const s = session(decodeURIComponent(m[1]!));
      expire(s);
      background.run(() => maybeSend('checkout.session.expired', publicSession(s)));
      return publicSession(s);
    }
    throw new StripeError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${path}).`);
  }

  function hosted(res: http.ServerResponse, s: StripeSession) {
    if (s.status !== 'open') {
      return sendHtml(res, 410, hostedPage('Payment unavailable', `<p>This checkout session is ${escapeHtml(s.status)}.</p>`));
    }
    const base = `/c/pay/${encodeURIComponent(s.id)}`;
    const body = `<p>Test payment page (local fake).</p>
<p>Amount due: <span class="amount">${escapeHtml(formatRupiah(s.amount_total / 100))}</span></p>
<p>Reference: ${escapeHtml(s.client_reference_id ?? s.id)}</p>
<div class="actions">${actionButton(`${base}/pay`, 'Pay')}${actionButton(`${base}/decline`, 'Decline')}</div>`;
    sendHtml(res, 200, hostedPage('Pay with card', body));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const raw = await readBody(req);
    if (path.startsWith('/v1/')) return api(req, res, path, raw);
    const page = /^\/c\/pay\/([^/]+)(?:\/(pay|decline))?$/.exec(path);
    const s = page ? fake.sessions.get(decodeURIComponent(page[1]!)) : undefined;
    if (!page || !s) return sendHtml(res, 404, hostedPage('Not found', '<p>No such checkout session.</p>'));
    if (req.method === 'GET' && !page[2]) return hosted(res, s);
    if (req.method !== 'POST' || !page[2]) return sendHtml(res, 405, hostedPage('Not allowed', '<p>Method not allowed.</p>'));
    if (s.status !== 'open') return hosted(res, s);
    if (page[2] === 'decline') return redirect(res, s.cancel_url);
    complete(s, 'paid');
    await maybeSend('checkout.session.completed', publicSession(s));
    redirect(res, s.success_url.replaceAll('{CHECKOUT_SESSION_ID}', s.id));
  }

  const listening = await listen(handle, opts);
  fake.url = listening.url;
  fake.port = listening.port;
  return fake;
}
