/** A4 restock orders to suppliers: the list, the draft form (new or edit) and an order's page with its receipt form. */
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import type { RestockOrderDetail, RestockOrderSummary, RestockProductOption, RestockStatus, RestockSupplier } from '../../stock/types';
import { CsrfField } from '../../ui/csrf-field';
import { FormAlert, type FormState } from '../../ui/form-fields';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { FieldError, Pager, StockTabs } from './parts';

const STATUSES: readonly RestockStatus[] = ['draft', 'ordered', 'received', 'cancelled'];

function StatusBadge({ status }: { status: RestockStatus }) {
  const { t } = usePage();
  return <span class={`restock-status restock-status-${status}`}>{t(`restock.status.${status}`)}</span>;
}

export function RestockListPage(props: {
  rows: RestockOrderSummary[];
  total: number;
  page: number;
  pageSize: number;
  status?: RestockStatus;
}) {
  const { t, locale } = usePage();
  const link = (s?: RestockStatus) => (s ? `/admin/stok/restock?status=${s}` : '/admin/stok/restock');
  return (
    <AdminLayout title={t('restock.title')} crumbs={[{ label: t('stock.title'), href: '/admin/stok' }, { label: t('restock.title') }]}>
      <h1 class="admin-title">{t('restock.title')}</h1>
      <StockTabs current="restock" />
      <div class="stock-toolbar">
        <nav aria-label={t('restock.filter.label')}>
          <ul class="nav nav-pills stock-filters">
            {[undefined, ...STATUSES].map((s) => (
              <li class="nav-item" key={s ?? 'all'}>
                <a
                  class={`nav-link${s === props.status ? ' active' : ''}`}
                  href={link(s)}
                  aria-current={s === props.status ? 'page' : undefined}
                >
                  {s ? t(`restock.status.${s}`) : t('restock.filter.all')}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <a class="btn btn-primary" href="/admin/stok/restock/baru">
          {t('restock.new')}
        </a>
      </div>
      <p class="text-body-secondary">{t('restock.lead')}</p>
      {props.rows.length === 0 ? (
        <p class="stock-empty">{t('restock.empty')}</p>
      ) : (
        <div class="table-responsive stock-table-wrap" tabIndex={0} role="region" aria-label={t('restock.title')}>
          <table class="table align-middle stock-table">
            <thead>
              <tr>
                <th scope="col">{t('restock.col.number')}</th>
                <th scope="col">{t('restock.col.supplier')}</th>
                <th scope="col">{t('restock.col.status')}</th>
                <th scope="col" class="text-end">
                  {t('restock.col.received')}
                </th>
                <th scope="col" class="text-end">
                  {t('restock.col.total')}
                </th>
                <th scope="col">{t('restock.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr key={r.id} data-restock-row={r.id}>
                  <td>
                    <a href={`/admin/stok/restock/${r.id}`}>#{r.id}</a>
                  </td>
                  <td>{r.supplierName}</td>
                  <td>
                    <StatusBadge status={r.status} />
                  </td>
                  <td class="text-end text-nowrap">{t('restock.units', { received: r.unitsReceived, ordered: r.unitsOrdered })}</td>
                  <td class="text-end text-nowrap">{formatRupiah(r.totalCost)}</td>
                  <td>
                    <span class="text-nowrap">{formatDateTimeWib(r.createdAt, locale)}</span>
                    {r.creatorName && <div class="small text-body-secondary">{r.creatorName}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base="/admin/stok/restock" query={{ status: props.status }} page={props.page} total={props.total} pageSize={props.pageSize} />
    </AdminLayout>
  );
}

export interface RestockFormProps {
  /** Undefined for a new order. */
  id?: number;
  suppliers: RestockSupplier[];
  products: RestockProductOption[];
  form: FormState;
  rows: number;
}

export function RestockFormPage({ id, suppliers, products, form, rows }: RestockFormProps) {
  const { t } = usePage();
  const title = id ? t('restock.detailTitle', { id }) : t('restock.newTitle');
  const v = form.values ?? {};
  const e = form.errors ?? {};
  const invalid = (name: string) => (e[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${name}-error` } : {});
  const crumbs = [
    { label: t('stock.title'), href: '/admin/stok' },
    { label: t('restock.title'), href: '/admin/stok/restock' },
    ...(id ? [{ label: `#${id}`, href: `/admin/stok/restock/${id}` }, { label: t('restock.edit') }] : [{ label: t('restock.newTitle') }]),
  ];
  return (
    <AdminLayout title={title} crumbs={crumbs}>
      <h1 class="admin-title">{id ? `${title} · ${t('restock.edit')}` : title}</h1>
      <FormAlert state={form} />
      <form method="post" action={id ? `/admin/stok/restock/${id}` : '/admin/stok/restock'} novalidate class="restock-form">
        <CsrfField />
        <div class="mb-3">
          <label class="form-label" for="f-supplierId">
            {t('restock.form.supplier')}
          </label>
          <select id="f-supplierId" name="supplierId" class={`form-select${e.supplierId ? ' is-invalid' : ''}`} {...invalid('supplierId')}>
            <option value="">{t('restock.form.supplierPick')}</option>
            {suppliers.map((s) => (
              <option key={s.id} value={String(s.id)} selected={v.supplierId === String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
          {suppliers.length === 0 && <div class="form-text">{t('restock.form.noSuppliers')}</div>}
          <FieldError id="supplierId-error" error={e.supplierId} />
        </div>
        <fieldset class="mb-3">
          <legend class="form-label fs-6 fw-semibold">{t('restock.form.lines')}</legend>
          <p class="form-text">{t('restock.form.linesHint')}</p>
          <ol class="restock-lines">
            {Array.from({ length: rows }, (_, i) => (
              <li key={i} class="restock-line" data-restock-line={i}>
                <div class="restock-line-product">
                  <label class="form-label small" for={`f-productId_${i}`}>
                    {t('restock.col.product')} <span class="visually-hidden">{t('restock.form.line', { n: i + 1 })}</span>
                  </label>
                  <select
                    id={`f-productId_${i}`}
                    name={`productId_${i}`}
                    class={`form-select${e[`productId_${i}`] ? ' is-invalid' : ''}`}
                    {...invalid(`productId_${i}`)}
                  >
                    <option value="">{t('restock.form.productPick')}</option>
                    {products.map((p) => (
                      <option key={p.id} value={String(p.id)} selected={v[`productId_${i}`] === String(p.id)}>
                        {`${p.name} (${p.sku}) · ${p.stock}`}
                      </option>
                    ))}
                  </select>
                  <FieldError id={`productId_${i}-error`} error={e[`productId_${i}`]} />
                </div>
                <div class="restock-line-qty">
                  <label class="form-label small" for={`f-quantity_${i}`}>
                    {t('restock.form.quantity')}
                  </label>
                  <input
                    id={`f-quantity_${i}`}
                    name={`quantity_${i}`}
                    inputMode="numeric"
                    class={`form-control${e[`quantity_${i}`] ? ' is-invalid' : ''}`}
                    value={v[`quantity_${i}`] ?? ''}
                    maxLength={6}
                    {...invalid(`quantity_${i}`)}
                  />
                  <FieldError id={`quantity_${i}-error`} error={e[`quantity_${i}`]} />
                </div>
                <div class="restock-line-cost">
                  <label class="form-label small" for={`f-unitCost_${i}`}>
                    {t('restock.form.unitCost')}
                  </label>
                  <input
                    id={`f-unitCost_${i}`}
                    name={`unitCost_${i}`}
                    inputMode="numeric"
                    class={`form-control${e[`unitCost_${i}`] ? ' is-invalid' : ''}`}
                    value={v[`unitCost_${i}`] ?? ''}
                    maxLength={16}
                    {...invalid(`unitCost_${i}`)}
                  />
                  <FieldError id={`unitCost_${i}-error`} error={e[`unitCost_${i}`]} />
                </div>
              </li>
            ))}
          </ol>
        </fieldset>
        <div class="mb-3">
          <label class="form-label" for="f-notes">
            {t('restock.form.notes')}
          </label>
          <textarea
            id="f-notes"
            name="notes"
            rows={3}
            maxLength={2000}
            class={`form-control${e.notes ? ' is-invalid' : ''}`}
            {...invalid('notes')}
          >
            {v.notes ?? ''}
          </textarea>
          <FieldError id="notes-error" error={e.notes} />
        </div>
        <button class="btn btn-primary" type="submit">
          {t('restock.form.save')}
        </button>
      </form>
    </AdminLayout>
  );
}

/** A confirmation disclosure around a POST button: works without JavaScript. */
function ConfirmAction(props: { action: string; label: string; question: string; yes: string; danger?: boolean; name: string }) {
  return (
    <details class="restock-confirm" data-restock-action={props.name}>
      <summary class={`btn ${props.danger ? 'btn-outline-danger' : 'btn-outline-primary'}`}>{props.label}</summary>
      <form method="post" action={props.action} class="restock-confirm-body">
        <CsrfField />
        <p>{props.question}</p>
        <button type="submit" class={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`}>
          {props.yes}
        </button>
      </form>
    </details>
  );
}

export function RestockDetailPage({ order, receipt }: { order: RestockOrderDetail; receipt: FormState }) {
  const { t, locale } = usePage();
  const title = t('restock.detailTitle', { id: order.id });
  const e = receipt.errors ?? {};
  const v = receipt.values ?? {};
  const receiving = order.status === 'ordered';
  return (
    <AdminLayout
      title={title}
      crumbs={[
        { label: t('stock.title'), href: '/admin/stok' },
        { label: t('restock.title'), href: '/admin/stok/restock' },
        { label: `#${order.id}` },
      ]}
    >
      <h1 class="admin-title">
        {title} <StatusBadge status={order.status} />
      </h1>
      <div class="restock-head">
        <div>
          <h2 class="admin-subtitle">{order.supplier.name}</h2>
          <p class="text-body-secondary mb-1">
            {[order.supplier.contactPerson, order.supplier.phone, order.supplier.email].filter(Boolean).join(' · ')}
          </p>
          <p class="small text-body-secondary mb-1">
            {t('restock.createdBy', { name: order.creatorName ?? t('stock.who.system'), when: formatDateTimeWib(order.createdAt, locale) })}
          </p>
          {order.orderedAt && (
            <p class="small text-body-secondary mb-1">{t('restock.orderedAt', { when: formatDateTimeWib(order.orderedAt, locale) })}</p>
          )}
          {order.receivedAt && (
            <p class="small text-body-secondary mb-1">{t('restock.receivedAt', { when: formatDateTimeWib(order.receivedAt, locale) })}</p>
          )}
        </div>
        <div class="restock-actions">
          <a class="btn btn-outline-rock" href={`/admin/stok/restock/${order.id}/po.pdf`}>
            {t('restock.pdf')}
          </a>
          {order.status === 'draft' && (
            <a class="btn btn-outline-primary" href={`/admin/stok/restock/${order.id}/ubah`}>
              {t('restock.edit')}
            </a>
          )}
          {order.status === 'draft' && (
            <ConfirmAction
              name="ordered"
              action={`/admin/stok/restock/${order.id}/pesan`}
              label={t('restock.markOrdered')}
              question={t('restock.markOrdered.confirm')}
              yes={t('restock.markOrdered.yes')}
            />
          )}
          {(order.status === 'draft' || order.status === 'ordered') && (
            <ConfirmAction
              name="cancel"
              danger
              action={`/admin/stok/restock/${order.id}/batal`}
              label={t('restock.cancel')}
              question={t('restock.cancel.confirm')}
              yes={t('restock.cancel.yes')}
            />
          )}
        </div>
      </div>
      {order.notes && (
        <section class="stock-panel">
          <h2 class="admin-subtitle">{t('restock.notes')}</h2>
          <p class="restock-notes">{order.notes}</p>
        </section>
      )}
      {receiving && <h2 class="admin-subtitle">{t('restock.receive.title')}</h2>}
      {receiving && <p class="text-body-secondary">{t('restock.receive.lead')}</p>}
      <FormAlert state={receipt} />
      {e._form && (
        <div class="alert alert-danger" role="alert">
          <FieldError id="receipt-error" error={e._form} />
        </div>
      )}
      <form method="post" action={`/admin/stok/restock/${order.id}/terima`} novalidate>
        {receiving && <CsrfField />}
        {receiving && <input type="hidden" name="seen" value={String(order.unitsReceived)} />}
        <div class="table-responsive stock-table-wrap" tabIndex={0} role="region" aria-label={t('restock.form.lines')}>
          <table class="table align-middle stock-table">
            <thead>
              <tr>
                <th scope="col">{t('restock.col.product')}</th>
                <th scope="col" class="text-end">
                  {t('restock.col.ordered')}
                </th>
                <th scope="col" class="text-end">
                  {t('restock.col.receivedSoFar')}
                </th>
                <th scope="col" class="text-end">
                  {t('restock.col.unitCost')}
                </th>
                <th scope="col" class="text-end">
                  {t('restock.col.lineTotal')}
                </th>
                {receiving && <th scope="col">{t('restock.col.receiveNow')}</th>}
              </tr>
            </thead>
            <tbody>
              {order.lines.map((l) => {
                const name = `received_${l.id}`;
                const outstanding = l.quantityOrdered - l.quantityReceived;
                return (
                  <tr key={l.id} data-restock-line-id={l.id}>
                    <td>
                      <a href={`/admin/stok/${l.productId}`}>{l.productName}</a>
                      <div class="small text-body-secondary">{l.sku}</div>
                    </td>
                    <td class="text-end">{l.quantityOrdered}</td>
                    <td class="text-end">{l.quantityReceived}</td>
                    <td class="text-end text-nowrap">{formatRupiah(l.unitCost)}</td>
                    <td class="text-end text-nowrap">{formatRupiah(l.unitCost * l.quantityOrdered)}</td>
                    {receiving && (
                      <td class="restock-receive-cell">
                        {outstanding > 0 && (
                          <>
                            <label class="visually-hidden" for={`f-${name}`}>
                              {`${t('restock.col.receiveNow')}: ${l.productName}`}
                            </label>
                            <input
                              id={`f-${name}`}
                              name={name}
                              inputMode="numeric"
                              maxLength={6}
                              class={`form-control form-control-sm${e[name] ? ' is-invalid' : ''}`}
                              value={v[name] ?? ''}
                              placeholder={`0–${outstanding}`}
                              aria-invalid={e[name] ? 'true' : undefined}
                              aria-describedby={e[name] ? `${name}-error` : undefined}
                            />
                            <FieldError id={`${name}-error`} error={e[name]} />
                          </>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={4} class="text-end">
                  {t('restock.total')}
                </th>
                <td class="text-end fw-semibold text-nowrap">{formatRupiah(order.totalCost)}</td>
                {receiving && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
        {receiving && (
          <button class="btn btn-primary" type="submit">
            {t('restock.receive.submit')}
          </button>
        )}
      </form>
    </AdminLayout>
  );
}
