/**
 * A local server speaking the part of Midtrans' Snap and Core APIs the store uses, for tests without the internet.
 * The official `midtrans-client` reaches it when `ApiConfig.SNAP_SANDBOX_BASE_URL = fake.snapBase` and
 * `ApiConfig.CORE_SANDBOX_BASE_URL = fake.url` (static properties of `midtrans-client/lib/apiConfig.js`).
 *
 * API: POST /snap/v1/transactions → 201 {token, redirect_url}; errors 400/401 `{"error_messages":[…]}` as Snap answers.
 * A second create with an order_id already used is refused: every try needs a new attempt reference.
 * GET /v2/:order_id/status and POST /v2/:order_id/refund (Basic auth with the server key); Core API errors are
 * `{status_code, status_message}` with the same HTTP status (401, 404 "Transaction doesn't exist.", 412 not refundable).
 * A repeated refund_key answers the first refund again. A refund answers, then notifies in the background.
 *
 * As on Midtrans, creating a Snap token makes no transaction: `transactions` gets the order once a method is chosen on the
 * hosted page (or notify/setStatus is called); until then the status API answers 404. `snapOrders` holds the creates.
 * Hosted page GET /snap/v4/redirection/:token: buttons "Virtual account (BCA)" (pending + va_numbers), "QRIS"
 * (settlement), "Card" (capture, fraud accept), "Card (challenge)" (capture, fraud challenge), "Decline" (deny). Each
 * updates the transaction, sends the signed notification (awaited), then 303s to callbacks.finish with order_id,
 * status_code and transaction_status appended. Once a method was chosen the page shows the status (and the VA number).
 *
 * GET /snap/snap.js: a stand-in for Midtrans' snap.js (`window.snap.pay(token, callbacks)`): an overlay framing the hosted page
 * with `?popup=1`, where choosing a method posts the result to the shop's page instead of redirecting it.
 *
 * notify(): a signed notification reflects Midtrans' own state, so it also updates the transaction (gross amount
 * included); use setStatus() for a status API answer that contradicts a notification. notify() on an order the fake
 * never saw sends a notification anyway (the "unknown order id" case), stores nothing. `opts.signatureKey` forges.
 * notify() throws while `notificationUrl` is unset; the hosted page and refunds then send nothing.
 * Beyond the brief: `port`, `snapOrders`, `deliveries` (notifications sent, with the store's HTTP status; 0 = nobody
 * answered), `idle()` (waits for background notifications), and `midtransSignature()` exported.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { actionButton, escapeHtml, formatRupiah, hostedPage } from './hosted-page';
import { Background, type FakeOptions, listen, postJson, readBody, redirect, sendHtml, sendJson } from './http';

export type { FakeOptions } from './http';

export type MidtransStatus =
  | 'pending'
  | 'settlement'
  | 'capture'
  | 'deny'
  | 'cancel'
  | 'expire'
  | 'failure'
  | 'refund'
  | 'partial_refund'
  | 'chargeback';

export type FraudStatus = 'accept' | 'challenge' | 'deny';

export interface MidtransTx {
  order_id: string;
  transaction_id: string;
  transaction_status: MidtransStatus;
  fraud_status?: FraudStatus;
  status_code: string;
  status_message: string;
  /** As Midtrans writes it: "1500000.00". */
  gross_amount: string;
  currency: 'IDR';
  payment_type: string;
  transaction_time: string;
  settlement_time?: string;
  expiry_time?: string;
  va_numbers?: { bank: string; va_number: string }[];
  merchant_id: string;
  refund_amount?: string;
  refunds?: { refund_chargeback_id: number; refund_amount: string; created_at: string; reason: string; refund_key: string }[];
  /** Only when a test forced one through setStatus; otherwise computed from the fields at answer time. */
  signature_key?: string;
}

export interface SnapOrder {
  token: string;
  orderId: string;
  grossAmount: number;
  finishUrl: string | undefined;
  body: Record<string, unknown>;
  createdAt: number;
}

export interface MidtransRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface NotifyOptions {
  fraudStatus?: FraudStatus;
  paymentType?: string;
  grossAmount?: string;
  signatureKey?: string;
}

