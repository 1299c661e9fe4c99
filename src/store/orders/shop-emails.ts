/**
 * Emails to the shop itself (A6): one per new order and one per uploaded transfer receipt, to the
 * shop settings' notification address, or the store profile's when none is set. Written in
 * Indonesian, the shop's language, with a button to the order in the back office. Queued in the
 * outbox in the same transaction as the change, like the customer's emails.
 */
import { translator } from '../../lib/i18n';
import { renderEmail } from '../../lib/mail/layout';
import type { OutgoingEmail } from '../../lib/mail/transport';
import { formatRupiah } from '../../lib/money';
import { formatDateTimeWib } from '../../lib/time';
import type { OrderRow } from './types';

export type ShopEmailKind = 'newOrder' | 'transferProof';

export function shopEmail(
  kind: ShopEmailKind,
  order: Pick<OrderRow, 'number' | 'customerName' | 'email' | 'total' | 'paymentMethod' | 'createdAt'>,
  to: string,
  publicUrl: string,
  at: Date,
): OutgoingEmail {
  const t = translator('id');
  return renderEmail({
    to,
    subject: t(kind === 'newOrder' ? 'ordersDesk.email.newOrder.subject' : 'ordersDesk.email.proof.subject', { number: order.number }),
    greeting: t('ordersDesk.email.greeting'),
    paragraphs: [
      t(kind === 'newOrder' ? 'ordersDesk.email.newOrder.body' : 'ordersDesk.email.proof.body', {
        number: order.number,
        when: formatDateTimeWib(at, 'id'),
      }),
    ],
    rows: [
      [t('orderEmail.number'), order.number],
      [t('ordersDesk.col.customer'), `${order.customerName} <${order.email}>`],
      [t('orderEmail.total'), formatRupiah(order.total)],
      [t('ordersDesk.col.payment'), t(`ordersDesk.payment.${order.paymentMethod as 'bank_transfer'}`)],
    ],
    button: { label: t('ordersDesk.email.button'), url: `${publicUrl}/admin/pesanan/${order.number}` },
    footer: t('email.footer'),
  });
}
