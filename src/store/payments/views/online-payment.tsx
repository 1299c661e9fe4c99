/**
 * The order page's payment panel for online payments (P7): what the customer sees while an order
 * waits for its money — pay now, continue an open payment, the virtual account to pay, a review in
 * progress, "confirming…" right after returning, or "pay again" (another method too) after a
 * failure. Everything shown comes from our database; the provider's return query string is only
 * a hint that the customer is back.
 */
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import type { OrderRow } from '../../orders/types';
import { timeLeft } from '../../orders/views/status';
import type { AttemptRow, Gateway } from '../types';

export interface OnlinePaymentProps {
  order: OrderRow;
  latest: AttemptRow | undefined;
  /** Methods the customer may pick now (enabled gateways, and bank transfer when the shop takes it). */
  methods: (Gateway | 'bank_transfer')[];
  guestKey?: string;
  /** Just back from the provider and nothing confirmed yet: the page refreshes itself. */
  confirming: boolean;
  now: Date;
  /** Midtrans' snap.js and client key: the form then opens Midtrans' popup (the redirect stays the fallback). */
  snap?: { src: string; clientKey: string };
}

function MethodForm({
  order,
  methods,
  guestKey,
  label,
  preferred,
  snap,
}: Pick<OnlinePaymentProps, 'order' | 'methods' | 'guestKey' | 'snap'> & {
  label: string;
  preferred?: string;
}) {
  const { t } = usePage();
  if (methods.length === 0) return <p class="alert alert-warning">{t('payment.none')}</p>;
  const checked = methods.includes(preferred as Gateway) ? preferred : methods[0];
  return (
    <form
      method="post"
      action={`/pesanan/${order.number}/bayar`}
      class="payment-methods"
      data-payment-form
      data-snap-src={snap?.src}
      data-snap-client-key={snap?.clientKey}
    >
      <CsrfField />
      {guestKey && <input type="hidden" name="k" value={guestKey} />}
      <fieldset>
        <legend class="form-label fw-semibold fs-6">{t('payment.method')}</legend>
        {methods.map((m) => (
          <div class="form-check" key={m}>
            <input class="form-check-input" type="radio" name="metode" id={`pay-${m}`} value={m} checked={m === checked} />
            <label class="form-check-label" for={`pay-${m}`}>
              {t(`checkout.payment.${m}`)}
            </label>
          </div>
        ))}
      </fieldset>
      <button class="btn btn-rock mt-2" type="submit">
        <Icon name="lock" /> {label}
      </button>
    </form>
  );
}

const INSTRUCTION_KINDS = ['va', 'biller_code', 'bill_key', 'payment_code'] as const;

/** `va:BCA` → "Virtual account BCA" in the page's language (an unknown kind is shown as it came). */
function instructionLabel(t: ReturnType<typeof usePage>['t'], label: string): string {
  const [kind, name = ''] = label.split(':');
  const known = INSTRUCTION_KINDS.find((k) => k === kind);
  return known ? t(`payment.instructions.${known}`, { name }) : label;
}

/** The order page as the provider's return reached it: opening it asks the provider once more. */
const returnHref = (order: OrderRow, guestKey: string | undefined) =>
  `/pesanan/${order.number}?${guestKey ? `k=${encodeURIComponent(guestKey)}&` : ''}bayar=selesai`;

export function OnlinePayment(props: OnlinePaymentProps) {
  const { t, locale } = usePage();
  const { order, latest, confirming, now } = props;
  const status = latest?.status;
  const ended = status === 'failed' || status === 'canceled' || status === 'expired';
  return (
    <section class="order-panel order-pay" aria-labelledby="order-pay-title" data-online-payment={status ?? 'none'}>
      <h2 id="order-pay-title" class="order-panel-title">
        <Icon name="credit-card" /> {t('payment.title')}
      </h2>
      <p class="mb-1">{t('payment.amount')}</p>
      <p class="order-pay-amount" data-order-amount>
        {formatRupiah(order.total)}
      </p>
      <p>
        <Icon name="clock" />{' '}
        {t('payment.deadline', { when: formatDateTimeWib(order.expiresAt, locale), left: timeLeft(t, order.expiresAt, now) })}
      </p>
      {status === 'review' && (
        <p class="alert alert-info" role="status">
          {t('payment.review')}
        </p>
      )}
      {confirming && status !== 'review' && (
        <div class="alert alert-info" role="status" data-payment-confirming>
          <p class="mb-2">{t('payment.confirming')}</p>
          <a class="btn btn-outline-rock btn-sm" href={returnHref(order, props.guestKey)}>
            <Icon name="rotate-right" /> {t('payment.confirming.reload')}
          </a>
        </div>
      )}
      {!confirming && status === 'pending' && latest?.instructions && latest.instructions.length > 0 && (
        <div data-payment-waiting>
          <p>{t('payment.waiting')}</p>
          <dl class="payment-instructions">
            {latest.instructions.map((i) => (
              <div key={i.label}>
                <dt>{instructionLabel(t, i.label)}</dt>
                <dd class="order-bank-number">{i.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {ended && (
        <p class="alert alert-warning" role="status" data-payment-failed>
          {t('payment.failed', { status: t(`payment.attemptStatus.${status}`) })}
        </p>
      )}
      {!latest && <p>{t('payment.notStarted')}</p>}
      {status !== 'review' && (
        <MethodForm
          order={order}
          methods={props.methods}
          guestKey={props.guestKey}
          preferred={order.paymentMethod}
          snap={props.snap}
          label={ended ? t('payment.again') : status === 'pending' || status === 'created' ? t('payment.continue') : t('payment.start')}
        />
      )}
    </section>
  );
}
