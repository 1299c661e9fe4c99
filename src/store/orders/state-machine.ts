/**
 * The order lifecycle (O2) as one declarative table: which status may follow which, who may make
 * the move, and what it does to stock. Every status change in the store goes through
 * `checkTransition`; the orders repository applies it under a lock on the order's row, so two
 * concurrent moves from the same status cannot both win.
 */
import { orderStatus } from '../../db/schema/orders';

/** The statuses are the database enum's values (one list for both). */
export const ORDER_STATUSES = orderStatus.enumValues;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Who asks for the move: the customer who owns the order, the shop's staff, or a background job / verified payment event. */
export type OrderActor = 'customer' | 'staff' | 'system';

interface Transition {
  to: OrderStatus;
  by: readonly OrderActor[];
}

const TRANSITIONS: Record<OrderStatus, readonly Transition[]> = {
  awaiting_payment: [
    // Staff confirm a bank transfer; a verified gateway event is the system.
    { to: 'paid', by: ['staff', 'system'] },
    { to: 'cancelled', by: ['customer', 'staff'] },
    { to: 'expired', by: ['system'] },
  ],
  paid: [
    { to: 'processing', by: ['staff'] },
    { to: 'refunded', by: ['staff', 'system'] },
  ],
  processing: [
    { to: 'shipped', by: ['staff'] },
    { to: 'refunded', by: ['staff', 'system'] },
  ],
  shipped: [{ to: 'delivered', by: ['staff', 'system'] }],
  delivered: [],
  cancelled: [],
  expired: [],
  refunded: [],
};

/** Moves into these give the reserved or sold units back to stock. */
const RELEASES_STOCK: ReadonlySet<OrderStatus> = new Set(['cancelled', 'expired', 'refunded']);

export type TransitionCheck = { ok: true; releasesStock: boolean; countsAsSale: boolean } | { ok: false; reason: 'invalid' | 'forbidden' };

export function checkTransition(from: OrderStatus, to: OrderStatus, actor: OrderActor): TransitionCheck {
  const transition = TRANSITIONS[from].find((t) => t.to === to);
  if (!transition) return { ok: false, reason: 'invalid' };
  if (!transition.by.includes(actor)) return { ok: false, reason: 'forbidden' };
  return {
    ok: true,
    releasesStock: RELEASES_STOCK.has(to),
    // Units count as sold (best-selling sort) when paid, and stop counting when refunded.
    countsAsSale: to === 'paid',
  };
}

/** Statuses that may follow `from` for this actor (buttons to show). */
export function nextStatuses(from: OrderStatus, actor: OrderActor): OrderStatus[] {
  return TRANSITIONS[from].filter((t) => t.by.includes(actor)).map((t) => t.to);
}

export const isOrderStatus = (value: unknown): value is OrderStatus =>
  typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);

/** The happy path, for the customer's timeline. */
export const TIMELINE: readonly OrderStatus[] = ['awaiting_payment', 'paid', 'processing', 'shipped', 'delivered'];

/** Thrown by services when a move is refused; routes turn it into a 409 with a message. */
export class OrderTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
    readonly reason: 'invalid' | 'forbidden' | 'stale',
  ) {
    super(`order cannot move from ${from} to ${to} (${reason})`);
    this.name = 'OrderTransitionError';
  }
}
