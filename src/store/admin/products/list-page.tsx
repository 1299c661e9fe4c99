import { formatRupiah } from '../../../lib/money';
import type { AdminListPage } from '../../product/service';
import { ADMIN_SORTS, type AdminProductQuery, type AdminProductRow, type ChoiceRow, STOCK_STATES, stockState } from '../../product/types';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { IMAGE_WIDTHS, imageUrl } from '../../ui/image-urls';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { listUrl, SORT_PARAM, STOCK_PARAM } from './form-schema';

export interface ProductListProps {
  query: AdminProductQuery;
  page: AdminListPage;
  categories: ChoiceRow[];
}

const yesNo = (value: boolean | undefined) => (value === undefined ? '' : value ? 'ya' : 'tidak');

function Thumb({ row }: { row: AdminProductRow }) {
  if (!row.image) return <span class="admin-thumb admin-thumb-empty" aria-hidden="true" />;
  return (
    <img class="admin-thumb" src={imageUrl(row.image.storageKey, IMAGE_WIDTHS[0], 'webp')} alt="" width={48} height={48} loading="lazy" />
  );
}

export function StockBadge({ stock, threshold }: { stock: number; threshold: number }) {
  const { t } = usePage();
  const state = stockState(stock, threshold);
  const kind = state === 'out' ? 'danger' : state === 'low' ? 'warning' : 'success';
  return (
    <span class="admin-stock">
      <span class="admin-stock-count">{stock}</span>{' '}
      <span class={`badge text-bg-${kind}`} data-stock-state={state}>
        {t(`adminProducts.stock.${state}`)}
      </span>
    </span>
  );
}

