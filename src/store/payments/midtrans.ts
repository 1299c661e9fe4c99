/**
 * Midtrans Snap (P4), through the official `midtrans-client`: a Snap transaction per attempt in
 * redirect mode, notifications checked by their `signature_key` and then confirmed with the status
 * API (the answer we act on is the status API's, never the notification's), refunds through the
 * core API. Every amount is whole rupiah; `gross_amount` is the sum of the item details.
 */
import { withQuery } from '../../lib/url';
import { createHash, timingSafeEqual } from 'node:crypto';
import midtrans from 'midtrans-client';
import ApiConfig from 'midtrans-client/lib/apiConfig.js';
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

export interface MidtransKeys {
  serverKey: string;
  clientKey?: string;
  production: boolean;
  /** Other servers for the core (status, refund) and Snap APIs: staging and tests. */
  apiBase?: string;
  snapBase?: string;
}

/** Midtrans refuses longer item names. */
const ITEM_NAME_MAX = 50;

/** hex(SHA-512(order_id + status_code + gross_amount + server key)) over the exact strings received. */
export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Midtrans' transaction status (with the fraud verdict for cards) in the shop's words. */
export function midtransSignal(status: string, fraud?: string): PaymentSignal {
  switch (status) {
    case 'pending':
    case 'authorize':
      return 'pending';
    case 'capture':
      return fraud === 'challenge' ? 'review' : fraud === 'deny' ? 'failed' : 'paid';
    case 'settlement':
      return 'paid';
    case 'deny':
    case 'failure':
      return 'failed';
    case 'cancel':
      return 'canceled';
    case 'expire':
      return 'expired';
    case 'refund':
      return 'refunded';
    case 'partial_refund':
      return 'partial_refund';
    case 'chargeback':
    case 'partial_chargeback':
      return 'chargeback';
    default:
      return 'none';
  }
}

/** "1500000.00" → 1500000; anything that is not whole rupiah → NaN (never equal to an order's total). */
export function rupiahFromMidtrans(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  return /^\d{1,15}(\.0{1,2})?$/.test(text) ? Number(text.split('.')[0]) : Number.NaN;
}

/** "2026-12-03 10:05:00 +0700": Midtrans' time format, in WIB. */
export function midtransTime(date: Date): string {
  const wib = new Date(date.getTime() + 7 * 3_600_000).toISOString();
  return `${wib.slice(0, 10)} ${wib.slice(11, 19)} +0700`;
}

const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** The Snap request for one attempt: items and shipping as item details summing to the total. */
export function snapTransaction(ctx: StartContext): Record<string, unknown> {
  const { order, items, attempt } = ctx;
  const itemDetails = items.map((i) => ({
    id: truncate(i.sku, 50),
    price: i.unitPrice,
    quantity: i.quantity,
    name: truncate(i.name, ITEM_NAME_MAX),
    brand: truncate(i.brand, 50),
  }));
  if (order.shippingCharge > 0) {
    itemDetails.push({
      id: 'SHIPPING',
      price: order.shippingCharge,
      quantity: 1,
      name: truncate(`Ongkir ${order.shippingCourier} ${order.shippingServiceName}`, ITEM_NAME_MAX),
      brand: order.shippingCourier,
    });
  }
  const gross = itemDetails.reduce((sum, i) => sum + i.price * i.quantity, 0);
  // The order's total is the sum of its lines and its shipping (a database check); say so loudly if not.
  if (gross !== attempt.amount) throw new Error(`Midtrans items sum to ${gross}, the attempt is for ${attempt.amount}`);
  const minutes = Math.max(1, Math.ceil((attempt.expiresAt.getTime() - ctx.now.getTime()) / 60_000));
  return {
    transaction_details: { order_id: attempt.reference, gross_amount: gross },
    item_details: itemDetails,
    customer_details: {
      first_name: truncate(order.customerName, 100),
      email: order.email,
      phone: order.shipPhone,
      shipping_address: {
        first_name: truncate(order.shipRecipient, 100),
        phone: order.shipPhone,
        address: truncate(order.shipStreet, 200),
        city: order.shipCity,
        postal_code: order.shipPostalCode,
        country_code: 'IDN',
      },
    },
    // The payment expires with our reservation, so money cannot arrive for units we gave back.
    expiry: { start_time: midtransTime(ctx.now), unit: 'minute', duration: minutes },
    // The Snap page itself (24 h by default, reopenable with the token) closes with the payment; Midtrans' minimum is 5 minutes.
    page_expiry: { duration: Math.max(5, minutes), unit: 'minute' },
    callbacks: { finish: withQuery(ctx.returnUrl, 'bayar=selesai') },
  };
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * What the waiting page shows: virtual account numbers, Mandiri bill key, minimarket payment code.
 * Labels are `kind:name` (e.g. `va:BCA`), worded in the customer's language by the page.
 */
function instructionsOf(status: Json): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const vas = Array.isArray(status.va_numbers) ? (status.va_numbers as Json[]) : [];
  for (const va of vas) {
    const bank = str(va.bank);
    const number = str(va.va_number);
    if (bank && number) out.push({ label: `va:${bank.toUpperCase()}`, value: number });
  }
  const permata = str(status.permata_va_number);
  if (permata) out.push({ label: 'va:PERMATA', value: permata });
  const billKey = str(status.bill_key);
  const billerCode = str(status.biller_code);
  if (billKey && billerCode) out.push({ label: 'biller_code:Mandiri', value: billerCode }, { label: 'bill_key:Mandiri', value: billKey });
  const code = str(status.payment_code);
  if (code) out.push({ label: `payment_code:${(str(status.store) ?? '').toUpperCase()}`, value: code });
  return out;
}

