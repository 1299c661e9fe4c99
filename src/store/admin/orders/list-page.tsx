/**
 * A6 the orders list: status tabs with counts, the filter form (payment method, WIB dates, search),
 * newest first, a checkbox per row for the print form (posted to the labels' bulk route in list
 * order), and quick actions on rows: "process" for paid orders, tracking number + "ship" for
 * orders being processed.
 */
import { formatPhone } from '../../../lib/phone';
import { serviceLabel } from '../../../lib/service-label';
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import type { DeskFilterValues, ParsedDeskFilters } from '../../orders/schema';
import { ORDER_STATUSES, PAYMENT_METHODS } from '../../orders/state-machine';
import type { DeskList } from '../../orders/types';
import { StatusBadge } from '../../orders/views/status';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { DESK_PATH, DeskPager, deskUrl, FieldError } from './parts';
import { QuickAction } from './quick-action';

const PRINT_KINDS = ['label', 'alamat', 'slip', 'faktur'] as const;

/** The filters that apply (a refused value left out), for the links that keep them: tabs, pager, "back". */
export function validValues({ values, errors }: ParsedDeskFilters): DeskFilterValues {
  const kept = { ...values };
  for (const field of Object.keys(errors) as (keyof DeskFilterValues)[]) kept[field] = '';
  // A refused range drops both of its dates.
  if (errors.sampai === 'ordersDesk.error.rangeOrder' || errors.sampai === 'ordersDesk.error.rangeLong') kept.dari = '';
  return kept;
}

function StatusTabs({ parsed, list }: { parsed: ParsedDeskFilters; list: DeskList }) {
  const { t } = usePage();
  const current = parsed.filters.status;
  const kept = validValues(parsed);
  const tabs = [
    { key: '', label: t('ordersDesk.tab.all'), count: list.all },
    ...ORDER_STATUSES.map((s) => ({ key: s, label: t(`order.status.${s}`), count: list.counts[s] ?? 0 })),
  ];
  return (
    <nav aria-label={t('ordersDesk.tabs.label')} class="desk-tabs">
      <ul class="nav nav-tabs">
        {tabs.map((tab) => {
          const active = (current ?? '') === tab.key;
          return (
            <li class="nav-item" key={tab.key || 'all'}>
              <a
                class={`nav-link${active ? ' active' : ''}`}
                href={deskUrl({ ...kept, status: tab.key })}
                aria-current={active ? 'page' : undefined}
                data-desk-tab={tab.key || 'all'}
              >
                {tab.label} <span class="desk-tab-count">{tab.count}</span>
              </a>
            </li>
          );
        })}
      </ul>
      <FieldError id="desk-status-error" error={parsed.errors.status} />
    </nav>
  );
}

function Filters({ parsed }: { parsed: ParsedDeskFilters }) {
  const { t } = usePage();
  const { values, errors } = parsed;
  const field = (name: keyof typeof values) => ({
    id: `desk-${name}`,
    class: `form-control${errors[name] ? ' is-invalid' : ''}`,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `desk-${name}-error` : undefined,
  });
  const filtered = Boolean(values.q || values.bayar || values.dari || values.sampai);
  return (
    <form method="get" action={DESK_PATH} class="admin-filters desk-filters" role="search" data-desk-filters novalidate>
      {values.status && !errors.status && <input type="hidden" name="status" value={values.status} />}
      <div class="admin-filter-q">
        <label class="form-label" for="desk-q">
          {t('ordersDesk.filter.q')}
        </label>
        <input {...field('q')} name="q" type="search" value={values.q} maxLength={100} placeholder={t('ordersDesk.filter.qHint')} />
        <FieldError id="desk-q-error" error={errors.q} />
      </div>
      <div>
        <label class="form-label" for="desk-bayar">
          {t('ordersDesk.filter.payment')}
        </label>
        <select {...field('bayar')} class={`form-select${errors.bayar ? ' is-invalid' : ''}`} name="bayar">
          <option value="">{t('ordersDesk.filter.anyPayment')}</option>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m} selected={values.bayar === m}>
              {t(`ordersDesk.payment.${m}`)}
            </option>
          ))}
        </select>
        <FieldError id="desk-bayar-error" error={errors.bayar} />
      </div>
      <div>
        <label class="form-label" for="desk-dari">
          {t('ordersDesk.filter.from')}
        </label>
        <input {...field('dari')} name="dari" type="date" value={values.dari} />
        <FieldError id="desk-dari-error" error={errors.dari} />
      </div>
      <div>
        <label class="form-label" for="desk-sampai">
          {t('ordersDesk.filter.until')}
        </label>
        <input {...field('sampai')} name="sampai" type="date" value={values.sampai} />
        <FieldError id="desk-sampai-error" error={errors.sampai} />
      </div>
      <div class="admin-filter-actions">
        <button type="submit" class="btn btn-outline-rock">
          <Icon name="magnifying-glass" /> {t('ordersDesk.filter.submit')}
        </button>
        {filtered && (
          <a class="btn btn-link" href={deskUrl({ status: parsed.filters.status })}>
            {t('ordersDesk.filter.reset')}
          </a>
        )}
      </div>
    </form>
  );
}