export interface MidtransFake {
  url: string;
  port: number;
  snapBase: string;
  serverKey: string;
  clientKey: string;
  notificationUrl: string | undefined;
  transactions: Map<string, MidtransTx>;
  snapOrders: Map<string, SnapOrder>;
  requests: MidtransRequest[];
  deliveries: { orderId: string; transactionStatus: string; status: number }[];
  notify(orderId: string, status: MidtransStatus, opts?: NotifyOptions): Promise<number>;
  setStatus(orderId: string, patch: Partial<MidtransTx>): void;
  idle(): Promise<void>;
  close(): Promise<void>;
}

const MERCHANT_ID = 'G000000000';
const MAX_ORDER_ID = 50;
const MAX_ITEM_NAME = 50;

/**
 * A stand-in for Midtrans' snap.js with its documented API, `window.snap.pay(token, { onSuccess,
 * onPending, onError, onClose })`: an overlay with the hosted page in a frame (popup mode) and a
 * close button; the frame's result message calls the callback its status code says (200 success,
 * 201 pending, else error). Styles are set through the CSSOM, as a strict style-src allows.
 */
const SNAP_JS = `(function () {
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  window.snap = {
    pay: function (token, callbacks) {
      var cb = callbacks || {};
      var overlay = document.createElement('div');
      overlay.setAttribute('data-snap-overlay', '');
      overlay.style.position = 'fixed';
      overlay.style.inset = '0';
      overlay.style.zIndex = '3000';
      overlay.style.background = 'rgba(0, 0, 0, 0.6)';
      overlay.style.display = 'flex';
      overlay.style.flexDirection = 'column';
      overlay.style.alignItems = 'center';
      overlay.style.justifyContent = 'center';
      var frame = document.createElement('iframe');
      frame.title = 'Midtrans Snap';
      frame.src = origin + '/snap/v4/redirection/' + encodeURIComponent(token) + '?popup=1';
      frame.style.width = 'min(420px, 94vw)';
      frame.style.height = 'min(560px, 80vh)';
      frame.style.border = '0';
      frame.style.background = '#fff';
      var close = document.createElement('button');
      close.type = 'button';
      close.textContent = 'Close payment';
      function done() {
        window.removeEventListener('message', onMessage);
        overlay.remove();
      }
      function onMessage(event) {
        if (event.origin !== origin || !event.data || event.data.source !== 'snap-fake') return;
        done();
        var result = event.data.result;
        if (result.status_code === '200') { if (cb.onSuccess) cb.onSuccess(result); }
        else if (result.status_code === '201') { if (cb.onPending) cb.onPending(result); }
        else if (cb.onError) cb.onError(result);
      }
      close.addEventListener('click', function () { done(); if (cb.onClose) cb.onClose(); });
      window.addEventListener('message', onMessage);
      overlay.append(frame, close);
      document.body.append(overlay);
    },
  };
})();
`;

/** anchors §3.2: hex(SHA512(order_id + status_code + gross_amount + ServerKey)) over the exact strings sent. */
export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex');
}

/** Midtrans' status codes: 200 success, 201 pending or held for review, 202 denied or failed, 407 expired. */
export function midtransStatusCode(status: MidtransStatus, fraud?: FraudStatus): string {
  if (status === 'pending') return '201';
  if (status === 'capture') return fraud === 'challenge' ? '201' : fraud === 'deny' ? '202' : '200';
  if (status === 'deny' || status === 'failure') return '202';
  if (status === 'expire') return '407';
  return '200';
}