function channelOf(status: Json): string | undefined {
  const type = str(status.payment_type);
  if (!type) return undefined;
  const vas = Array.isArray(status.va_numbers) ? (status.va_numbers as Json[]) : [];
  const bank = str(vas[0]?.bank) ?? (status.permata_va_number ? 'permata' : undefined) ?? str(status.store);
  return bank ? `${type}:${bank}` : type;
}

/** A confirmed status answer as an event; its key is what makes a repeated status change nothing. */
export function eventFromStatus(status: Json, source: VerifiedEvent['source'], notification?: Json): VerifiedEvent {
  const orderId = str(status.order_id) ?? '';
  const txStatus = str(status.transaction_status) ?? '';
  const fraud = str(status.fraud_status);
  const when = str(status.settlement_time) ?? str(status.transaction_time) ?? '';
  return {
    provider: 'midtrans',
    eventKey: [orderId, txStatus, fraud ?? '', str(status.status_code) ?? '', when, str(status.refund_amount) ?? '']
      .join('|')
      .slice(0, 200),
    reference: orderId,
    kind: fraud && txStatus === 'capture' ? `capture/${fraud}` : txStatus,
    source,
    signal: midtransSignal(txStatus, fraud),
    amount: rupiahFromMidtrans(status.gross_amount),
    channel: channelOf(status),
    instructions: instructionsOf(status),
    payload: notification ? { notification, status } : { status },
  };
}

let basesApplied: string | undefined;

/**
 * midtrans-client keeps its base URLs as static properties of ApiConfig (one per process), so an
 * override points both the sandbox and the production pair at the other server.
 */
function applyBases(keys: MidtransKeys) {
  const wanted = `${keys.apiBase ?? ''}|${keys.snapBase ?? ''}`;
  if (wanted === basesApplied) return;
  if (keys.apiBase) ApiConfig.CORE_SANDBOX_BASE_URL = ApiConfig.CORE_PRODUCTION_BASE_URL = keys.apiBase;
  if (keys.snapBase) ApiConfig.SNAP_SANDBOX_BASE_URL = ApiConfig.SNAP_PRODUCTION_BASE_URL = keys.snapBase;
  basesApplied = wanted;
}

const httpStatusOf = (error: unknown) => Number((error as { httpStatusCode?: unknown })?.httpStatusCode ?? Number.NaN);

export function createMidtransProvider(keys: MidtransKeys): PaymentProvider {
  applyBases(keys);
  const snap = new midtrans.Snap({ isProduction: keys.production, serverKey: keys.serverKey, clientKey: keys.clientKey });

  async function status(reference: string): Promise<Json | undefined> {
    try {
      return (await snap.transaction.status(reference)) as Json;
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw new ProviderUnavailable('Midtrans status API failed', { cause: error });
    }
  }

  return {
    name: 'midtrans',

    async start(ctx) {
      try {
        const created = await snap.createTransaction(snapTransaction(ctx));
        return { redirectUrl: created.redirect_url, externalId: created.token };
      } catch (error) {
        throw new ProviderUnavailable('Midtrans refused or did not answer the Snap request', { cause: error });
      }
    },

    async verify(raw: RawWebhook) {
      let body: Json;
      try {
        body = JSON.parse(raw.body.toString('utf8')) as Json;
      } catch {
        throw new WebhookRejected('malformed', 'the notification is not JSON');
      }
      const orderId = str(body.order_id);
      const statusCode = str(body.status_code);
      const gross = str(body.gross_amount);
      const signature = str(body.signature_key);
      if (!orderId || !statusCode || !gross || !signature || typeof body !== 'object') {
        throw new WebhookRejected('malformed', 'order_id, status_code, gross_amount and signature_key are required');
      }
      if (!sameHex(signature.toLowerCase(), midtransSignature(orderId, statusCode, gross, keys.serverKey))) {
        throw new WebhookRejected('signature', 'signature_key does not match');
      }
      // Signed, but the notification is only a hint: act on what the status API says now.
      const confirmed = await status(orderId);
      if (!confirmed) {
        return { ...eventFromStatus(body, 'webhook', body), signal: 'none', kind: 'unknown_transaction', eventKey: `unknown|${orderId}` };
      }
      return eventFromStatus(confirmed, 'webhook', body);
    },

    async status(attempt: AttemptRow) {
      const confirmed = await status(attempt.reference);
      return confirmed ? eventFromStatus(confirmed, 'status') : undefined;
    },

    async refund(attempt, amount, reason) {
      const refundKey = `${attempt.reference}-refund`;
      try {
        const answer = (await snap.transaction.refund(attempt.reference, { refund_key: refundKey, amount, reason })) as Json;
        const confirmed = (await status(attempt.reference)) ?? answer;
        return eventFromStatus({ ...confirmed, order_id: attempt.reference }, 'refund', answer);
      } catch (error) {
        if (error instanceof ProviderUnavailable) throw error;
        throw new ProviderUnavailable('Midtrans refused the refund', { cause: error });
      }
    },

    async testConnection() {
      try {
        await snap.transaction.status(`HR-CONNECTION-TEST-${Date.now()}`);
      } catch (error) {
        // An unknown transaction is the expected answer for valid keys; 401 means the keys are wrong.
        if (httpStatusOf(error) === 404) return;
        throw new ProviderUnavailable(httpStatusOf(error) === 401 ? 'the server key was refused' : 'Midtrans did not answer', {
          cause: error,
        });
      }
    },
  };
}
