/**
 * Order emails (P8), sent through the outbox in the order's language: placed (with payment
 * instructions), payment received, shipped (tracking), delivered, expired, cancelled.
 */
import { isLocale, type MessageKey, translator } from '../../lib/i18n';
import { type EmailParts, renderEmail } from '../../lib/mail/layout';
import type { OutgoingEmail } from '../../lib/mail/transport';
import { formatRupiah } from '../../lib/money';
import { formatDateTimeWib } from '../../lib/time';
import type { BankAccount } from '../../db/schema';
import type { OrderRow } from './types';
import { serviceLabel } from '../../lib/service-label';
import { trackingUrl } from './tracking';

export type OrderEmailKind = 'placed' | 'paid' | 'shipped' | 'delivered' | 'expired' | 'cancelled' | 'refunded';

export interface OrderEmailInput {
  kind: OrderEmailKind;
  order: Pick<
    OrderRow,
    | 'number'
    | 'email'
    | 'customerName'
    | 'locale'
    | 'total'
    | 'expiresAt'
    | 'trackingNumber'
    | 'shippingCourier'
    | 'shippingServiceName'
    | 'trackingUrlTemplate'
    | 'paymentMethod'
  >;
  /** Link to the order page (signed for guests). */
  url: string;
  bankAccounts: BankAccount[];
}

export function orderEmail({ kind, order, url, bankAccounts }: OrderEmailInput): OutgoingEmail {
  const locale = isLocale(order.locale) ? order.locale : 'id';
  const t = translator(locale);
  const key = (part: string) => `orderEmail.${kind}.${part}` as MessageKey;
  const rows: [string, string][] = [
    [t('orderEmail.number'), order.number],
    [t('orderEmail.total'), formatRupiah(order.total)],
  ];
  const paragraphs: EmailParts['paragraphs'] = [t(key('body'), { number: order.number })];
  if (kind === 'placed' && order.paymentMethod !== 'bank_transfer') {
    // Paid online: the order page's button continues (or retries) the payment; no accounts to list.
    paragraphs.push(t('orderEmail.placed.deadlineOnline', { when: formatDateTimeWib(order.expiresAt, locale) }));
  } else if (kind === 'placed') {
    paragraphs.push(t('orderEmail.placed.deadline', { when: formatDateTimeWib(order.expiresAt, locale) }));
    for (const account of bankAccounts) rows.push([account.bank, `${account.number} (${account.holder})`]);
    if (bankAccounts.length === 0) paragraphs.push(t('order.transfer.noAccounts'));
  }
  if (kind === 'shipped' && order.trackingNumber) {
    rows.push([t('orderEmail.courier'), serviceLabel(order.shippingCourier, order.shippingServiceName)]);
    rows.push([t('orderEmail.tracking'), order.trackingNumber]);
    const link = trackingUrl(order.trackingUrlTemplate, order.trackingNumber);
    if (link) paragraphs.push({ text: t('orderEmail.shipped.track', { url: link }), link });
  }
  return renderEmail({
    to: order.email,
    subject: t(key('subject'), { number: order.number }),
    greeting: t('email.greeting', { name: order.customerName }),
    paragraphs,
    rows,
    button: { label: t('orderEmail.button'), url },
    footer: t('email.footer'),
  });
}
