/**
 * Orders after checkout: who may see an order, the customer's and staff's status changes, the
 * expiry job and the emails that go with each change. Every status change goes through the
 * repository's locked transition (state-machine.ts decides what is allowed).
 */
import type { OutgoingEmail } from '../../lib/mail/transport';
import type { UserRole } from '../../db/schema';
import type { ShopSettingsRepository } from '../shop-settings/repository';
import { type OrderEmailKind, orderEmail } from './emails';
import { guestLinkKey, guestLinkValid, ORDER_NUMBER_PATTERN } from './order-number';
import type { OrderEventRow, OrderItemRow, OrderRow, OrdersRepository } from './repository';
import { type OrderActor, type OrderStatus, OrderTransitionError } from './state-machine';

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

const EMAIL_ON: Partial<Record<OrderStatus, OrderEmailKind>> = {
  paid: 'paid',
  shipped: 'shipped',
  delivered: 'delivered',
  expired: 'expired',
  cancelled: 'cancelled',
};

export function createOrdersService(deps: {
  repo: OrdersRepository;
  settings: ShopSettingsRepository;
  secret: string;
  publicUrl: string;
  sendEmail: (email: OutgoingEmail) => Promise<void>;
  clock?: () => Date;
}) {
  const { repo, secret } = deps;
  const now = deps.clock ?? (() => new Date());

  /** The order page's address: guests get the signed key, account holders log in. */
  function orderUrl(order: Pick<OrderRow, 'number' | 'userId'>, absolute = false): string {
    const path = `/pesanan/${order.number}${order.userId === null ? `?k=${guestLinkKey(secret, order.number)}` : ''}`;
    return absolute ? `${deps.publicUrl}${path}` : path;
  }

  async function emailAbout(orderId: number | string, kind: OrderEmailKind) {
    const order = typeof orderId === 'string' ? await repo.findByNumber(orderId) : await repo.findById(orderId);
    if (!order) return;
    const settings = await deps.settings.get();
    await deps.sendEmail(orderEmail({ kind, order, url: orderUrl(order, true), bankAccounts: settings.bankAccounts }));
  }

  async function move(
    order: OrderRow,
    to: OrderStatus,
    actor: OrderActor,
    userId: number | null,
    extra: { note?: string; onlyFrom?: OrderStatus[]; trackingNumber?: string } = {},
  ) {
    await repo.transition(order.id, { to, actor, userId, ...extra });
    const kind = EMAIL_ON[to];
    if (kind) await emailAbout(order.id, kind);
  }

  return {
    orderUrl,
    emailAbout,

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

    async listForUser(userId: number, page: number, perPage = 10) {
      const [orders, total] = await Promise.all([repo.listByUser(userId, perPage, (page - 1) * perPage), repo.countByUser(userId)]);
      return { orders, total, pages: Math.max(1, Math.ceil(total / perPage)) };
    },

    /** The customer (or the guest holding the link) cancels an order that is still unpaid. */
    async cancelByCustomer(detail: OrderDetail, userId: number | null) {
      if (detail.access === 'staff') throw new OrderTransitionError(detail.order.status, 'cancelled', 'forbidden');
      await move(detail.order, 'cancelled', 'customer', userId, { onlyFrom: ['awaiting_payment'], note: 'cancelled by customer' });
    },

    /** Staff move an order (confirm a transfer, process, ship with a tracking number, deliver, cancel, refund). */
    async moveByStaff(order: OrderRow, to: OrderStatus, staffId: number, extra: { note?: string; trackingNumber?: string } = {}) {
      await move(order, to, 'staff', staffId, { ...extra, onlyFrom: [order.status] });
    },

    /** The background job: expires unpaid orders past their time and tells their customers. */
    async expireDue(): Promise<number> {
      let total = 0;
      for (;;) {
        const expired = await repo.expireDue(now());
        for (const id of expired) await emailAbout(id, 'expired');
        total += expired.length;
        if (expired.length === 0) return total;
      }
    },

    async attachTransferProof(detail: OrderDetail, storageKey: string) {
      if (detail.order.status !== 'awaiting_payment') throw new OrderTransitionError(detail.order.status, 'paid', 'stale');
      if (!(await repo.setTransferProof(detail.order.id, storageKey))) throw new OrderTransitionError(detail.order.status, 'paid', 'stale');
    },

    /** Guest orders join an account once its email is proven (verified link, or login of a verified account). */
    claimGuestOrders: (userId: number, email: string) => repo.claimGuestOrders(userId, email),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
