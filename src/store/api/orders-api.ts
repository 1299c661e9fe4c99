/**
 * The caller's orders (`/api/v1/orders…`): their own only. An order of someone else answers 404
 * exactly like a missing one, for staff too: the API speaks for the account, not for the back
 * office (staff read other people's orders on the admin pages).
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { OrdersService } from '../orders/service';
import { ORDER_STATUSES } from '../orders/state-machine';
import { trackingUrl } from '../orders/model';
import type { OrderEventRow, OrderItemRow, OrderRow } from '../orders/types';
import type { ApiRegistry } from './registry';
import { rupiah } from './schemas';

const MAX_PER_PAGE = 50;
const status = z.enum(ORDER_STATUSES);
const timestamp = z.iso.datetime();

const orderSummarySchema = z
  .object({
    number: z.string().meta({ examples: ['HR-261201-7K3Q9A'] }),
    status,
    created_at: timestamp,
    paid_at: timestamp.nullable(),
    payment_method: z.string(),
    subtotal: rupiah('Sum of the line totals'),
    shipping: rupiah('What the customer pays for shipping'),
    total: rupiah('subtotal + shipping'),
    currency: z.literal('IDR'),
    url: z.string().describe("The order's page in the shop"),
  })
  .meta({ id: 'OrderSummary' });

const orderSchema = orderSummarySchema
  .extend({
    expires_at: timestamp.describe('An unpaid order is cancelled after this moment'),
    items: z.array(
      z.object({
        product_id: z.int(),
        slug: z.string(),
        name: z.string(),
        sku: z.string(),
        brand: z.string(),
        unit_price: rupiah('Price of one unit when ordered'),
        quantity: z.int().positive(),
        line_total: rupiah('unit_price × quantity'),
      }),
    ),
    delivery: z.object({
      recipient: z.string(),
      phone: z.string(),
      street: z.string(),
      city: z.string(),
      province: z.string(),
      postal_code: z.string(),
      courier: z.string(),
      service: z.string(),
      min_days: z.int(),
      max_days: z.int(),
      tracking_number: z.string().nullable(),
      tracking_url: z.string().nullable(),
    }),
    note: z.string(),
    history: z.array(z.object({ from: status.nullable(), to: status, at: timestamp })).describe('Status changes, oldest first'),
  })
  .meta({ id: 'Order' });

function summary(order: OrderRow, url: string): z.input<typeof orderSummarySchema> {
  return {
    number: order.number,
    status: order.status,
    created_at: order.createdAt.toISOString(),
    paid_at: order.paidAt?.toISOString() ?? null,
    payment_method: order.paymentMethod,
    subtotal: order.subtotal,
    shipping: order.shippingCharge,
    total: order.total,
    currency: 'IDR',
    url,
  };
}

function detail(order: OrderRow, items: OrderItemRow[], events: OrderEventRow[], url: string): z.input<typeof orderSchema> {
  return {
    ...summary(order, url),
    expires_at: order.expiresAt.toISOString(),
    items: items.map((i) => ({
      product_id: i.productId,
      slug: i.productSlug,
      name: i.name,
      sku: i.sku,
      brand: i.brand,
      unit_price: i.unitPrice,
      quantity: i.quantity,
      line_total: i.lineTotal,
    })),
    delivery: {
      recipient: order.shipRecipient,
      phone: order.shipPhone,
      street: order.shipStreet,
      city: order.shipCity,
      province: order.shipProvince,
      postal_code: order.shipPostalCode,
      courier: order.shippingCourier,
      service: order.shippingServiceName,
      min_days: order.shippingMinDays,
      max_days: order.shippingMaxDays,
      tracking_number: order.trackingNumber,
      tracking_url: trackingUrl(order.trackingUrlTemplate, order.trackingNumber) ?? null,
    },
    note: order.note,
    history: events.map((e) => ({ from: e.fromStatus, to: e.toStatus, at: e.createdAt.toISOString() })),
  };
}

const pageParam = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${name} must be between 1 and ${max}`)
    .optional();

export function registerOrdersApi(api: ApiRegistry, deps: { orders: OrdersService }) {
  const { orders } = deps;

  api.route({
    method: 'GET',
    path: '/api/v1/orders',
    operationId: 'listOrders',
    tag: 'orders',
    summary: "The caller's orders",
    description: 'Newest first.',
    access: 'customer',
    query: z.object({
      page: pageParam('page', 10_000).describe('Page number, from 1'),
      per_page: pageParam('per_page', MAX_PER_PAGE).describe(`Orders per page (default 10, at most ${MAX_PER_PAGE})`),
    }),
    success: {
      description: 'One page of orders',
      schema: z.object({
        data: z.array(orderSummarySchema),
        meta: z.object({ page: z.int(), per_page: z.int(), total: z.int(), page_count: z.int() }),
      }),
    },
    handler: async ({ request, query }) => {
      const page = query.page ?? 1;
      const perPage = query.per_page ?? 10;
      const list = await orders.listForUser(request.user!.id, page, perPage);
      return {
        data: list.orders.map((o) => summary(o, orders.orderUrl(o))),
        meta: { page, per_page: perPage, total: list.total, page_count: list.pages },
      };
    },
  });

  api.route({
    method: 'GET',
    path: '/api/v1/orders/:number',
    operationId: 'getOrder',
    tag: 'orders',
    summary: "One of the caller's orders",
    access: 'customer',
    params: z.object({ number: z.string().max(20).describe('The order number, e.g. HR-261201-7K3Q9A') }),
    success: { description: 'The order with its lines, delivery and history', schema: z.object({ data: orderSchema }) },
    errors: { 404: 'No order of the caller has this number' },
    handler: async ({ request, params }) => {
      const user = request.user!;
      // viewFor refuses a number that is not an order number's shape before any query.
      const found = await orders.viewFor(params.number, { user });
      // Staff see any order through viewFor; the API answers only for the caller's own.
      if (found?.access !== 'owner') throw new AppError('not_found', 404, 'No such order');
      return { data: detail(found.order, found.items, found.events, orders.orderUrl(found.order)) };
    },
  });
}
