/** A5 views: the supplier list (search and filter in the URL), the form, and a supplier's page. */
import { formatPhone } from '../../../lib/phone';
import type { SuppliedProductRow, SupplierList, SupplierListQuery, SupplierRow } from '../../suppliers/types';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { AdminPager } from '../views/pager';
import { usePage } from '../../ui/page-context';
import { FieldTextarea } from '../fields';
import { AdminLayout } from '../layout';

export const SUPPLIERS_PATH = '/admin/pemasok';

/** The list's address for a query (defaults left out, so the plain list is just /admin/pemasok). */
export function supplierListUrl(query: SupplierListQuery, changes: Partial<SupplierListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.status !== 'all') params.set('status', next.status);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `${SUPPLIERS_PATH}?${search}` : SUPPLIERS_PATH;
}

function StatusBadge({ active }: { active: boolean }) {
  const { t } = usePage();
  return active ? (
    <span class="badge rounded-pill text-bg-success">{t('adminCatalog.supplier.active')}</span>
  ) : (
    <span class="badge rounded-pill text-bg-secondary">{t('adminCatalog.supplier.inactive')}</span>
  );
}

export function SupplierListPage({ query, list }: { query: SupplierListQuery; list: SupplierList }) {
  const { t } = usePage();
  const filtered = query.q !== '' || query.status !== 'all';
  return (
    <AdminLayout title={t('adminCatalog.supplier.title')} crumbs={[{ label: t('adminCatalog.supplier.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('adminCatalog.supplier.title')}</h1>
          <p class="text-body-secondary mb-0">{t('adminCatalog.supplier.lead')}</p>
        </div>
        <a class="btn btn-rock" href={`${SUPPLIERS_PATH}/baru`} data-supplier-new>
          <Icon name="plus" /> {t('adminCatalog.supplier.new')}
        </a>
      </div>
      <form method="get" action={SUPPLIERS_PATH} class="admin-filters" role="search" data-supplier-filters>
        <div class="admin-filter-q">
          <label class="form-label" for="supplier-q">
            {t('adminCatalog.supplier.search')}
          </label>
          <input id="supplier-q" name="q" type="search" class="form-control" value={query.q} maxLength={100} />
        </div>
        <div>
          <label class="form-label" for="supplier-status">
            {t('adminCatalog.supplier.filter.status')}
          </label>
          <select id="supplier-status" name="status" class="form-select">
            {(['all', 'active', 'inactive'] as const).map((s) => (
              <option key={s} value={s} selected={query.status === s}>
                {t(`adminCatalog.supplier.filter.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-filter-actions">
          <button type="submit" class="btn btn-outline-rock">
            <Icon name="magnifying-glass" /> {t('adminCatalog.supplier.searchButton')}
          </button>
          {filtered && (
            <a class="btn btn-link" href={SUPPLIERS_PATH}>
              {t('adminCatalog.supplier.reset')}
            </a>
          )}
        </div>
      </form>
      <p class="text-body-secondary small" role="status">
        {t('adminCatalog.supplier.count', { count: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <p class="admin-empty">{t('adminCatalog.supplier.empty')}</p>
      ) : (
        <div class="table-responsive admin-table-box">
          <table class="table table-hover align-middle admin-table mb-0" data-supplier-table>
            <thead>
              <tr>
                <th scope="col">{t('adminCatalog.supplier.col.name')}</th>
                <th scope="col">{t('adminCatalog.supplier.col.contact')}</th>
                <th scope="col">{t('adminCatalog.supplier.col.phone')}</th>
                <th scope="col" class="text-end">
                  {t('adminCatalog.supplier.col.products')}
                </th>
                <th scope="col">{t('adminCatalog.supplier.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((s) => (
                <tr key={s.id} data-supplier-row={s.id}>
                  <th scope="row" class="fw-normal">
                    <a class="fw-semibold" href={`${SUPPLIERS_PATH}/${s.id}`}>
                      {s.name}
                    </a>
                  </th>
                  <td>{s.contactPerson ?? ''}</td>
                  <td class="text-nowrap">{formatPhone(s.phone)}</td>
                  <td class="text-end">{s.productCount}</td>
                  <td>
                    <StatusBadge active={s.isActive} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager
        page={query.page}
        pages={list.pageCount}
        href={(page) => supplierListUrl(query, { page })}
        label={t('adminCatalog.pager.label')}
      />
    </AdminLayout>
  );
}

/** The form's values for an existing supplier (the phone as people write it). */
export function supplierValues(s: SupplierRow): Record<string, string> {
  return {
    name: s.name,
    contactPerson: s.contactPerson ?? '',
    phone: formatPhone(s.phone),
    email: s.email ?? '',
    address: s.address ?? '',
    notes: s.notes ?? '',
  };
}

function SupplierForm({ supplier, form }: { supplier?: SupplierRow; form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <FormAlert state={form} />
      <form method="post" action={supplier ? `${SUPPLIERS_PATH}/${supplier.id}` : SUPPLIERS_PATH} novalidate data-supplier-form>
        <CsrfField />
        <FieldInput name="name" label="adminCatalog.supplier.field.name" state={form} maxLength={150} autocomplete="organization" />
        <div class="row g-3">
          <div class="col-md-6">
            <FieldInput
              name="contactPerson"
              label="adminCatalog.supplier.field.contactPerson"
              state={form}
              maxLength={120}
              required={false}
              autocomplete="off"
            />
          </div>
          <div class="col-md-6">
            <FieldInput
              name="phone"
              label="adminCatalog.supplier.field.phone"
              hint="adminCatalog.supplier.field.phoneHint"
              type="tel"
              inputMode="tel"
              state={form}
              maxLength={30}
              required={false}
              autocomplete="off"
            />
          </div>
        </div>
        <FieldInput
          name="email"
          label="adminCatalog.supplier.field.email"
          type="email"
          state={form}
          maxLength={254}
          required={false}
          autocomplete="off"
        />
        <FieldTextarea name="address" label="adminCatalog.supplier.field.address" state={form} maxLength={500} />
        <FieldTextarea name="notes" label="adminCatalog.supplier.field.notes" state={form} maxLength={2000} />
        <div class="d-flex flex-wrap gap-2">
          <button type="submit" class="btn btn-rock">
            <Icon name="floppy-disk" /> {t(supplier ? 'adminCatalog.supplier.save' : 'adminCatalog.supplier.create')}
          </button>
          <a class="btn btn-outline-secondary" href={SUPPLIERS_PATH}>
            {t('adminCatalog.supplier.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}

export function SupplierNewPage({ form }: { form: FormState }) {
  const { t } = usePage();
  const title = t('adminCatalog.supplier.new');
  return (
    <AdminLayout title={title} crumbs={[{ label: t('adminCatalog.supplier.title'), href: SUPPLIERS_PATH }, { label: title }]}>
      <h1 class="admin-title">{title}</h1>
      <div class="admin-form-card">
        <SupplierForm form={form} />
      </div>
    </AdminLayout>
  );
}

export function SupplierPage({ supplier, products, form }: { supplier: SupplierRow; products: SuppliedProductRow[]; form: FormState }) {
  const { t } = usePage();
  const active = supplier.isActive;
  return (
    <AdminLayout
      title={supplier.name}
      crumbs={[{ label: t('adminCatalog.supplier.title'), href: SUPPLIERS_PATH }, { label: supplier.name }]}
    >
      <div class="admin-page-head">
        <h1 class="admin-title mb-0">{supplier.name}</h1>
        <StatusBadge active={active} />
      </div>
      <div class="admin-form-card">
        <h2 class="admin-subtitle">{t('adminCatalog.supplier.edit')}</h2>
        <SupplierForm supplier={supplier} form={form} />
      </div>
      <section class="admin-form-card" aria-labelledby="supplier-products" data-supplier-products>
        <h2 class="admin-subtitle" id="supplier-products">
          {t('adminCatalog.supplier.products')}
        </h2>
        {products.length === 0 ? (
          <p class="mb-0 text-body-secondary">{t('adminCatalog.supplier.noProducts')}</p>
        ) : (
          <div class="table-responsive admin-table-box">
            <table class="table align-middle admin-table mb-0">
              <thead>
                <tr>
                  <th scope="col">{t('adminCatalog.supplier.product.name')}</th>
                  <th scope="col">{t('adminCatalog.supplier.product.sku')}</th>
                  <th scope="col" class="text-end">
                    {t('adminCatalog.supplier.product.stock')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" class="fw-normal">
                      <a href={`/produk/${p.slug}`}>{p.name}</a>
                      {!p.isActive && <span class="badge text-bg-secondary ms-2">{t('adminCatalog.supplier.product.hidden')}</span>}
                    </th>
                    <td>
                      <code>{p.sku}</code>
                    </td>
                    <td class="text-end">{p.stock}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div class="admin-form-card admin-danger-zone" data-supplier-status>
        <details>
          <summary class={`btn ${active ? 'btn-outline-danger' : 'btn-outline-success'}`}>
            <Icon name={active ? 'ban' : 'rotate-left'} />{' '}
            {t(active ? 'adminCatalog.supplier.deactivate' : 'adminCatalog.supplier.reactivate')}
          </summary>
          <form method="post" action={`${SUPPLIERS_PATH}/${supplier.id}/status`} class="mt-3">
            <CsrfField />
            <input type="hidden" name="active" value={active ? '0' : '1'} />
            <p>
              {t(active ? 'adminCatalog.supplier.deactivateConfirm' : 'adminCatalog.supplier.reactivateConfirm', { name: supplier.name })}
            </p>
            <button type="submit" class={`btn ${active ? 'btn-danger' : 'btn-success'}`}>
              {t(active ? 'adminCatalog.supplier.deactivateYes' : 'adminCatalog.supplier.reactivateYes')}
            </button>
          </form>
        </details>
      </div>
    </AdminLayout>
  );
}
