/**
 * The interpreter of the lifecycle table (state-machine.ts): `place()` takes the creation edge,
 * `transition()` every other one. Each runs in one transaction: the order row is locked, the
 * edge's guards are checked, then its effects are applied in the table's terms — status and
 * stamps, required fields, stock through the stock area, the sale count, the order event and the
 * email (queued in the outbox in the same transaction, so a crash never loses or invents one).
 */
import type { RunInTransaction, StoreTx } from '../../db/store-db';
import type { StockLine } from '../stock/types';
import type { StockService } from '../stock/service';
import type { AuditAction } from '../audit/actions';
import { type AuditActor, recordAudit } from '../audit/record';
import type { OrderEmailKind } from './emails';
import { newOrderNumber } from './order-number';
import type { OrdersRepository, StatusWrite } from './repository';
import { type Edge, edgeFor, findEdge, type OrderActor, type OrderStatus, OrderTransitionError } from './state-machine';
import type { OrderDraft, OrderRow, PlaceResult } from './types';

export interface TransitionInput {
  /** The account making the move (staff member or customer); null for guests and the system. */
  userId: number | null;
  note?: string;
  trackingNumber?: string;
  /** The statuses the actor saw: if the order has moved on since, the move is refused as stale. */
  expectFrom?: readonly OrderStatus[];
  /** Who to name in the audit log (email, role, address) for the audited moves; without it, the user id and the actor kind. */
  auditActor?: AuditActor;
}

/** Moves that are sensitive enough for the audit log (A11): money confirmed or given back. */
const AUDITED_MOVES: Partial<Record<OrderStatus, AuditAction>> = {
  paid: 'order.payment_confirmed',
  refunded: 'order.refunded',
};

/** Queues an order's email in the transaction, and notes an order it moved (reported after the commit). */
type Queue = ((order: OrderRow, kind: OrderEmailKind) => Promise<void>) & { moved(order: OrderRow): void };

export interface LifecycleDeps {
  repo: OrdersRepository;
  stock: StockService;
  transaction: RunInTransaction;
  /** Queues the order's email in the given transaction. */
  queueEmail: (tx: StoreTx, order: OrderRow, kind: OrderEmailKind) => Promise<void>;
  /** Called after a commit that queued at least one email (wakes the sender). */
  emailsQueued?: () => void;
  /** Called after a commit for each order it created or moved, as it is now (metrics). */
  onMoved?: (order: OrderRow) => void;
  clock: () => Date;
  /** A new order number (tests pin it); HR-YYMMDD-XXXXXX from the clock by default. */
  newNumber?: () => string;
  /** Writes an audit entry in the given transaction (audit/record.ts by default; tests watch it). */
  recordAudit?: typeof recordAudit;
}