export function ProductListPage({ query, page, categories }: ProductListProps) {
  const { t, path } = usePage();
  const back = listUrl(query);
  const sortOptions = ADMIN_SORTS.filter((s) => s !== 'relevance' || query.q);
  return (
    <AdminLayout title={t('adminProducts.title')} crumbs={[{ label: t('adminProducts.title') }]}>
      <div class="admin-page-head">
        <h1 class="admin-title">{t('adminProducts.title')}</h1>
        <a class="btn btn-admin" href="/admin/produk/baru" data-product-new>
          <Icon name="plus" /> {t('adminProducts.new')}
        </a>
      </div>

      <form class="admin-filters" method="get" action={path} role="search" aria-label={t('adminProducts.filters')}>
        <div class="admin-filter admin-filter-search">
          <label class="form-label" for="f-q">
            {t('adminProducts.search')}
          </label>
          <input id="f-q" class="form-control" type="search" name="q" value={query.q} maxLength={100} />
        </div>
        <div class="admin-filter">
          <label class="form-label" for="f-kategori">
            {t('adminProducts.field.category')}
          </label>
          <select id="f-kategori" class="form-select" name="kategori">
            <option value="">{t('adminProducts.filter.all')}</option>
            {categories.map((c) => (
              <option key={c.id} value={String(c.id)} selected={query.categoryId === c.id}>
                {c.isActive ? c.name : `${c.name} (${t('adminProducts.inactive')})`}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-filter">
          <label class="form-label" for="f-stok">
            {t('adminProducts.filter.stock')}
          </label>
          <select id="f-stok" class="form-select" name="stok">
            <option value="">{t('adminProducts.filter.all')}</option>
            {STOCK_STATES.map((s) => (
              <option key={s} value={STOCK_PARAM[s]} selected={query.stock === s}>
                {t(`adminProducts.stock.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-filter">
          <label class="form-label" for="f-aktif">
            {t('adminProducts.filter.active')}
          </label>
          <select id="f-aktif" class="form-select" name="aktif">
            <option value="">{t('adminProducts.filter.all')}</option>
            <option value="ya" selected={yesNo(query.active) === 'ya'}>
              {t('adminProducts.active')}
            </option>
            <option value="tidak" selected={yesNo(query.active) === 'tidak'}>
              {t('adminProducts.inactive')}
            </option>
          </select>
        </div>
        <div class="admin-filter">
          <label class="form-label" for="f-unggulan">
            {t('adminProducts.filter.featured')}
          </label>
          <select id="f-unggulan" class="form-select" name="unggulan">
            <option value="">{t('adminProducts.filter.all')}</option>
            <option value="ya" selected={yesNo(query.featured) === 'ya'}>
              {t('adminProducts.featured')}
            </option>
            <option value="tidak" selected={yesNo(query.featured) === 'tidak'}>
              {t('adminProducts.notFeatured')}
            </option>
          </select>
        </div>
        <div class="admin-filter">
          <label class="form-label" for="f-urut">
            {t('adminProducts.sort')}
          </label>
          <select id="f-urut" class="form-select" name="urut">
            {sortOptions.map((s) => (
              <option key={s} value={SORT_PARAM[s]} selected={query.sort === s}>
                {t(`adminProducts.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-filter admin-filter-actions">
          <button type="submit" class="btn btn-secondary">
            <Icon name="filter" /> {t('adminProducts.filter.apply')}
          </button>
          <a class="btn btn-link" href="/admin/produk">
            {t('adminProducts.filter.reset')}
          </a>
        </div>
      </form>

      <p class="admin-count" role="status">
        {t('adminProducts.count', { count: page.total })}
      </p>

      {page.rows.length > 0 && (
        <form method="post" action="/admin/produk/massal" class="admin-bulk-form">
          <CsrfField />
          <input type="hidden" name="back" value={back} />
          <fieldset class="admin-bulk">
            <legend class="visually-hidden">{t('adminProducts.bulk.legend')}</legend>
            <label class="form-label mb-0" for="f-action">
              {t('adminProducts.bulk.label')}
            </label>
            <select id="f-action" class="form-select form-select-sm" name="action">
              <option value="activate">{t('adminProducts.bulk.activate')}</option>
              <option value="deactivate">{t('adminProducts.bulk.deactivate')}</option>
              <option value="feature">{t('adminProducts.bulk.feature')}</option>
              <option value="unfeature">{t('adminProducts.bulk.unfeature')}</option>
            </select>
            <button type="submit" class="btn btn-sm btn-admin-outline" data-bulk-submit>
              {t('adminProducts.bulk.submit')}
            </button>
          </fieldset>
          <div class="admin-table-wrap" tabindex={0} role="region" aria-label={t('adminProducts.title')}>
            <table class="table admin-table align-middle">
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      class="form-check-input"
                      type="checkbox"
                      data-select-all="ids"
                      aria-label={t('adminProducts.bulk.selectAll')}
                      hidden
                    />
                    <span class="visually-hidden">{t('adminProducts.bulk.select')}</span>
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{t('adminProducts.image')}</span>
                  </th>
                  <th scope="col">{t('adminProducts.field.name')}</th>
                  <th scope="col">{t('adminProducts.field.sku')}</th>
                  <th scope="col">{t('adminProducts.field.category')}</th>
                  <th scope="col" class="text-end">
                    {t('adminProducts.field.price')}
                  </th>
                  <th scope="col">{t('adminProducts.field.stock')}</th>
                  <th scope="col">{t('adminProducts.status')}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((row) => (
                  <tr key={row.id} data-product-row={row.sku}>
                    <td>
                      <input
                        class="form-check-input"
                        type="checkbox"
                        name="ids"
                        value={String(row.id)}
                        id={`pick-${row.id}`}
                        aria-label={t('adminProducts.bulk.pick', { name: row.name })}
                      />
                    </td>
                    <td>
                      <Thumb row={row} />
                    </td>
                    <td>
                      <a href={`/admin/produk/${row.id}`} class="admin-product-name">
                        {row.name}
                      </a>
                    </td>
                    <td>
                      <code>{row.sku}</code>
                    </td>
                    <td>{row.categoryName}</td>
                    <td class="text-end text-nowrap">{formatRupiah(row.price)}</td>
                    <td class="text-nowrap">
                      <StockBadge stock={row.stock} threshold={row.lowStockThreshold} />
                    </td>
                    <td class="admin-flags">
                      <span class={`badge ${row.isActive ? 'text-bg-success' : 'text-bg-secondary'}`}>
                        {t(row.isActive ? 'adminProducts.active' : 'adminProducts.inactive')}
                      </span>
                      {row.isFeatured && (
                        <span class="badge text-bg-info">
                          <Icon name="star" /> {t('adminProducts.featured')}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}

      {page.pageCount > 1 && (
        <nav aria-label={t('adminProducts.pages')}>
          <ul class="pagination flex-wrap">
            {Array.from({ length: page.pageCount }, (_, i) => i + 1).map((n) => (
              <li key={n} class={`page-item${n === query.page ? ' active' : ''}`}>
                <a class="page-link" href={listUrl(query, { page: n })} aria-current={n === query.page ? 'page' : undefined}>
                  {n}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </AdminLayout>
  );
}
