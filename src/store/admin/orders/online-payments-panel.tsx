/**
 * An order's online payment for staff (P7): each attempt (reference, provider, status, amount,
 * channel), every provider event with its raw payload, a flag that needs a person (money to
 * send back, a disputed card), and the full refund through the provider for a paid order.
 */
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import type { OrderRow } from '../../orders/types';
import type { AttemptRow, AttemptStatus, Gateway, PaymentEventRow } from '../../payments/types';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { DESK_PATH } from './parts';

export interface OnlinePayments {
  attempts: AttemptRow[];
  events: PaymentEventRow[];
  /** The admin may refund this order through its provider now. */
  refundable: boolean;
}

const providerName = (t: ReturnType<typeof usePage>['t'], provider: string) => t(`adminPayments.provider.${provider as Gateway}`);

function Attempts({ attempts }: { attempts: AttemptRow[] }) {
  const { t, locale } = usePage();
  // A list rather than a table: four columns of references and dates do not fit a phone.
  return (
    <ul class="list-unstyled desk-attempts mb-2" data-desk-attempts aria-label={t('adminPayments.order.attempt')}>
      {attempts.map((a) => (
        <li key={a.id} data-attempt-status={a.status}>
          <div class="desk-attempt-head">
            <code>{a.reference}</code>
            <span class="badge text-bg-secondary">{t(`adminPayments.attempt.${a.status as AttemptStatus}`)}</span>
            <span class="ms-auto text-nowrap fw-semibold">{formatRupiah(a.amount)}</span>
          </div>
          <span class="d-block small text-body-secondary">
            {providerName(t, a.provider)}
            {a.channel ? ` · ${a.channel}` : ''} · {formatDateTimeWib(a.createdAt, locale)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Events({ events }: { events: PaymentEventRow[] }) {
  const { t, locale } = usePage();
  if (events.length === 0) return <p class="small text-body-secondary">{t('adminPayments.order.eventsNone')}</p>;
  return (
    <ol class="list-unstyled desk-payment-events mb-2" data-desk-payment-events>
      {events.map((e) => (
        <li key={e.id}>
          <details>
            <summary>
              <span class="fw-semibold">{e.kind}</span> · {e.source} · <span data-event-outcome>{e.outcome}</span>
              <span class="d-block small text-body-secondary">{formatDateTimeWib(e.receivedAt, locale)}</span>
            </summary>
            <p class="small mb-1 mt-2">{t('adminPayments.order.payload')}</p>
            <pre class="desk-payload" tabIndex={0} aria-label={t('adminPayments.order.payload')}>
              {JSON.stringify(e.payload, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}

function RefundForm({ order, provider }: { order: OrderRow; provider: string }) {
  const { t } = usePage();
  const name = providerName(t, provider);
  return (
    // A disclosure first, so one stray click gives no money away (works without JavaScript).
    <details class="desk-refund" data-desk-refund>
      <summary class="btn btn-sm btn-outline-danger">
        <Icon name="rotate-left" /> {t('adminPayments.refund', { provider: name })}
      </summary>
      <form method="post" action={`${DESK_PATH}/${order.number}/refund-online`} class="mt-2">
        <CsrfField />
        <p class="small text-body-secondary mb-2">{t('adminPayments.refund.hint')}</p>
        <button class="btn btn-sm btn-danger" type="submit">
          {t('adminPayments.refund.confirm', { amount: formatRupiah(order.total) })}
        </button>
      </form>
    </details>
  );
}

export function OnlinePaymentsPanel({ order, online }: { order: OrderRow; online: OnlinePayments }) {
  const { t } = usePage();
  const paid = online.attempts.find((a) => a.status === 'paid');
  return (
    <div class="desk-online" data-desk-online>
      <h3 class="desk-minor-title">{t('adminPayments.order.title')}</h3>
      {order.paymentFlag && (
        <p class="alert alert-danger py-2" role="alert" data-desk-payment-flag={order.paymentFlag}>
          <Icon name="triangle-exclamation" /> {t(`adminPayments.order.flag.${order.paymentFlag as 'refund_needed' | 'chargeback'}`)}
        </p>
      )}
      {online.attempts.length === 0 ? (
        <p class="small text-body-secondary">{t('adminPayments.order.none')}</p>
      ) : (
        <Attempts attempts={online.attempts} />
      )}
      <h3 class="desk-minor-title">{t('adminPayments.order.events')}</h3>
      <Events events={online.events} />
      {online.refundable && paid && <RefundForm order={order} provider={paid.provider} />}
    </div>
  );
}