/** Thrown inside the placing transaction to roll it back; never leaves this file. */
class PlaceAborted extends Error {
  constructor(readonly result: Extract<PlaceResult, { ok: false }>) {
    super(result.reason);
  }
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export function createLifecycle(deps: LifecycleDeps) {
  const { repo, stock } = deps;

  /**
   * Runs work in a transaction; once it has committed, wakes the email sender if it queued any and
   * reports the orders it moved. Nothing is reported for a transaction that rolled back.
   */
  async function committing<T>(work: (tx: StoreTx, queue: Queue) => Promise<T>) {
    let queued = false;
    const moves: OrderRow[] = [];
    const result = await deps.transaction((tx) => {
      const queue: Queue = Object.assign(
        async (order: OrderRow, kind: OrderEmailKind) => {
          await deps.queueEmail(tx, order, kind);
          queued = true;
        },
        { moved: (order: OrderRow) => void moves.push(order) },
      );
      return work(tx, queue);
    });
    if (queued) deps.emailsQueued?.();
    for (const order of moves) deps.onMoved?.(order);
    return result;
  }

  async function linesOf(tx: StoreTx, orderId: number): Promise<StockLine[]> {
    return (await repo.itemsOf(orderId, tx)).map((i) => ({ productId: i.productId, quantity: i.quantity }));
  }

  /** Applies one edge's effects to an order whose row this transaction holds. */
  async function applyEdge(
    tx: StoreTx,
    order: OrderRow,
    edge: Edge,
    actor: OrderActor,
    input: TransitionInput,
    queue: Queue,
  ): Promise<OrderRow> {
    const write: StatusWrite = { status: edge.to };
    for (const field of edge.requires ?? []) {
      const value = input[field]?.trim();
      if (!value) throw new OrderTransitionError(order.status, edge.to, 'missing', field);
      write[field] = value;
    }
    for (const stamp of edge.stamps ?? []) write[stamp] = deps.clock();
    if (edge.stock === 'reserve') {
      // Taken before anything is written: when the shelf cannot serve the order again, the move is refused whole.
      const reserved = await stock.reserve(tx, order.id, await linesOf(tx, order.id));
      if (!reserved.ok) throw new OrderTransitionError(order.status, edge.to, 'unavailable');
    }
    const moved = await repo.writeStatus(tx, order.id, write);
    if (edge.stock === 'release' || edge.stock === 'refund' || edge.sale) {
      const lines = await linesOf(tx, order.id);
      if (edge.stock === 'release') await stock.release(tx, order.id, lines, 'order_released', input.userId);
      if (edge.stock === 'refund') await stock.release(tx, order.id, lines, 'order_refunded', input.userId);
      if (edge.sale) await stock.countSale(tx, lines, edge.sale);
    }
    await repo.insertEvent(tx, {
      orderId: order.id,
      fromStatus: order.status,
      toStatus: edge.to,
      actorKind: actor,
      actorUserId: input.userId,
      note: input.note,
    });
    const audited = AUDITED_MOVES[edge.to];
    if (audited) {
      await (deps.recordAudit ?? recordAudit)(tx, input.auditActor ?? { id: input.userId, email: null, role: actor, ip: null }, {
        action: audited,
        subject: { type: 'order', id: order.number, label: order.number },
        before: { status: order.status },
        after: { status: edge.to, total: order.total, paymentMethod: order.paymentMethod },
      });
    }
    if (edge.email) await queue(moved, edge.email);
    queue.moved(moved);
    return moved;
  }

  /** One move inside a transaction that already runs: locks the row, checks the edge, applies it. */
  async function moveLocked(
    tx: StoreTx,
    queue: Queue,
    orderId: number,
    to: OrderStatus,
    actor: OrderActor,
    input: TransitionInput,
  ): Promise<OrderRow> {
    const order = await repo.lockById(tx, orderId);
    if (!order) throw new Error(`order ${orderId} not found`);
    if (input.expectFrom && !input.expectFrom.includes(order.status)) throw new OrderTransitionError(order.status, to, 'stale');
    const allowed = edgeFor(order.status, to, actor, order.paymentMethod);
    if (!allowed.ok) throw new OrderTransitionError(order.status, to, allowed.reason);
    return applyEdge(tx, order, allowed.edge, actor, input, queue);
  }

  /** Moves one order along the table under its row lock. Refusals throw OrderTransitionError. */
  async function transition(orderId: number, to: OrderStatus, actor: OrderActor, input: TransitionInput): Promise<OrderRow> {
    return committing((tx, queue) => moveLocked(tx, queue, orderId, to, actor, input));
  }

  /**
   * Runs `work` in one transaction with a `move` that is `transition()` inside it: a caller that
   * must write its own rows atomically with the move (a payment event stored once, with the order
   * it pays) uses this. Emails queued by the moves are sent once the whole transaction commits.
   */
  async function inTransaction<T>(
    work: (
      tx: StoreTx,
      move: (orderId: number, to: OrderStatus, actor: OrderActor, input: TransitionInput) => Promise<OrderRow>,
    ) => Promise<T>,
  ): Promise<T> {
    return committing((tx, queue) => work(tx, (orderId, to, actor, input) => moveLocked(tx, queue, orderId, to, actor, input)));
  }

  const creation = findEdge(null, 'awaiting_payment')!;

  /**
   * Creates the order awaiting payment with the creation edge's effects (its units reserved, the
   * "placed" email queued), all or nothing. A resubmitted form (same idempotency key) gets the
   * order it already created, even when both submissions race: the loser's insert hits the
   * unique key and reads the winner's order.
   */
  async function place(draft: OrderDraft): Promise<PlaceResult> {
    const existing = await repo.findNumberByKey(draft.idempotencyKey);
    if (existing) return { ok: true, number: existing, created: false };
    const lines = [...draft.lines].sort((a, b) => a.productId - b.productId);
    // What each line would take, read without a lock. A line that cannot be served now is refused
    // at once: under a race for the last units, the buyers who arrive after them never queue on
    // the product's row lock. The units themselves are taken at the end, under the lock.
    const shelf = await stock.onSale(lines.map((l) => l.productId));
    for (const line of lines) {
      const product = shelf.get(line.productId);
      if (!product || product.stock < line.quantity) return { ok: false, reason: 'stock', productId: line.productId };
      // The price moved between the page the customer confirmed and now: show it first (K4).
      if (product.price !== line.unitPrice) return { ok: false, reason: 'price', productId: line.productId };
    }
    const number = deps.newNumber?.() ?? newOrderNumber(deps.clock());
    try {
      const taken = await committing(async (tx, queue) => {
        // Waiting for a connection under a burst, others may have read the shelf since: if one of
        // them found the units gone, this order has lost before any of its rows is written.
        const gone = stock.outrunSince(lines, shelf);
        if (gone !== undefined) throw new PlaceAborted({ ok: false, reason: 'stock', productId: gone });
        const orderId = await repo.insertOrder(tx, draft, number);
        for (const line of lines) {
          const product = shelf.get(line.productId)!;
          await repo.insertItem(tx, {
            orderId,
            productId: product.id,
            productSlug: product.slug,
            name: product.name,
            sku: product.sku,
            brand: product.brand,
            unitPrice: line.unitPrice,
            quantity: line.quantity,
          });
        }
        await repo.insertEvent(tx, {
          orderId,
          fromStatus: null,
          toStatus: creation.to,
          actorKind: draft.userId ? 'customer' : 'system',
          actorUserId: draft.userId,
        });
        const created = (await repo.findById(orderId, tx))!;
        if (creation.email) await queue(created, creation.email);
        queue.moved(created);
        // Last, the units at the confirmed prices: each product's row is locked from its update to
        // the commit, not while the rest of the order is written (P2: winners pass one by one).
        const prices = new Map(lines.map((l) => [l.productId, l.unitPrice]));
        const reserved = await stock.reserve(tx, orderId, lines, prices);
        if (!reserved.ok) throw new PlaceAborted({ ok: false, reason: 'stock', productId: reserved.productId });
        return reserved.products;
      });
      stock.noteTaken(taken.values());
      return { ok: true, number, created: true };
    } catch (error) {
      if (error instanceof PlaceAborted) return whyRefused(lines, error.result.productId);
      if (isUniqueViolation(error)) {
        const winner = await repo.findNumberByKey(draft.idempotencyKey);
        if (winner) return { ok: true, number: winner, created: false };
      }
      throw error;
    }
  }

  /**
   * Why a line's units could not be taken at its price: the price moved, or the units went to
   * other buyers. Asked after the rollback (never from inside the transaction: a second pooled
   * connection per transaction would exhaust the pool under a race).
   */
  async function whyRefused(lines: readonly OrderDraft['lines'][number][], productId: number): Promise<PlaceResult> {
    const line = lines.find((l) => l.productId === productId)!;
    const now = (await stock.onSale([productId])).get(productId);
    const reason = now && now.stock >= line.quantity && now.price !== line.unitPrice ? 'price' : 'stock';
    return { ok: false, reason, productId };
  }

  /** Expires unpaid orders whose time is up, `limit` at a time; returns how many. */
  async function expireDue(now: Date, limit = 50): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await committing(async (tx, queue) => {
        const due = await repo.lockDueForExpiry(tx, now, limit);
        const edge = edgeFor('awaiting_payment', 'expired', 'system');
        if (!edge.ok) return 0;
        for (const id of due) await applyEdge(tx, (await repo.findById(id, tx))!, edge.edge, 'system', { userId: null }, queue);
        return due.length;
      });
      total += count;
      if (count === 0) return total;
    }
  }

  /** Runs `work` on the order under its row lock (e.g. attaching a receipt only while the status allows it). */
  async function withLockedOrder<T>(orderId: number, work: (tx: StoreTx, order: OrderRow) => Promise<T>): Promise<T> {
    return deps.transaction(async (tx) => {
      const order = await repo.lockById(tx, orderId);
      if (!order) throw new Error(`order ${orderId} not found`);
      return work(tx, order);
    });
  }

  return { place, transition, inTransaction, expireDue, withLockedOrder };
}

export type Lifecycle = ReturnType<typeof createLifecycle>;
