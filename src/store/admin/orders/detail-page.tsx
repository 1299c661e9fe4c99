/**
 * A6 one order for staff: what was bought, the customer (with their other orders), address and
 * courier, payment (with the transfer receipt inline), the moves the lifecycle table allows this
 * user, print links, the status timeline (who and when) and staff-only notes.
 */
import { formatRupiah } from '../../../lib/money';
import { formatPhone } from '../../../lib/phone';
import { serviceLabel } from '../../../lib/service-label';
import { formatDateTimeWib } from '../../../lib/time';
import type { DeskDetail } from '../../orders/types';
import { StatusBadge } from '../../orders/views/status';
import type { FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { MovesPanel, NotesPanel, TimelinePanel } from './detail-panels';
import { DESK_PATH } from './parts';
import { type OnlinePayments, OnlinePaymentsPanel } from './online-payments-panel';

export interface OrderDeskPageProps {
  detail: DeskDetail;
  /** Attempts and provider events when the order was (or is being) paid online. */
  online?: OnlinePayments;
  ship?: FormState;
  note?: FormState;
  alert?: { kind: 'danger' | 'warning'; text: string };
}

const PRINTS = [
  { file: 'label.pdf', key: 'ordersDesk.print.label.file' },
  { file: 'label-alamat.pdf', key: 'ordersDesk.print.alamat.file' },
  { file: 'slip-paket.pdf', key: 'ordersDesk.print.slip.file' },
  { file: 'faktur.pdf', key: 'ordersDesk.print.faktur.file' },
] as const;

function Items({ detail }: { detail: DeskDetail }) {
  const { t } = usePage();
  const { order, items } = detail;
  return (
    <section class="desk-panel" aria-labelledby="desk-items-title">
      <h2 id="desk-items-title" class="admin-subtitle">
        {t('ordersDesk.items')}
      </h2>
      <div class="table-responsive desk-items-box" tabIndex={0} role="region" aria-labelledby="desk-items-title">
        <table class="table align-middle desk-items mb-0">
          <thead>
            <tr>
              <th scope="col">{t('ordersDesk.col.product')}</th>
              <th scope="col" class="text-end">
                {t('ordersDesk.col.qty')}
              </th>
              <th scope="col" class="text-end">
                {t('ordersDesk.col.price')}
              </th>
              <th scope="col" class="text-end">
                {t('ordersDesk.col.lineTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.name}
                  <span class="d-block small text-body-secondary">
                    {i.brand} · {i.sku}
                  </span>
                </td>
                <td class="text-end">{i.quantity}</td>
                <td class="text-end text-nowrap">{formatRupiah(i.unitPrice)}</td>
                <td class="text-end text-nowrap">{formatRupiah(i.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3} class="text-end fw-normal">
                {t('order.subtotal')}
              </th>
              <td class="text-end text-nowrap">{formatRupiah(order.subtotal)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} class="text-end fw-normal">
                {t('ordersDesk.shippingCharge')}
              </th>
              <td class="text-end text-nowrap">{formatRupiah(order.shippingCharge)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} class="text-end">
                {t('order.total')}
              </th>
              <td class="text-end text-nowrap fw-semibold" data-desk-total-amount>
                {formatRupiah(order.total)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Payment({ detail, online }: { detail: DeskDetail; online?: OnlinePayments }) {
  const { t, locale } = usePage();
  const { order } = detail;
  const proofUrl = `/pesanan/${order.number}/bukti-transfer.jpg`;
  return (
    <section class="desk-panel" aria-labelledby="desk-payment-title" data-desk-payments>
      <h2 id="desk-payment-title" class="admin-subtitle">
        {t('ordersDesk.payments')}
      </h2>
      <dl class="desk-facts">
        <div>
          <dt>{t('ordersDesk.col.payment')}</dt>
          <dd>{t(`ordersDesk.payment.${order.paymentMethod as 'bank_transfer'}`)}</dd>
        </div>
        <div>
          <dt>{t('ordersDesk.paidAt')}</dt>
          <dd data-desk-paid-at>{order.paidAt ? formatDateTimeWib(order.paidAt, locale) : t('ordersDesk.notPaid')}</dd>
        </div>
      </dl>
      {order.paymentMethod === 'bank_transfer' &&
        (order.transferProofKey ? (
          <figure class="desk-proof-figure" data-desk-proof-image>
            <a href={proofUrl} target="_blank" rel="noopener">
              <img src={proofUrl} alt={t('ordersDesk.proof.alt', { number: order.number })} loading="lazy" />
            </a>
            <figcaption class="small text-body-secondary">
              {t('ordersDesk.proof.uploaded', { when: order.transferProofAt ? formatDateTimeWib(order.transferProofAt, locale) : '' })}
            </figcaption>
          </figure>
        ) : (
          <p class="text-body-secondary small mb-0">{t('ordersDesk.proof.none')}</p>
        ))}
      {online && <OnlinePaymentsPanel order={order} online={online} />}
    </section>
  );
}

function Customer({ detail }: { detail: DeskDetail }) {
  const { t, locale } = usePage();
  const { order, otherOrders } = detail;
  return (
    <section class="desk-panel" aria-labelledby="desk-customer-title">
      <h2 id="desk-customer-title" class="admin-subtitle">
        {t('ordersDesk.customer')}
      </h2>
      <p class="mb-1 fw-semibold">{order.customerName}</p>
      <p class="mb-1 small">
        <a href={`mailto:${order.email}`}>{order.email}</a>
      </p>
      <p class="small text-body-secondary">{order.userId === null ? t('ordersDesk.guest') : t('ordersDesk.account')}</p>
      <h3 class="desk-minor-title">{t('ordersDesk.otherOrders')}</h3>
      {otherOrders.length === 0 ? (
        <p class="small text-body-secondary mb-0">{t('ordersDesk.otherOrders.none')}</p>
      ) : (
        <ul class="list-unstyled desk-other-orders mb-0" data-desk-other-orders>
          {otherOrders.map((o) => (
            <li key={o.number}>
              <a href={`${DESK_PATH}/${o.number}`}>{o.number}</a> <StatusBadge status={o.status} />
              <span class="d-block small text-body-secondary">
                {formatDateTimeWib(o.createdAt, locale)} · {formatRupiah(o.total)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Shipping({ detail }: { detail: DeskDetail }) {
  const { t } = usePage();
  const { order } = detail;
  return (
    <section class="desk-panel" aria-labelledby="desk-address-title">
      <h2 id="desk-address-title" class="admin-subtitle">
        {t('ordersDesk.address')}
      </h2>
      <address class="mb-2">
        <strong>{order.shipRecipient}</strong> · {formatPhone(order.shipPhone)}
        <br />
        {order.shipStreet}
        <br />
        {order.shipCity}, {order.shipProvince} {order.shipPostalCode}
      </address>
      <dl class="desk-facts">
        <div>
          <dt>{t('ordersDesk.courier')}</dt>
          <dd>{serviceLabel(order.shippingCourier, order.shippingServiceName)}</dd>
        </div>
        <div>
          <dt>{t('ordersDesk.billableKg')}</dt>
          <dd>{t('ordersDesk.kg', { kg: order.billableKg })}</dd>
        </div>
        {order.trackingNumber && (
          <div>
            <dt>{t('order.tracking')}</dt>
            <dd>
              <code data-desk-tracking>{order.trackingNumber}</code>
            </dd>
          </div>
        )}
      </dl>
      {order.note && (
        <p class="small mb-0">
          <span class="text-body-secondary">{t('order.note')}: </span>
          {order.note}
        </p>
      )}
    </section>
  );
}

function Prints({ number }: { number: string }) {
  const { t } = usePage();
  return (
    <section class="desk-panel" aria-labelledby="desk-print-title">
      <h2 id="desk-print-title" class="admin-subtitle">
        {t('ordersDesk.print.title')}
      </h2>
      <ul class="list-unstyled desk-print-links mb-0">
        {PRINTS.map((p) => (
          <li key={p.file}>
            <a class="btn btn-sm btn-outline-rock" href={`${DESK_PATH}/${number}/${p.file}`} target="_blank" rel="noopener">
              <Icon name="file-pdf" /> {t(p.key)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OrderDeskPage({ detail, online, ship = {}, note = {}, alert }: OrderDeskPageProps) {
  const { t, locale } = usePage();
  const { order } = detail;
  const title = t('ordersDesk.detail.title', { number: order.number });
  return (
    <AdminLayout title={title} crumbs={[{ label: t('ordersDesk.title'), href: DESK_PATH }, { label: order.number }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">
            {t('ordersDesk.detail.heading')} <span class="desk-number">{order.number}</span>
          </h1>
          <p class="text-body-secondary mb-0">{t('order.placedAt', { when: formatDateTimeWib(order.createdAt, locale) })}</p>
        </div>
        <StatusBadge status={order.status} />
      </div>
      {alert && (
        <div class={`alert alert-${alert.kind}`} role="alert" data-desk-alert>
          {alert.text}
        </div>
      )}
      <div class="desk-detail">
        <div class="desk-detail-main">
          <MovesPanel detail={detail} ship={ship} />
          <Items detail={detail} />
          <Payment detail={detail} online={online} />
          <TimelinePanel detail={detail} />
          <NotesPanel detail={detail} form={note} />
        </div>
        <div class="desk-detail-side">
          <Customer detail={detail} />
          <Shipping detail={detail} />
          <Prints number={order.number} />
        </div>
      </div>
    </AdminLayout>
  );
}
