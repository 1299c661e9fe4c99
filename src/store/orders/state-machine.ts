/**
 * The order lifecycle (O2) as one declarative table: which status may follow which, who may make
 * the move, under which guards, and everything the move does (stock, sale count, timestamps,
 * fields it writes, the email it sends). `transition()` in transition.ts is its only interpreter
 * and runs it under a lock on the order's row; no other file decides what a move does.
 *
 * "What happens when an order becomes paid?" — read the `awaiting_payment → paid` row below.
 */
import { orderStatus } from '../../db/schema/orders';
import type { OrderEmailKind } from './emails';

/** The statuses are the database enum's values (one list for both). */
export const ORDER_STATUSES = orderStatus.enumValues;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How an order is paid; checkout offers the ones the shop has switched on and configured. */
export const PAYMENT_METHODS = ['bank_transfer', 'midtrans', 'stripe'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Who asks for the move: the customer who owns the order, the shop's staff, or a background job / verified payment event. */
export type OrderActor = 'customer' | 'staff' | 'system';

/** Extra conditions for one actor: the move is theirs only for these payment methods. */
interface ActorGuard {
  paymentMethods?: readonly string[];
}

/** A field the move needs from whoever asks (refused when missing) and writes onto the order. */
export type TransitionField = 'trackingNumber';
/** A timestamp the move stamps with the time of the move. */
export type OrderStamp = 'paidAt';

export interface Edge {
  /** `null`: the creation edge (checkout placing the order). */
  from: OrderStatus | null;
  to: OrderStatus;
  by: Partial<Record<OrderActor, ActorGuard>>;
  /** reserve: take the lines' units (creation, a late payment); release / refund: give them back. */
  stock?: 'reserve' | 'release' | 'refund';
  /** Units count as sold (+1) or stop counting (−1): the best-selling sort. */
  sale?: 1 | -1;
  stamps?: readonly OrderStamp[];
  requires?: readonly TransitionField[];
  email?: OrderEmailKind;
}

/** Money staff handle by hand: a bank transfer's. Online payments are confirmed and refunded by their provider. */
const STAFF_ONLY_FOR_TRANSFERS: ActorGuard = { paymentMethods: ['bank_transfer'] };

export const LIFECYCLE: readonly Edge[] = [
  // Checkout: the order is created awaiting payment with its units reserved, and the customer is told how to pay.
  { from: null, to: 'awaiting_payment', by: { customer: {}, system: {} }, stock: 'reserve', email: 'placed' },
  // Staff confirm a bank transfer; a verified gateway event is the system.
  {
    from: 'awaiting_payment',
    to: 'paid',
    by: { staff: STAFF_ONLY_FOR_TRANSFERS, system: {} },
    sale: 1,
    stamps: ['paidAt'],
    email: 'paid',
  },
  // Money that arrives after the order expired or was cancelled (a verified gateway event only): the
  // order is paid if its units can be taken again; when they cannot, the move is refused and the
  // payments area flags the order for a refund instead.
  { from: 'expired', to: 'paid', by: { system: {} }, stock: 'reserve', sale: 1, stamps: ['paidAt'], email: 'paid' },
  { from: 'cancelled', to: 'paid', by: { system: {} }, stock: 'reserve', sale: 1, stamps: ['paidAt'], email: 'paid' },
  { from: 'awaiting_payment', to: 'cancelled', by: { customer: {}, staff: {} }, stock: 'release', email: 'cancelled' },
  { from: 'awaiting_payment', to: 'expired', by: { system: {} }, stock: 'release', email: 'expired' },
  { from: 'paid', to: 'processing', by: { staff: {} } },
  // Staff mark a bank transfer refunded by hand; money paid online goes back through its provider
  // (the back office's refund button), whose verified answer is the system's move.
  { from: 'paid', to: 'refunded', by: { staff: STAFF_ONLY_FOR_TRANSFERS, system: {} }, stock: 'refund', sale: -1, email: 'refunded' },
  { from: 'processing', to: 'shipped', by: { staff: {} }, requires: ['trackingNumber'], email: 'shipped' },
  { from: 'processing', to: 'refunded', by: { staff: STAFF_ONLY_FOR_TRANSFERS, system: {} }, stock: 'refund', sale: -1, email: 'refunded' },
  { from: 'shipped', to: 'delivered', by: { staff: {}, system: {} }, email: 'delivered' },
];

/** What a status lets the customer do besides moving it: upload a transfer receipt (for these payment methods). */
export const STATUS_ALLOWS: Partial<Record<OrderStatus, { transferProof?: readonly PaymentMethod[] }>> = {
  awaiting_payment: { transferProof: ['bank_transfer'] },
};

/** unavailable: the move must take units back onto the order and the shelf no longer has them. */
export type RefusalReason = 'invalid' | 'forbidden' | 'stale' | 'missing' | 'unavailable';

export function findEdge(from: OrderStatus | null, to: OrderStatus): Edge | undefined {
  return LIFECYCLE.find((e) => e.from === from && e.to === to);
}

/** The edge if this actor may take it for an order paid this way; otherwise why not. */
export function edgeFor(
  from: OrderStatus | null,
  to: OrderStatus,
  actor: OrderActor,
  paymentMethod?: string,
): { ok: true; edge: Edge } | { ok: false; reason: 'invalid' | 'forbidden' } {
  const edge = findEdge(from, to);
  if (!edge) return { ok: false, reason: 'invalid' };
  const guard = edge.by[actor];
  if (!guard) return { ok: false, reason: 'forbidden' };
  if (guard.paymentMethods && paymentMethod !== undefined && !guard.paymentMethods.includes(paymentMethod)) {
    return { ok: false, reason: 'forbidden' };
  }
  return { ok: true, edge };
}

export type TransitionCheck = { ok: true; releasesStock: boolean; countsAsSale: boolean } | { ok: false; reason: 'invalid' | 'forbidden' };

/** A summary of one move for callers that only ask "may it, and does it touch stock or sales". */
export function checkTransition(from: OrderStatus, to: OrderStatus, actor: OrderActor): TransitionCheck {
  const found = edgeFor(from, to, actor);
  if (!found.ok) return found;
  const { edge } = found;
  return { ok: true, releasesStock: edge.stock === 'release' || edge.stock === 'refund', countsAsSale: edge.sale === 1 };
}

/** Statuses that may follow `from` for this actor (buttons to show); with a payment method, its guards apply too. */
export function nextStatuses(from: OrderStatus, actor: OrderActor, paymentMethod?: string): OrderStatus[] {
  return LIFECYCLE.filter((e) => e.from === from && edgeFor(from, e.to, actor, paymentMethod).ok).map((e) => e.to);
}

/** Whether the customer may still upload a transfer receipt for this order. */
export function acceptsTransferProof(order: { status: OrderStatus; paymentMethod: string }): boolean {
  return (STATUS_ALLOWS[order.status]?.transferProof as readonly string[] | undefined)?.includes(order.paymentMethod) ?? false;
}

export const isOrderStatus = (value: unknown): value is OrderStatus =>
  typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);

/**
 * Statuses in which an order counts as a sale: it was paid and has not been refunded (the `sale`
 * marks of the edges above: +1 on payment, −1 on refund). Sales figures and best sellers count
 * only these; unpaid, cancelled, expired and refunded orders never do.
 */
export const COUNTS_AS_SALE: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['paid', 'processing', 'shipped', 'delivered']);

/** The happy path, for the customer's timeline. */
export const TIMELINE: readonly OrderStatus[] = ['awaiting_payment', 'paid', 'processing', 'shipped', 'delivered'];

/** Thrown by `transition()` when a move is refused; routes turn it into a 409 (400 for a missing field) with a message. */
export class OrderTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
    readonly reason: RefusalReason,
    /** For `missing`: which field the move needs. */
    readonly field?: TransitionField,
  ) {
    super(`order cannot move from ${from} to ${to} (${reason}${field ? `: ${field}` : ''})`);
    this.name = 'OrderTransitionError';
  }
}
