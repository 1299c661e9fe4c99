/** The orders area's row types and read models, for the areas and views that show orders. */
import type { orderEvents, orderItems, orders } from '../../db/schema';
import type { AuditActor } from '../audit/record';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** The courier service as the order keeps it (a copy: later edits of the service do not change it). */
export interface ShippingSnapshot {
  courier: string;
  name: string;
  minDays: number;
  maxDays: number;
  trackingUrlTemplate: string | null;
  billableKg: number;
  /** What the courier charges, and what the customer pays (0 past the free-shipping threshold). */
  cost: number;
  charge: number;
}

/** What checkout hands over: everything already validated and priced by the server. */
export interface OrderDraft {
  idempotencyKey: string;
  userId: number | null;
  email: string;
  customerName: string;
  locale: string;
  address: { recipient: string; phone: string; street: string; city: string; province: string; postalCode: string };
  shipping: ShippingSnapshot & { serviceId: number };
  lines: { productId: number; quantity: number; unitPrice: number }[];
  subtotal: number;
  paymentMethod: string;
  note: string;
  expiresAt: Date;
}

export type PlaceResult = { ok: true; number: string; created: boolean } | { ok: false; reason: 'stock' | 'price'; productId: number };

/** The database enum's values, read off the row type (state-machine.ts imports this file's neighbours). */
type OrderStatus = OrderRow['status'];

/** One row of the orders desk's list. */
export interface DeskOrderRow {
  id: number;
  number: string;
  createdAt: Date;
  customerName: string;
  email: string;
  phone: string;
  status: OrderStatus;
  paymentMethod: string;
  total: number;
  courier: string;
  serviceName: string;
  trackingNumber: string | null;
  hasProof: boolean;
}

/** A status change with the name of the staff member or customer who made it. */
export interface TimelineEvent {
  id: number;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actorKind: string;
  actorName: string | null;
  note: string;
  createdAt: Date;
}

/** A staff-only note on an order. */
export interface OrderNote {
  id: number;
  body: string;
  authorName: string | null;
  createdAt: Date;
}

/** One page of the orders desk, with the counts behind its status tabs. */
export interface DeskList {
  rows: (DeskOrderRow & { moves: OrderStatus[] })[];
  counts: Partial<Record<OrderStatus, number>>;
  /** Every order under the filters other than the status (the "all" tab). */
  all: number;
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

export interface DeskDetail {
  order: OrderRow;
  items: OrderItemRow[];
  timeline: TimelineEvent[];
  notes: OrderNote[];
  otherOrders: { number: string; status: OrderStatus; total: number; createdAt: Date }[];
  /** The moves the lifecycle table allows staff from here (the buttons). */
  moves: OrderStatus[];
  /** What a valid tracking number of this courier looks like, when its format is known. */
  trackingExample?: string;
}

export type DeskMoveResult = { ok: true } | { ok: false; reason: 'missing' | 'format'; example?: string };

/** The sidebar badge: paid orders to ship and transfer receipts to check; latestId changes with every new order. */
export interface NeedsAction {
  count: number;
  toShip: number;
  receipts: number;
  latestId: number;
}

/** A staff member making a move, as the audit log names them (id, email, role, address). */
export type StaffActor = AuditActor & { id: number };