function PrintForm() {
  const { t } = usePage();
  return (
    <form id="desk-print" method="post" action={`${DESK_PATH}/cetak`} target="_blank" class="desk-print" data-desk-print rel="noopener">
      <CsrfField />
      <label class="form-label mb-0" for="desk-print-kind">
        {t('ordersDesk.print.heading')}
      </label>
      <select id="desk-print-kind" name="jenis" class="form-select form-select-sm">
        {PRINT_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`ordersDesk.print.${k}`)}
          </option>
        ))}
      </select>
      <button type="submit" class="btn btn-sm btn-outline-rock" formTarget="_blank">
        <Icon name="print" /> {t('ordersDesk.print.submit')}
      </button>
      <span class="form-text" data-select-count data-template={t('ordersDesk.selected', { count: '{count}' })} aria-live="polite" />
    </form>
  );
}

export function OrdersListPage({ parsed, list }: { parsed: ParsedDeskFilters; list: DeskList }) {
  const { t, locale } = usePage();
  const kept = validValues(parsed);
  const back = deskUrl(kept, { page: list.page > 1 ? String(list.page) : undefined });
  const hasErrors = Object.keys(parsed.errors).length > 0;
  return (
    <AdminLayout title={t('ordersDesk.title')} crumbs={[{ label: t('ordersDesk.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('ordersDesk.title')}</h1>
          <p class="text-body-secondary mb-0">{t('ordersDesk.lead')}</p>
        </div>
        <div class="desk-alert-controls" data-orders-alert-controls>
          <span class="small text-body-secondary">{t('ordersDesk.alerts.label')}</span>
        </div>
      </div>
      {hasErrors && (
        <div class="alert alert-warning" role="alert">
          {t('ordersDesk.filter.invalid')}
        </div>
      )}
      <StatusTabs parsed={parsed} list={list} />
      <Filters parsed={parsed} />
      <div class="desk-toolbar">
        <p class="text-body-secondary small mb-0" role="status" data-desk-total>
          {t('ordersDesk.count', { count: list.total })}
        </p>
        {list.rows.length > 0 && <PrintForm />}
      </div>
      {list.rows.length === 0 ? (
        <p class="admin-empty" data-desk-empty>
          {t('ordersDesk.empty')}
        </p>
      ) : (
        <div class="table-responsive admin-table-box desk-table-box" tabIndex={0} role="region" aria-label={t('ordersDesk.table')}>
          <table class="table align-middle admin-table desk-table mb-0" data-desk-table>
            <thead>
              <tr>
                <th scope="col" class="desk-select">
                  <input
                    type="checkbox"
                    class="form-check-input"
                    form="desk-print"
                    data-select-all="nomor"
                    aria-label={t('ordersDesk.selectAll')}
                    title={t('ordersDesk.selectAll')}
                    hidden
                  />
                </th>
                <th scope="col">{t('ordersDesk.col.order')}</th>
                <th scope="col">{t('ordersDesk.col.customer')}</th>
                <th scope="col">{t('ordersDesk.col.status')}</th>
                <th scope="col" class="text-end">
                  {t('ordersDesk.col.total')}
                </th>
                <th scope="col">{t('ordersDesk.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((o) => (
                <tr key={o.id} data-desk-row={o.number}>
                  <td class="desk-select">
                    <input
                      type="checkbox"
                      class="form-check-input"
                      name="nomor"
                      value={o.number}
                      form="desk-print"
                      aria-label={t('ordersDesk.select', { number: o.number })}
                    />
                  </td>
                  <th scope="row" class="fw-normal text-nowrap">
                    <a class="fw-semibold" href={`${DESK_PATH}/${o.number}`}>
                      {o.number}
                    </a>
                    <span class="d-block small text-body-secondary">{formatDateTimeWib(o.createdAt, locale)}</span>
                  </th>
                  <td class="desk-customer">
                    {o.customerName}
                    <span class="d-block small text-body-secondary">{o.email}</span>
                    <span class="d-block small text-body-secondary text-nowrap">{formatPhone(o.phone)}</span>
                  </td>
                  <td>
                    <StatusBadge status={o.status} />
                    <span class="d-block small text-body-secondary">{t(`ordersDesk.payment.${o.paymentMethod as 'bank_transfer'}`)}</span>
                    {o.hasProof && o.status === 'awaiting_payment' && (
                      <span class="d-block small desk-proof" data-desk-proof>
                        <Icon name="receipt" /> {t('ordersDesk.proofToCheck')}
                      </span>
                    )}
                  </td>
                  <td class="text-end">
                    <span class="text-nowrap fw-semibold">{formatRupiah(o.total)}</span>
                    <span class="d-block small text-body-secondary">{serviceLabel(o.courier, o.serviceName)}</span>
                    {o.trackingNumber && <code class="d-block small">{o.trackingNumber}</code>}
                  </td>
                  <td>
                    <QuickAction row={o} back={back} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DeskPager values={kept} page={list.page} pages={list.pages} />
    </AdminLayout>
  );
}