/** Midtrans' own clock: Jakarta time, "YYYY-MM-DD HH:mm:ss". */
function jakartaTime(ms = Date.now()): string {
  return new Date(ms + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function money(rupiah: number): string {
  return `${rupiah}.00`;
}

function snapError(res: http.ServerResponse, status: number, ...messages: string[]): void {
  sendJson(res, status, { error_messages: messages });
}

function coreError(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { status_code: String(status), status_message: message, id: randomUUID() });
}

class SnapValidation extends Error {}

function record(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The Snap create checks the store depends on: a unique order_id, integer amounts that add up, short item names, expiry. */
function validateSnap(body: Record<string, unknown>): { orderId: string; grossAmount: number } {
  const td = record(body.transaction_details);
  const orderId = td?.order_id;
  if (typeof orderId !== 'string' || orderId === '') throw new SnapValidation('transaction_details.order_id is required');
  if (orderId.length > MAX_ORDER_ID || !/^[A-Za-z0-9\-_.~]+$/.test(orderId)) {
    throw new SnapValidation('transaction_details.order_id format is invalid');
  }
  const gross = td?.gross_amount;
  if (typeof gross !== 'number' || !Number.isSafeInteger(gross) || gross < 1) {
    throw new SnapValidation('transaction_details.gross_amount must be an integer greater than or equal to 1');
  }
  if (body.item_details !== undefined) {
    if (!Array.isArray(body.item_details)) throw new SnapValidation('item_details must be an array');
    let sum = 0;
    for (const raw of body.item_details) {
      const item = record(raw);
      if (!item || !Number.isSafeInteger(item.price) || !Number.isSafeInteger(item.quantity) || (item.quantity as number) < 1) {
        throw new SnapValidation('item_details.price and item_details.quantity must be integers');
      }
      if (typeof item.name !== 'string' || item.name === '') throw new SnapValidation('item_details.name is required');
      if (item.name.length > MAX_ITEM_NAME) throw new SnapValidation(`item_details.name must not exceed ${MAX_ITEM_NAME} characters`);
      sum += (item.price as number) * (item.quantity as number);
    }
    if (sum !== gross) throw new SnapValidation('transaction_details.gross_amount is not equal to the sum of item_details');
  }
  if (body.expiry !== undefined) {
    const ex = record(body.expiry);
    const units = ['second', 'minute', 'hour', 'day'];
    if (!ex || typeof ex.unit !== 'string' || !units.includes(ex.unit.replace(/s$/, '')))
      throw new SnapValidation('expiry.unit is invalid');
    if (!Number.isSafeInteger(ex.duration) || (ex.duration as number) < 1)
      throw new SnapValidation('expiry.duration must be a positive integer');
    if (
      ex.start_time !== undefined &&
      (typeof ex.start_time !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}$/.test(ex.start_time))
    ) {
      throw new SnapValidation('expiry.start_time format must be yyyy-MM-dd HH:mm:ss Z');
    }
  }
  return { orderId, grossAmount: gross };
}

function defaultPaymentType(status: MidtransStatus): string {
  return status === 'capture' || status === 'deny' ? 'credit_card' : status === 'pending' ? 'bank_transfer' : 'qris';
}

export async function startMidtransFake(opts: FakeOptions = {}): Promise<MidtransFake> {
  const background = new Background();
  const byToken = new Map<string, SnapOrder>();
  const refundsByKey = new Map<string, { status: number; body: unknown }>();
  let refundSeq = 1000;

  const fake: MidtransFake = {
    url: '',
    port: 0,
    snapBase: '',
    serverKey: `SB-Mid-server-fake${randomBytes(8).toString('hex')}`,
    clientKey: `SB-Mid-client-fake${randomBytes(8).toString('hex')}`,
    notificationUrl: undefined,
    transactions: new Map(),
    snapOrders: new Map(),
    requests: [],
    deliveries: [],
    notify,
    setStatus,
    idle: () => background.idle(),
    close: async () => {
      await background.idle();
      await listening.close();
    },
  };

  /** The transaction Midtrans makes when the customer picks a method: from the Snap order, pending until updated. */
  function openTx(orderId: string, status: MidtransStatus): MidtransTx | undefined {
    const existing = fake.transactions.get(orderId);
    if (existing) return existing;
    const order = fake.snapOrders.get(orderId);
    if (!order) return undefined;
    const tx: MidtransTx = {
      order_id: orderId,
      transaction_id: randomUUID(),
      transaction_status: 'pending',
      status_code: '201',
      status_message: 'Success, transaction is found',
      gross_amount: money(order.grossAmount),
      currency: 'IDR',
      payment_type: defaultPaymentType(status),
      transaction_time: jakartaTime(),
      merchant_id: MERCHANT_ID,
    };
    fake.transactions.set(orderId, tx);
    return tx;
  }

  function apply(tx: MidtransTx, status: MidtransStatus, o: NotifyOptions): void {
    tx.transaction_status = status;
    if (o.paymentType) tx.payment_type = o.paymentType;
    if (o.grossAmount) tx.gross_amount = o.grossAmount;
    if (o.fraudStatus) tx.fraud_status = o.fraudStatus;
    else if (status === 'capture' || status === 'settlement' || status === 'pending') tx.fraud_status ??= 'accept';
    else if (status === 'deny') tx.fraud_status ??= 'deny';
    tx.status_code = midtransStatusCode(status, tx.fraud_status);
    if (status === 'settlement') tx.settlement_time ??= jakartaTime();
    if (status === 'pending' && tx.payment_type === 'bank_transfer' && !tx.va_numbers) {
      tx.va_numbers = [{ bank: 'bca', va_number: `12345${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}` }];
      tx.expiry_time = jakartaTime(Date.now() + 24 * 3600_000);
    }
    tx.signature_key = undefined;
  }

  function view(tx: MidtransTx): MidtransTx {
    const signature_key = tx.signature_key ?? midtransSignature(tx.order_id, tx.status_code, tx.gross_amount, fake.serverKey);
    return { ...tx, signature_key };
  }

  async function deliver(body: Record<string, unknown>): Promise<number> {
    if (!fake.notificationUrl) throw new Error('midtrans fake: notificationUrl is not set');
    const status = await postJson(fake.notificationUrl, JSON.stringify(body), { 'user-agent': 'Veritrans' });
    fake.deliveries.push({ orderId: String(body.order_id), transactionStatus: String(body.transaction_status), status });
    return status;
  }

  async function notify(orderId: string, status: MidtransStatus, o: NotifyOptions = {}): Promise<number> {
    const tx = openTx(orderId, status);
    let body: Record<string, unknown>;
    if (tx) {
      apply(tx, status, o);
      body = { ...view(tx), status_message: 'midtrans payment notification' };
    } else {
      const fraud = o.fraudStatus ?? 'accept';
      const statusCode = midtransStatusCode(status, fraud);
      const gross = o.grossAmount ?? '10000.00';
      body = {
        transaction_time: jakartaTime(),
        transaction_status: status,
        transaction_id: randomUUID(),
        status_message: 'midtrans payment notification',
        status_code: statusCode,
        signature_key: midtransSignature(orderId, statusCode, gross, fake.serverKey),
        payment_type: o.paymentType ?? defaultPaymentType(status),
        order_id: orderId,
        merchant_id: MERCHANT_ID,
        gross_amount: gross,
        fraud_status: fraud,
        currency: 'IDR',
      };
    }
    if (o.signatureKey !== undefined) body.signature_key = o.signatureKey;
    return deliver(body);
  }

  function setStatus(orderId: string, patch: Partial<MidtransTx>): void {
    const tx = openTx(orderId, patch.transaction_status ?? 'pending');
    if (!tx) throw new Error(`midtrans fake: no Snap transaction for ${orderId}`);
    Object.assign(tx, patch);
    if (patch.transaction_status && patch.status_code === undefined)
      tx.status_code = midtransStatusCode(tx.transaction_status, tx.fraud_status);
  }

  function authorised(req: http.IncomingMessage): boolean {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Basic ')) return false;
    const [user] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':');
    return user === fake.serverKey;
  }

  function createSnap(res: http.ServerResponse, body: Record<string, unknown>) {
    let checked: { orderId: string; grossAmount: number };
    try {
      checked = validateSnap(body);
    } catch (err) {
      if (err instanceof SnapValidation) return snapError(res, 400, err.message);
      throw err;
    }
    if (fake.snapOrders.has(checked.orderId)) return snapError(res, 400, 'transaction_details.order_id has already been taken');
    const callbacks = record(body.callbacks);
    const order: SnapOrder = {
      token: randomUUID(),
      orderId: checked.orderId,
      grossAmount: checked.grossAmount,
      finishUrl: typeof callbacks?.finish === 'string' ? callbacks.finish : undefined,
      body,
      createdAt: Date.now(),
    };
    fake.snapOrders.set(order.orderId, order);
    byToken.set(order.token, order);
    sendJson(res, 201, { token: order.token, redirect_url: `${fake.url}/snap/v4/redirection/${order.token}` });
  }

  function refund(res: http.ServerResponse, orderId: string, body: Record<string, unknown>) {
    const key = typeof body.refund_key === 'string' ? body.refund_key : undefined;
    const prior = key !== undefined ? refundsByKey.get(`${orderId} ${key}`) : undefined;
    if (prior) return sendJson(res, prior.status, prior.body);
    const tx = fake.transactions.get(orderId);
    if (!tx) return coreError(res, 404, "Transaction doesn't exist.");
    const refundable =
      ['settlement', 'partial_refund'].includes(tx.transaction_status) ||
      (tx.transaction_status === 'capture' && tx.fraud_status === 'accept');
    if (!refundable) return coreError(res, 412, 'Merchant cannot modify the status of the transaction');
    const gross = Number.parseFloat(tx.gross_amount);
    const already = Number.parseFloat(tx.refund_amount ?? '0');
    const amount = body.amount === undefined ? gross - already : body.amount;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1 || amount > gross - already) {
      return coreError(res, 412, 'Refund amount is invalid or exceeds the remaining amount');
    }
    const total = already + amount;
    const entry = {
      refund_chargeback_id: ++refundSeq,
      refund_amount: money(amount),
      created_at: jakartaTime(),
      reason: typeof body.reason === 'string' ? body.reason : '',
      refund_key: key ?? randomUUID(),
    };
    tx.refunds = [...(tx.refunds ?? []), entry];
    tx.refund_amount = money(total);
    apply(tx, total === gross ? 'refund' : 'partial_refund', {});
    const answer = {
      status_code: '200',
      status_message: 'Success, refund request is approved',
      transaction_id: tx.transaction_id,
      order_id: tx.order_id,
      gross_amount: tx.gross_amount,
      currency: 'IDR',
      payment_type: tx.payment_type,
      transaction_time: tx.transaction_time,
      transaction_status: tx.transaction_status,
      refund_chargeback_id: entry.refund_chargeback_id,
      refund_amount: entry.refund_amount,
      refund_key: entry.refund_key,
    };
    if (key !== undefined) refundsByKey.set(`${orderId} ${key}`, { status: 200, body: answer });
    sendJson(res, 200, answer);
    const note = { ...view(tx), status_message: 'midtrans payment notification' };
    if (fake.notificationUrl) background.run(() => deliver(note));
  }

  const methods: Record<string, { label: string; status: MidtransStatus; paymentType: string; fraud?: FraudStatus }> = {
    bca_va: { label: 'Virtual account (BCA)', status: 'pending', paymentType: 'bank_transfer' },
    qris: { label: 'QRIS', status: 'settlement', paymentType: 'qris' },
    card: { label: 'Card', status: 'capture', paymentType: 'credit_card', fraud: 'accept' },
    card_challenge: { label: 'Card (challenge)', status: 'capture', paymentType: 'credit_card', fraud: 'challenge' },
    decline: { label: 'Decline', status: 'deny', paymentType: 'credit_card', fraud: 'deny' },
  };

  function page(res: http.ServerResponse, order: SnapOrder, popup = false) {
    const tx = fake.transactions.get(order.orderId);
    const head = `<p>Test payment page (local fake).</p>
<p>Amount due: <span class="amount">${escapeHtml(formatRupiah(order.grossAmount))}</span></p>
<p>Order: ${escapeHtml(order.orderId)}</p>`;
    if (!tx) {
      const base = `/snap/v4/redirection/${encodeURIComponent(order.token)}/pay`;
      const buttons = Object.entries(methods)
        .map(([method, m]) => actionButton(base, m.label, popup ? { method, popup: '1' } : { method }))
        .join('');
      return sendHtml(res, 200, hostedPage('Choose a payment method', `${head}<div class="actions">${buttons}</div>`));
    }
    const va = tx.va_numbers?.[0];
    const vaHtml =
      tx.transaction_status === 'pending' && va
        ? `<p>Transfer to ${escapeHtml(va.bank.toUpperCase())} virtual account number <code>${escapeHtml(va.va_number)}</code>
before ${escapeHtml(tx.expiry_time ?? '')} (Jakarta time).</p>`
        : '';
    const back = order.finishUrl ? `<p><a href="${escapeHtml(finishUrl(order, tx))}">Back to the shop</a></p>` : '';
    sendHtml(res, 200, hostedPage('Payment status', `${head}<p>Status: ${escapeHtml(tx.transaction_status)}</p>${vaHtml}${back}`));
  }

  function finishUrl(order: SnapOrder, tx: MidtransTx): string {
    const base = order.finishUrl ?? '';
    const query = new URLSearchParams({ order_id: tx.order_id, status_code: tx.status_code, transaction_status: tx.transaction_status });
    return `${base}${base.includes('?') ? '&' : '?'}${query}`;
  }

  async function choose(res: http.ServerResponse, order: SnapOrder, raw: string): Promise<void> {
    const m = methods[new URLSearchParams(raw).get('method') ?? ''];
    if (!m || fake.transactions.has(order.orderId)) return page(res, order);
    const tx = openTx(order.orderId, m.status)!;
    apply(tx, m.status, { paymentType: m.paymentType, fraudStatus: m.fraud });
    if (fake.notificationUrl) await deliver({ ...view(tx), status_message: 'midtrans payment notification' });
    // In snap.js's popup the page tells the shop's page the result instead of redirecting it.
    if (new URLSearchParams(raw).get('popup') === '1') return popupResult(res, tx);
    if (!order.finishUrl) return page(res, order);
    redirect(res, finishUrl(order, tx));
  }

  function popupResult(res: http.ServerResponse, tx: MidtransTx): void {
    const result = { order_id: tx.order_id, status_code: tx.status_code, transaction_status: tx.transaction_status };
    sendHtml(
      res,
      200,
      hostedPage(
        'Payment status',
        `<p>Status: ${escapeHtml(tx.transaction_status)}</p>
<script>parent.postMessage({ source: 'snap-fake', result: ${JSON.stringify(result).replaceAll('<', '\\u003c')} }, '*');</script>`,
      ),
    );
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (method === 'GET' && path === '/snap/snap.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(SNAP_JS);
      return;
    }
    const hosted = /^\/snap\/v4\/redirection\/([^/]+)(\/pay)?$/.exec(path);
    if (hosted) {
      const order = byToken.get(decodeURIComponent(hosted[1]!));
      if (!order) return sendHtml(res, 404, hostedPage('Not found', '<p>No such payment.</p>'));
      if (method === 'POST' && hosted[2]) return choose(res, order, raw);
      return page(res, order, new URL(req.url ?? '/', 'http://fake').searchParams.get('popup') === '1');
    }
    let body: unknown = {};
    try {
      body = raw === '' ? {} : JSON.parse(raw);
    } catch {
      body = undefined;
    }
    fake.requests.push({ method, path, body });
    if (method === 'POST' && path === '/snap/v1/transactions') {
      if (!authorised(req)) return snapError(res, 401, 'Access denied, please check client or server key');
      const obj = record(body);
      return obj ? createSnap(res, obj) : snapError(res, 400, 'Request body is not valid JSON');
    }
    const core = /^\/v2\/([^/]+)\/(status|refund)$/.exec(path);
    if (!core) return coreError(res, 404, 'The requested resource is not found');
    if (!authorised(req)) return coreError(res, 401, 'Transaction cannot be authorized with the current client/server key.');
    const orderId = decodeURIComponent(core[1]!);
    if (core[2] === 'status' && method === 'GET') {
      const tx = fake.transactions.get(orderId);
      if (!tx) return coreError(res, 404, "Transaction doesn't exist.");
      return sendJson(res, 200, view(tx));
    }
    if (core[2] === 'refund' && method === 'POST') return refund(res, orderId, record(body) ?? {});
    coreError(res, 405, 'Method not allowed');
  }

  const listening = await listen(handle, opts);
  fake.url = listening.url;
  fake.port = listening.port;
  fake.snapBase = `${listening.url}/snap/v1`;
  return fake;
}
