import type { ComponentChild } from 'preact';
import type { BankAccount } from '../../../db/schema';
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import type { OrderDetail } from '../service';
import { acceptsTransferProof, nextStatuses, type OrderStatus, TIMELINE } from '../state-machine';
import { serviceLabel } from '../../../lib/service-label';
import { trackingUrl } from '../tracking';
import { StatusBadge, timeLeft } from './status';
import { TransferProofForm, TransferProofLink } from './transfer-proof-form';
import { formatPhone } from '../../../lib/phone';

export interface OrderPageProps {
  detail: OrderDetail;
  bankAccounts: BankAccount[];
  now: Date;
  /** The guest link's key, carried by every form on the page. */
  guestKey?: string;
  alert?: { kind: 'success' | 'danger' | 'info' | 'warning'; text: string };
  justPlaced: boolean;
  /** The online payment's panel (payments area), shown instead of the bank transfer's while it applies. */
  paymentPanel?: ComponentChild;
  /** Reload the page after this many seconds (a payment being confirmed right now). */
  refreshSeconds?: number;
}

function Timeline({ status }: { status: OrderStatus }) {
  const { t } = usePage();
  const reached = TIMELINE.indexOf(status);
  const offPath = reached === -1;
  return (
    <ol class="order-timeline" aria-label={t('order.timeline')}>
      {TIMELINE.map((step, i) => {
        const state = offPath ? 'todo' : i < reached ? 'done' : i === reached ? 'current' : 'todo';
        return (
          <li key={step} class={`order-step order-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="order-step-dot" aria-hidden="true">
              {state === 'done' ? <Icon name="check" /> : i + 1}
            </span>
            <span class="order-step-label">{t(`order.status.${step}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function PaymentPanel({
  detail,
  bankAccounts,
  now,
  guestKey,
}: {
  detail: OrderDetail;
  bankAccounts: BankAccount[];
  now: Date;
  guestKey?: string;
}) {
  const { t, locale } = usePage();
  const { order } = detail;
  return (
    <section class="order-panel order-pay" aria-labelledby="order-pay-title">
      <h2 id="order-pay-title" class="order-panel-title">
        <Icon name="building-columns" /> {t('order.pay.title')}
      </h2>
      <p class="mb-1">{t('order.pay.amount')}</p>
      <p class="order-pay-amount" data-order-amount>
        {formatRupiah(order.total)}
      </p>
      {bankAccounts.length === 0 ? (
        <p class="alert alert-warning">{t('order.transfer.noAccounts')}</p>
      ) : (
        <ul class="order-banks list-unstyled">
          {bankAccounts.map((a) => (
            <li key={a.number}>
              <strong>{a.bank}</strong> <span class="order-bank-number">{a.number}</span>{' '}
              <span class="text-body-secondary">{t('order.transfer.holder', { holder: a.holder })}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Icon name="clock" />{' '}
        {t('order.pay.deadline', { when: formatDateTimeWib(order.expiresAt, locale), left: timeLeft(t, order.expiresAt, now) })}
      </p>
      <p class="form-text">{t('order.pay.after')}</p>
      {detail.access !== 'staff' && (
        <TransferProofForm number={order.number} guestKey={guestKey} hasProof={order.transferProofKey !== null} />
      )}
      {detail.access === 'staff' && order.transferProofKey && <TransferProofLink number={order.number} />}
    </section>
  );
}

function Tracking({ detail }: { detail: OrderDetail }) {
  const { t } = usePage();
  const { order } = detail;
  if (!order.trackingNumber) return null;
  const link = trackingUrl(order.trackingUrlTemplate, order.trackingNumber);
  return (
    <div class="order-tracking">
      <span class="text-body-secondary">{t('order.tracking')}: </span>
      <code data-tracking-number>{order.trackingNumber}</code>{' '}
      <button
        type="button"
        class="btn btn-sm btn-outline-rock"
        data-copy={order.trackingNumber}
        data-copied-label={t('order.tracking.copied')}
      >
        <Icon name="copy" /> {t('order.tracking.copy')}
      </button>{' '}
      {link && (
        <a class="btn btn-sm btn-outline-rock" href={link} rel="noopener noreferrer" target="_blank">
          <Icon name="arrow-up-right-from-square" /> {t('order.tracking.open')}
        </a>
      )}
    </div>
  );
}

/** Staff reach the order's moves, notes and prints in the back office's orders desk. */
function StaffLink({ number }: { number: string }) {
  const { t } = usePage();
  return (
    <p class="order-panel order-staff">
      <a class="btn btn-rock" href={`/admin/pesanan/${number}`} data-staff-desk-link>
        <Icon name="user-gear" /> {t('ordersDesk.staffLink')}
      </a>
    </p>
  );
}

function Items({ detail }: { detail: OrderDetail }) {
  const { t } = usePage();
  const { order, items } = detail;
  return (
    <section class="order-panel" aria-labelledby="order-items-title">
      <h2 id="order-items-title" class="order-panel-title">
        <Icon name="guitar" /> {t('order.items')}
      </h2>
      <ul class="checkout-lines list-unstyled">
        {items.map((i) => (
          <li key={i.id}>
            <span class="checkout-line-name">
              <a href={`/produk/${i.productSlug}`}>{i.name}</a>
              <span class="d-block small text-body-secondary">
                {t('order.qty', { count: i.quantity, price: formatRupiah(i.unitPrice) })}
              </span>
            </span>
            <span>{formatRupiah(i.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl class="cart-summary-rows">
        <div>
          <dt>{t('order.subtotal')}</dt>
          <dd>{formatRupiah(order.subtotal)}</dd>
        </div>
        <div>
          <dt>{t('order.shipping', { service: serviceLabel(order.shippingCourier, order.shippingServiceName), kg: order.billableKg })}</dt>
          <dd>{order.shippingCharge === 0 ? t('checkout.shipping.free') : formatRupiah(order.shippingCharge)}</dd>
        </div>
        <div class="cart-summary-total">
          <dt>{t('order.total')}</dt>
          <dd data-order-total>{formatRupiah(order.total)}</dd>
        </div>
      </dl>
    </section>
  );
}

export function OrderPage({ detail, bankAccounts, now, guestKey, alert, justPlaced, paymentPanel, refreshSeconds }: OrderPageProps) {
  const { t, locale } = usePage();
  const { order, events } = detail;
  const lead: Partial<Record<OrderStatus, string>> = {
    paid: t('order.paid.lead'),
    expired: t('order.expired.lead'),
    cancelled: t('order.cancelled.lead'),
  };
  const base = `/pesanan/${order.number}`;
  // Cancelling is the customer's only move while the order is open; once it is not, they can buy again.
  const customerMayCancel = nextStatuses(order.status, 'customer').includes('cancelled');
  return (
    <Layout
      title={t('order.title', { number: order.number })}
      scripts={['orders']}
      head={refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : undefined}
    >
      <div class="container order-page">
        <div class="order-head">
          <h1 class="display-title cart-title">
            {t('order.heading')} <span class="order-number">{order.number}</span>
          </h1>
          <StatusBadge status={order.status} />
        </div>
        <p class="text-body-secondary">{t('order.placedAt', { when: formatDateTimeWib(order.createdAt, locale) })}</p>
        {justPlaced && (
          <div class="alert alert-success" role="status">
            <Icon name="circle-check" /> {t('order.placed')}{' '}
            {detail.access === 'guestLink' && t('order.placed.guest', { email: order.email })}
          </div>
        )}
        {alert && (
          <div class={`alert alert-${alert.kind}`} role={alert.kind === 'danger' ? 'alert' : 'status'}>
            {alert.text}
          </div>
        )}
        {lead[order.status] && <p class="lead">{lead[order.status]}</p>}
        <Timeline status={order.status} />
        <div class="row g-4">
          <div class="col-12 col-lg-7">
            {paymentPanel ??
              (acceptsTransferProof(order) && <PaymentPanel detail={detail} bankAccounts={bankAccounts} now={now} guestKey={guestKey} />)}
            <Items detail={detail} />
          </div>
          <div class="col-12 col-lg-5">
            <section class="order-panel" aria-labelledby="order-address-title">
              <h2 id="order-address-title" class="order-panel-title">
                <Icon name="location-dot" /> {t('order.address')}
              </h2>
              <address class="mb-2">
                <strong>{order.shipRecipient}</strong> · {formatPhone(order.shipPhone)}
                <br />
                {order.shipStreet}
                <br />
                {order.shipCity}, {order.shipProvince} {order.shipPostalCode}
              </address>
              <p class="mb-2">
                <span class="text-body-secondary">{t('order.courier')}: </span>
                {serviceLabel(order.shippingCourier, order.shippingServiceName)}
              </p>
              <Tracking detail={detail} />
              {order.note && (
                <p class="mt-2 mb-0">
                  <span class="text-body-secondary">{t('order.note')}: </span>
                  {order.note}
                </p>
              )}
            </section>
            <div class="order-actions">
              <a class="btn btn-outline-rock" href={`${base}/faktur.pdf${guestKey ? `?k=${encodeURIComponent(guestKey)}` : ''}`}>
                <Icon name="file-pdf" /> {t('order.invoice')}
              </a>
              {customerMayCancel && detail.access !== 'staff' && (
                // A disclosure, so one stray tap does not cancel (works without JavaScript).
                <details class="order-cancel">
                  <summary class="btn btn-outline-danger">
                    <Icon name="xmark" /> {t('order.cancel')}
                  </summary>
                  <form method="post" action={`${base}/batal`} class="mt-2">
                    <CsrfField />
                    {guestKey && <input type="hidden" name="k" value={guestKey} />}
                    <button class="btn btn-danger btn-sm" type="submit">
                      {t('order.cancel.confirm')}
                    </button>
                  </form>
                </details>
              )}
              {!customerMayCancel && detail.access !== 'staff' && (
                <form method="post" action={`${base}/beli-lagi`}>
                  <CsrfField />
                  {guestKey && <input type="hidden" name="k" value={guestKey} />}
                  <button class="btn btn-rock" type="submit">
                    <Icon name="rotate-right" /> {t('order.reorder')}
                  </button>
                </form>
              )}
            </div>
            {detail.access === 'staff' && <StaffLink number={order.number} />}
            <section class="order-panel" aria-labelledby="order-history-title">
              <h2 id="order-history-title" class="order-panel-title">
                <Icon name="clock-rotate-left" /> {t('order.timeline')}
              </h2>
              <ol class="order-events list-unstyled mb-0">
                {events.map((e) => (
                  <li key={e.id}>
                    <time dateTime={e.createdAt.toISOString()}>{formatDateTimeWib(e.createdAt, locale)}</time>
                    <span>
                      {t(`order.status.${e.toStatus}`)}{' '}
                      <span class="text-body-secondary">({t(`order.actor.${e.actorKind as 'customer' | 'staff' | 'system'}`)})</span>
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}
