/**
 * The orders desk (A6): the back office's list with its tabs, an order's full detail for staff
 * (timeline with names, notes, the customer's other orders, the moves the lifecycle table allows),
 * staff notes, the "needs action" count behind the sidebar badge, and staff moves with the
 * tracking number checked against the courier's format first. Every status change still goes
 * through the orders service's `moveByStaff` → `transition()`.
 */
import type { DeskRepository } from './desk-repository';
import type { OrdersRepository } from './repository';
import { DESK_PAGE_SIZE, type ParsedDeskFilters } from './schema';
import { nextStatuses, type OrderStatus, ORDER_STATUSES } from './state-machine';
import { checkTrackingNumber, TRACKING_RULES } from './tracking-format';
import type { DeskDetail, DeskList, DeskMoveResult, NeedsAction, OrderRow, StaffActor } from './types';

export const NOTE_MAX = 1000;

export interface DeskDeps {
  repo: DeskRepository;
  orders: OrdersRepository;
  moveByStaff: (order: OrderRow, to: OrderStatus, staff: StaffActor, extra?: { note?: string; trackingNumber?: string }) => Promise<void>;
}

export function createOrdersDesk(deps: DeskDeps) {
  const { repo } = deps;

  return {
    async list({ filters }: ParsedDeskFilters): Promise<DeskList> {
      const counts = await repo.countsByStatus(filters);
      const all = ORDER_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
      const total = filters.status ? (counts[filters.status] ?? 0) : all;
      const pages = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE));
      const page = Math.min(filters.page, pages);
      const rows = total === 0 ? [] : await repo.list(filters, DESK_PAGE_SIZE, (page - 1) * DESK_PAGE_SIZE);
      return {
        rows: rows.map((r) => ({ ...r, moves: nextStatuses(r.status, 'staff', r.paymentMethod) })),
        counts,
        all,
        total,
        page,
        pages,
        pageSize: DESK_PAGE_SIZE,
      };
    },

    /** Everything the order's back-office page shows; undefined for an unknown number. */
    async detail(number: string): Promise<DeskDetail | undefined> {
      const order = await deps.orders.findByNumber(number);
      if (!order) return undefined;
      const [items, timeline, notes, otherOrders] = await Promise.all([
        deps.orders.itemsOf(order.id),
        repo.timeline(order.id),
        repo.notes(order.id),
        repo.otherOrders(order),
      ]);
      const rule = TRACKING_RULES.find((r) => r.courier.test(order.shippingCourier));
      return {
        order,
        items,
        timeline,
        notes,
        otherOrders,
        moves: nextStatuses(order.status, 'staff', order.paymentMethod),
        trackingExample: rule?.example,
      };
    },

    /**
     * A staff move from the status they saw. Shipping checks the tracking number's format for the
     * order's courier first (refused with the expected shape, nothing changes); the lifecycle
     * refuses what its table does not allow (OrderTransitionError, a 409 for the route).
     */
    async move(
      order: OrderRow,
      to: OrderStatus,
      staff: StaffActor,
      input: { trackingNumber?: string; note?: string },
    ): Promise<DeskMoveResult> {
      let trackingNumber: string | undefined;
      if (to === 'shipped' && nextStatuses(order.status, 'staff', order.paymentMethod).includes('shipped')) {
        const check = checkTrackingNumber(order.shippingCourier, input.trackingNumber ?? '');
        if (!check.ok) return { ok: false, reason: check.reason, example: check.example };
        trackingNumber = check.value;
      }
      await deps.moveByStaff(order, to, staff, { note: input.note, trackingNumber });
      return { ok: true };
    },

    /** Adds a staff-only note; false for an unknown order. */
    async addNote(number: string, staffId: number, body: string): Promise<boolean> {
      const order = await deps.orders.findByNumber(number);
      if (!order) return false;
      await repo.addNote(order.id, staffId, body.slice(0, NOTE_MAX));
      return true;
    },

    async needsAction(): Promise<NeedsAction> {
      const n = await repo.needsAction();
      return { ...n, count: n.toShip + n.receipts };
    },
  };
}

export type OrdersDesk = ReturnType<typeof createOrdersDesk>;
