/**
 * Orders: placing one (checkout calls `place`), who may see it, every status change (through the
 * lifecycle table's one interpreter, `transition`), the expiry job, transfer receipts and the
 * emails that go with each change.
 */
import type { RunInTransaction, StoreTx } from '../../db/store-db';
import type { UserRole } from '../../db/schema';
import { groupedBy } from '../../lib/grouped-by';
import type { OutgoingEmail } from '../../lib/mail/transport';
import type { ShopSettingsService } from '../shop-settings/service';
import type { StockService } from '../stock/service';
import { type OrderEmailKind, orderEmail } from './emails';
import { guestLinkKey, guestLinkValid, ORDER_NUMBER_PATTERN } from './order-number';
import { createOrdersDesk } from './desk-service';
import type { DeskRepository } from './desk-repository';
import type { OrdersRepository } from './repository';
import { type ShopEmailKind, shopEmail } from './shop-emails';
import { acceptsTransferProof, type OrderActor, type OrderStatus, OrderTransitionError } from './state-machine';
import { createLifecycle, type TransitionInput } from './transition';
import type { OrderDraft, OrderEventRow, OrderItemRow, OrderRow, PlaceResult, StaffActor } from './types';

export interface Viewer {
  user: { id: number; role: UserRole } | null;
  /** The `k` parameter of a guest link. */
  guestKey?: unknown;
}

export interface OrderDetail {
  order: OrderRow;
  items: OrderItemRow[];
  events: OrderEventRow[];
  /** How the viewer reached it: their own account, staff, or the guest link. */
  access: 'owner' | 'staff' | 'guestLink';
}

/** An order with its lines, for the back office's printed documents (labels, slips, invoices). */
export interface PrintableOrder {
  order: OrderRow;
  items: OrderItemRow[];
}

export interface OrdersServiceDeps {
  repo: OrdersRepository;
  deskRepo: DeskRepository;
  stock: StockService;
  settings: ShopSettingsService;
  transaction: RunInTransaction;
  /** Queues an email in the outbox, in the given transaction. */
  queueEmail: (email: OutgoingEmail, tx: StoreTx) => Promise<void>;
  /** After a commit that queued emails (wakes the sender). */
  emailsQueued?: () => void;
  secret: string;
  publicUrl: string;
  /**
   * Where the shop's own emails go (new order, transfer receipt): the notification address, read
   * in the given transaction; without it (or when empty) none are sent.
   */
  shopAddress?: (tx: StoreTx) => Promise<string | undefined>;
  clock?: () => Date;
  /** Told of each order created or moved, once it is committed (metrics). */
  observe?: { moved(order: OrderRow): void };
}

