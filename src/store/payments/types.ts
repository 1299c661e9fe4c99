/**
 * The payment model (P3, P4, P6, P7): one interface every provider implements, the attempt
 * statuses, and the verified event that is the only thing allowed to change an order's payment.
 */
import type { OrderRow, OrderItemRow } from '../orders/types';

export const GATEWAYS = ['midtrans', 'stripe'] as const;
export type Gateway = (typeof GATEWAYS)[number];
export const isGateway = (value: unknown): value is Gateway => typeof value === 'string' && (GATEWAYS as readonly string[]).includes(value);

/** An attempt's status; attempt-status.ts says which may follow which. */
export const ATTEMPT_STATUSES = ['created', 'pending', 'review', 'paid', 'failed', 'canceled', 'expired', 'refunded'] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/** What a verified event says happened, in the shop's words. */
export type PaymentSignal =
  | AttemptStatus
  /** Part of the money went back: recorded, the order keeps its status. */
  | 'partial_refund'
  /** The cardholder disputes the payment: the order is flagged for staff. */
  | 'chargeback'
  /** Nothing the shop acts on (e.g. an event type we do not use). */
  | 'none';

export interface VerifiedEvent {
  provider: Gateway;
  /** Unique per provider: a second event with the same key changes nothing. */
  eventKey: string;
  /** Find the attempt by our reference (Midtrans' order_id) or the provider's ids (Stripe session / payment intent). */
  reference?: string;
  externalId?: string;
  paymentRef?: string;
  kind: string;
  source: 'webhook' | 'status' | 'refund';
  signal: PaymentSignal;
  /** Whole rupiah the provider says moved; checked against the attempt before anything is marked paid. */
  amount?: number;
  channel?: string;
  instructions?: { label: string; value: string }[];
  payload: unknown;
}

export interface AttemptRow {
  id: number;
  orderId: number;
  provider: string;
  seq: number;
  reference: string;
  externalId: string | null;
  paymentRef: string | null;
  redirectUrl: string | null;
  status: string;
  amount: number;
  channel: string | null;
  instructions: { label: string; value: string }[] | null;
  expiresAt: Date;
  checkAfter: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentEventRow {
  id: number;
  provider: string;
  eventKey: string;
  attemptId: number | null;
  orderId: number | null;
  kind: string;
  source: string;
  outcome: string;
  payload: unknown;
  receivedAt: Date;
}

/** What starting a payment needs to know about the order. */
export interface StartContext {
  order: OrderRow;
  items: OrderItemRow[];
  attempt: { reference: string; seq: number; amount: number; expiresAt: Date };
  /** Where the provider sends the customer back (our order page, with the guest key when there is one). */
  returnUrl: string;
  now: Date;
}

export interface StartResult {
  redirectUrl: string;
  externalId: string;
}

/** A raw webhook request as it arrived: the exact bytes (signatures cover them) and the headers. */
export interface RawWebhook {
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

export class WebhookRejected extends Error {
  constructor(
    readonly code: 'signature' | 'malformed' | 'stale' | 'unconfigured',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

/** The provider could not be reached or refused the request: the customer may try again. */
export class ProviderUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailable';
  }
}

export interface PaymentProvider {
  readonly name: Gateway;
  start(ctx: StartContext): Promise<StartResult>;
  /** Checks the request really comes from the provider and returns what it says, confirmed. */
  verify(raw: RawWebhook): Promise<VerifiedEvent>;
  /** Asks the provider where an attempt stands (reconciliation, a customer back before the webhook). */
  status(attempt: AttemptRow): Promise<VerifiedEvent | undefined>;
  /** Gives the attempt's money back in full; the verified answer is applied like any event. */
  refund(attempt: AttemptRow, amount: number, reason: string): Promise<VerifiedEvent>;
  /**
   * Closes an open attempt at the provider once its order closed, so no money can arrive for units
   * given back; returns where the attempt stands afterwards. Providers whose payments expire with
   * the order by themselves (Midtrans: the Snap `expiry`) do not have it.
   */
  cancel?(attempt: AttemptRow): Promise<VerifiedEvent | undefined>;
  /** A cheap authenticated call for the settings page's "test connection". */
  testConnection(): Promise<void>;
}

/** Where a value comes from, for the settings page ("set in the environment" cannot be edited there). */
export type ValueSource = 'env' | 'admin' | 'none';

export interface ProviderSummary {
  provider: Gateway;
  enabled: boolean;
  production: boolean;
  productionSource: ValueSource;
  /** Ready to take payments: enabled and every required key present. */
  ready: boolean;
  keys: { name: 'secretKey' | 'publicKey' | 'webhookSecret'; source: ValueSource; last4: string | undefined; required: boolean }[];
}

/** What applying one verified event did (stored with the event, answered to the provider, counted). */
export type ApplyOutcome =
  | 'applied'
  | 'duplicate'
  | 'ignored'
  | 'amount_mismatch'
  | 'unknown_attempt'
  | 'refund_needed'
  | 'review'
  | 'recorded'
  | 'flagged';

/** Why a payment cannot start or be refunded (a message for the customer or staff, not an outage). */
export class PaymentRefused extends Error {
  constructor(readonly reason: 'unavailable' | 'status' | 'expired' | 'inProgress' | 'noPayment') {
    super(`payment refused: ${reason}`);
    this.name = 'PaymentRefused';
  }
}
