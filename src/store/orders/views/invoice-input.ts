/**
 * Turns an order into the invoice document's input: every label translated, every amount from the
 * order. Under views/ because the customer's order page and the back office's print routes both use it.
 */
import type { Locale, MessageKey, Translate } from '../../../lib/i18n';
import type { PrintableOrder } from '../service';
import type { StoreProfile } from '../../store-profile/types';
import type { InvoiceInput, InvoiceLabel } from '../../documents/service';

const LABELS: InvoiceLabel[] = [
  'title',
  'number',
  'date',
  'paidAt',
  'status',
  'billTo',
  'shipTo',
  'item',
  'sku',
  'qty',
  'unitPrice',
  'lineTotal',
  'subtotal',
  'shipping',
  'total',
  'payment',
  'thanks',
];

export function invoiceInput(detail: PrintableOrder, shop: StoreProfile, t: Translate, locale: Locale): InvoiceInput {
  const { order, items } = detail;
  return {
    locale,
    shop,
    order: {
      number: order.number,
      createdAt: order.createdAt,
      paidAt: order.paidAt,
      statusLabel: t(`order.status.${order.status}`),
      customerName: order.customerName,
      email: order.email,
      address: {
        recipient: order.shipRecipient,
        phone: order.shipPhone,
        street: order.shipStreet,
        city: order.shipCity,
        province: order.shipProvince,
        postalCode: order.shipPostalCode,
      },
      shipping: {
        courier: order.shippingCourier,
        service: order.shippingServiceName,
        billableKg: order.billableKg,
        charge: order.shippingCharge,
      },
      paymentMethodLabel: order.paymentMethod === 'bank_transfer' ? t('checkout.payment.bank_transfer') : order.paymentMethod,
      items: items.map((i) => ({
        name: i.name,
        sku: i.sku,
        brand: i.brand,
        unitPrice: i.unitPrice,
        quantity: i.quantity,
        lineTotal: i.lineTotal,
      })),
      subtotal: order.subtotal,
      total: order.total,
    },
    labels: Object.fromEntries(LABELS.map((l) => [l, t(`invoice.${l}` as MessageKey)])) as Record<InvoiceLabel, string>,
  };
}