export function createOrdersService(deps: OrdersServiceDeps) {
  const { repo, secret } = deps;
  const now = deps.clock ?? (() => new Date());

  /** The order page's address: guests get the signed key, account holders log in. */
  function orderUrl(order: Pick<OrderRow, 'number' | 'userId'>, absolute = false): string {
    const path = `/pesanan/${order.number}${order.userId === null ? `?k=${guestLinkKey(secret, order.number)}` : ''}`;
    return absolute ? `${deps.publicUrl}${path}` : path;
  }

  const lifecycle = createLifecycle({
    repo,
    stock: deps.stock,
    transaction: deps.transaction,
    clock: now,
    emailsQueued: deps.emailsQueued,
    onMoved: deps.observe && ((order) => deps.observe!.moved(order)),
    async queueEmail(tx, order, kind: OrderEmailKind) {
      const settings = await deps.settings.get(tx);
      await deps.queueEmail(orderEmail({ kind, order, url: orderUrl(order, true), bankAccounts: settings.bankAccounts }), tx);
      // The creation edge's email is the moment the shop hears of a new order too (same transaction).
      if (kind === 'placed') await queueShopEmail(tx, 'newOrder', order);
    },
  });

  /** Queues the shop's own email in this transaction; false when the shop has no address. */
  async function queueShopEmail(tx: StoreTx, kind: ShopEmailKind, order: OrderRow): Promise<boolean> {
    const to = (await deps.shopAddress?.(tx))?.trim();
    if (!to) return false;
    await deps.queueEmail(shopEmail(kind, order, to, deps.publicUrl, now()), tx);
    return true;
  }

  const desk = createOrdersDesk({ repo: deps.deskRepo, orders: repo, moveByStaff: (...args) => moveByStaff(...args) });

  /** Staff move an order from the status they saw (confirm a transfer, process, ship with a tracking number, deliver, cancel, refund). */
  async function moveByStaff(order: OrderRow, to: OrderStatus, staff: StaffActor, extra: { note?: string; trackingNumber?: string } = {}) {
    await lifecycle.transition(order.id, to, 'staff', { ...extra, userId: staff.id, auditActor: staff, expectFrom: [order.status] });
  }

  return {
    orderUrl,

    /** Creates the order awaiting payment, reserves its stock and queues the "placed" email: one transaction. */
    place: (draft: OrderDraft): Promise<PlaceResult> => lifecycle.place(draft),

    /** The order a checkout form (by its idempotency key) already created, if any. */
    numberForKey: (key: string) => repo.findNumberByKey(key),

    /** The one way an order changes status (staff, customers, the expiry job and payment events alike). */
    transition: (orderId: number, to: OrderStatus, actor: OrderActor, input: TransitionInput) =>
      lifecycle.transition(orderId, to, actor, input),

    /** The order if this viewer may see it; undefined otherwise (the route answers 404 either way). */
    async viewFor(number: string, viewer: Viewer): Promise<OrderDetail | undefined> {
      if (!ORDER_NUMBER_PATTERN.test(number)) return undefined;
      const order = await repo.findByNumber(number);
      if (!order) return undefined;
      let access: OrderDetail['access'] | undefined;
      if (viewer.user && order.userId === viewer.user.id) access = 'owner';
      else if (viewer.user && (viewer.user.role === 'staff' || viewer.user.role === 'admin')) access = 'staff';
      else if (order.userId === null && guestLinkValid(secret, number, viewer.guestKey)) access = 'guestLink';
      if (!access) return undefined;
      const [items, events] = await Promise.all([repo.itemsOf(order.id), repo.eventsOf(order.id)]);
      return { order, items, events, access };
    },

    /**
     * Staff's printing: the orders with these numbers, in the order given (the list's), and the
     * numbers that match none. Two queries whatever the count (the bulk print allows hundreds).
     */
    async forPrinting(numbers: readonly string[]): Promise<{ orders: PrintableOrder[]; missing: string[] }> {
      const wanted = [...new Set(numbers)].filter((n) => ORDER_NUMBER_PATTERN.test(n));
      const rows = await repo.findByNumbers(wanted);
      const items = await repo.itemsOfMany(rows.map((o) => o.id));
      const byNumber = new Map(rows.map((o) => [o.number, o]));
      const linesOf = groupedBy(items, (item) => item.orderId);
      const found: PrintableOrder[] = [];
      const missing: string[] = [];
      for (const number of numbers) {
        const order = byNumber.get(number);
        if (order) found.push({ order, items: linesOf.get(order.id) ?? [] });
        else if (!missing.includes(number)) missing.push(number);
      }
      return { orders: found, missing };
    },

    async listForUser(userId: number, page: number, perPage = 10) {
      const [orders, total] = await Promise.all([repo.listByUser(userId, perPage, (page - 1) * perPage), repo.countByUser(userId)]);
      return { orders, total, pages: Math.max(1, Math.ceil(total / perPage)) };
    },

    /** The customer (or the guest holding the link) cancels their order; the table says when that is allowed. */
    async cancelByCustomer(detail: OrderDetail, userId: number | null) {
      if (detail.access === 'staff') throw new OrderTransitionError(detail.order.status, 'cancelled', 'forbidden');
      await lifecycle.transition(detail.order.id, 'cancelled', 'customer', { userId, note: 'cancelled by customer' });
    },

    moveByStaff,

    /** The back office's orders desk: list, detail, notes, the badge, moves with the tracking number checked. */
    desk,

    /** The background job: expires unpaid orders past their time (their emails are queued with the move). */
    expireDue: (): Promise<number> => lifecycle.expireDue(now()),

    /** Keeps the receipt's storage key, only while the order's status accepts one (checked under the row lock). */
    async attachTransferProof(detail: OrderDetail, storageKey: string) {
      let queued = false;
      await lifecycle.withLockedOrder(detail.order.id, async (tx, order) => {
        if (!acceptsTransferProof(order)) throw new OrderTransitionError(order.status, 'paid', 'stale');
        await repo.setTransferProof(tx, order.id, storageKey);
        // Staff check the receipt: the shop hears of it in the same transaction.
        queued = await queueShopEmail(tx, 'transferProof', order);
      });
      if (queued) deps.emailsQueued?.();
    },

    /**
     * What the payments area needs of an order, inside its own transaction: the row under lock,
     * its lines, the method and the flag. Status moves still go through `inTransaction`'s move.
     */
    payments: {
      inTransaction: lifecycle.inTransaction,
      lock: (tx: StoreTx, orderId: number) => repo.lockById(tx, orderId),
      find: (orderId: number, tx?: StoreTx) => repo.findById(orderId, tx),
      findByNumber: (number: string) => repo.findByNumber(number),
      items: (orderId: number, tx?: StoreTx) => repo.itemsOf(orderId, tx),
      setMethod: (tx: StoreTx, orderId: number, method: string) => repo.setPaymentMethod(tx, orderId, method),
      setFlag: (tx: StoreTx, orderId: number, flag: string | null) => repo.setPaymentFlag(tx, orderId, flag),
    },

    /** Guest orders join an account once its email is proven (verified link, or login of a verified account). */
    claimGuestOrders: (userId: number, email: string) => repo.claimGuestOrders(userId, email),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
