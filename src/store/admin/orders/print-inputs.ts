/**
 * Turns orders into the printed documents' inputs (labels translated, addresses from the order's
 * own copy, the sender from the store profile), and says which orders may have a label at all.
 */
import type { Locale, Translate } from '../../../lib/i18n';
import { serviceLabel } from '../../../lib/service-label';
import { formatDateTimeWib } from '../../../lib/time';
import type { AddressLabelInput, InvoiceInput, LabelParty, PackingSlipInput, ShippingLabelInput } from '../../documents/service';
import type { PrintableOrder } from '../../orders/service';
import { COUNTS_AS_SALE } from '../../orders/state-machine';
import type { OrderRow } from '../../orders/types';
import { invoiceInput } from '../../orders/views/invoice-input';
import type { StoreProfile } from '../../store-profile/types';

export const PRINT_KINDS = ['label', 'alamat', 'slip', 'faktur'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

export const isPrintKind = (value: unknown): value is PrintKind =>
  typeof value === 'string' && (PRINT_KINDS as readonly string[]).includes(value);

/**
 * A parcel goes out only once it is paid: a label for an order awaiting payment, cancelled,
 * expired or refunded would send goods nobody paid for. The paid statuses are the lifecycle's
 * sale statuses (paid, processing, shipped, delivered: reprinting a shipped label is fine).
 */
export const mayHaveLabel = (order: Pick<OrderRow, 'status'>): boolean => COUNTS_AS_SALE.has(order.status);

/** Labels and address labels need a paid order; the packing slip and the invoice do not. */
export const needsPaid = (kind: PrintKind): boolean => kind === 'label' || kind === 'alamat';

export interface PrintContext {
  shop: StoreProfile;
  t: Translate;
  locale: Locale;
  publicUrl: string;
}

export const staffOrderUrl = (publicUrl: string, number: string): string => `${publicUrl}/admin/pesanan/${number}`;

const sender = (shop: StoreProfile): LabelParty => ({
  name: shop.name,
  phone: shop.phone,
  street: shop.street,
  city: shop.city,
  province: shop.province,
  postalCode: shop.postalCode,
});

const recipient = (order: OrderRow): LabelParty => ({
  name: order.shipRecipient,
  phone: order.shipPhone,
  street: order.shipStreet,
  city: order.shipCity,
  province: order.shipProvince,
  postalCode: order.shipPostalCode,
});

export function shippingLabelInput({ order, items }: PrintableOrder, c: PrintContext): ShippingLabelInput {
  return {
    number: order.number,
    staffUrl: staffOrderUrl(c.publicUrl, order.number),
    paid: mayHaveLabel(order),
    sender: sender(c.shop),
    recipient: recipient(order),
    service: serviceLabel(order.shippingCourier, order.shippingServiceName),
    billableKg: order.billableKg,
    items: items.map((i) => ({ name: i.name, quantity: i.quantity })),
    labels: {
      to: c.t('labels.to'),
      from: c.t('labels.from'),
      weight: c.t('labels.weight'),
      paid: c.t('labels.paid'),
      items: c.t('labels.items'),
      more: c.t('labels.more'),
    },
  };
}

export function addressLabelInput({ order }: PrintableOrder, c: PrintContext): AddressLabelInput {
  return {
    number: order.number,
    sender: sender(c.shop),
    recipient: recipient(order),
    labels: { to: c.t('labels.to'), from: c.t('labels.from') },
  };
}

export function packingSlipInput({ order, items }: PrintableOrder, c: PrintContext): PackingSlipInput {
  return {
    number: order.number,
    date: formatDateTimeWib(order.createdAt, c.locale),
    recipient: `${order.shipRecipient}, ${order.shipCity}`,
    service: serviceLabel(order.shippingCourier, order.shippingServiceName),
    items: items.map((i) => ({ name: i.name, sku: i.sku, quantity: i.quantity })),
    note: order.note,
    labels: {
      title: c.t('labels.slip.title'),
      date: c.t('labels.slip.date'),
      recipient: c.t('labels.slip.recipient'),
      courier: c.t('labels.slip.courier'),
      qty: c.t('labels.slip.qty'),
      item: c.t('labels.slip.item'),
      note: c.t('labels.slip.note'),
      total: c.t('labels.slip.total'),
      continued: c.t('labels.slip.continued'),
    },
  };
}

export const invoiceFor = (printable: PrintableOrder, c: PrintContext): InvoiceInput => invoiceInput(printable, c.shop, c.t, c.locale);
