/** An order row and its lines as the orders repository returns them, for unit tests of what reads orders. */
import type { OrderItemRow, OrderRow } from '../../src/store/orders/types';

/** A guest's order of 3 210 000 (two lines and 20 000 shipping) placed at `now`, due an hour later. */
export function orderRowAt(now: Date, values: Partial<OrderRow> = {}): OrderRow {
  return {
    id: 1,
    number: 'HR-261201-ABCDEF',
    userId: null,
    email: 'rina@example.test',
    customerName: 'Rina Distorsi',
    locale: 'id',
    status: 'awaiting_payment',
    idempotencyKey: 'key-1',
    shipRecipient: 'Rina',
    shipPhone: '081234567890',
    shipStreet: 'Jl. Riau 17',
    shipCity: 'Bandung',
    shipProvince: 'Jawa Barat',
    shipPostalCode: '40115',
    shippingServiceId: 3,
    shippingCourier: 'JNE',
    shippingServiceName: 'REG',
    shippingMinDays: 2,
    shippingMaxDays: 3,
    trackingUrlTemplate: null,
    billableKg: 1,
    shippingCost: 20_000,
    shippingCharge: 20_000,
    subtotal: 3_190_000,
    total: 3_210_000,
    paymentMethod: 'bank_transfer',
    paymentFlag: null,
    note: '',
    trackingNumber: null,
    transferProofKey: null,
    transferProofAt: null,
    expiresAt: new Date(now.getTime() + 60 * 60_000),
    paidAt: null,
    createdAt: now,
    updatedAt: now,
    ...values,
  };
}

/** Line `id` of order 1: product `id`, `quantity` × `unitPrice`. */
export function orderItem(id: number, name: string, unitPrice: number, quantity: number, brand = 'Yamaha'): OrderItemRow {
  return {
    id,
    orderId: 1,
    productId: id,
    productSlug: `p-${id}`,
    name,
    sku: `SKU-${id}`,
    brand,
    unitPrice,
    quantity,
    lineTotal: unitPrice * quantity,
  };
}
