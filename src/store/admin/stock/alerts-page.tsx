/** A4 stock alerts: products out of stock, critical or low by their own thresholds; level and search live in the URL. */
import type { AlertLevel, AlertSort, StockAlertPage } from '../../stock/types';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { SortHeader } from '../views/sort-header';
import { LevelBadge, Pager, StockTabs } from './parts';

export function StockAlertsPage({ data, level, q, sort }: { data: StockAlertPage; level?: AlertLevel; q?: string; sort: AlertSort }) {
  const { t } = usePage();
  const all = data.counts.out + data.counts.critical + data.counts.low;
  const filters: { key?: AlertLevel; label: string }[] = [
    { label: t('stock.filter.all', { count: all }) },
    { key: 'out', label: t('stock.filter.out', { count: data.counts.out }) },
    { key: 'critical', label: t('stock.filter.critical', { count: data.counts.critical }) },
    { key: 'low', label: t('stock.filter.low', { count: data.counts.low }) },
  ];
  const linkFor = (key?: AlertLevel, order: string = sort) => {
    const params = new URLSearchParams();
    if (key) params.set('level', key);
    if (q) params.set('q', q);
    if (order !== 'level') params.set('urut', order);
    const qs = params.toString();
    return qs ? `/admin/stok?${qs}` : '/admin/stok';
  };
  const sortLink = (order: string) => linkFor(level, order);
  return (
    <AdminLayout title={t('stock.title')} crumbs={[{ label: t('stock.title') }]}>
      <h1 class="admin-title">{t('stock.title')}</h1>
      <StockTabs current="alerts" />
      <p class="text-body-secondary">{t('stock.lead')}</p>
      <div class="stock-toolbar">
        <nav aria-label={t('stock.filter.label')}>
          <ul class="nav nav-pills stock-filters">
            {filters.map((f) => (
              <li class="nav-item" key={f.key ?? 'all'}>
                <a
                  class={`nav-link${f.key === level ? ' active' : ''}`}
                  href={linkFor(f.key)}
                  aria-current={f.key === level ? 'page' : undefined}
                  data-stock-filter={f.key ?? 'all'}
                >
                  {f.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action="/admin/stok" class="stock-search" role="search">
          {level && <input type="hidden" name="level" value={level} />}
          {sort !== 'level' && <input type="hidden" name="urut" value={sort} />}
          <label class="visually-hidden" for="stock-q">
            {t('stock.search.label')}
          </label>
          <input
            id="stock-q"
            class="form-control"
            type="search"
            name="q"
            value={q ?? ''}
            maxLength={100}
            placeholder={t('stock.search.placeholder')}
          />
          <button class="btn btn-primary" type="submit">
            {t('stock.search.submit')}
          </button>
          {q && (
            <a class="btn btn-link" href={linkFor(level)}>
              {t('stock.search.reset')}
            </a>
          )}
        </form>
      </div>
      {data.rows.length === 0 ? (
        <p class="stock-empty">{t(q ? 'stock.emptySearch' : 'stock.empty')}</p>
      ) : (
        <div class="table-responsive stock-table-wrap" tabIndex={0} aria-label={t('stock.title')} role="region">
          <table class="table align-middle stock-table">
            <thead>
              <tr>
                <SortHeader label={t('stock.col.product')} column="name" sort={sort} href={sortLink} />
                <SortHeader label={t('stock.col.sku')} column="sku" sort={sort} href={sortLink} />
                <SortHeader label={t('stock.col.stock')} column="stock" sort={sort} href={sortLink} end />
                <th scope="col" class="text-end">
                  {t('stock.col.min')}
                </th>
                <th scope="col" class="text-end">
                  {t('stock.col.low')}
                </th>
                <SortHeader label={t('stock.col.level')} column="level" sort={sort} href={sortLink} />
                <th scope="col">{t('stock.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id} data-stock-row={row.id}>
                  <td>
                    <a href={`/admin/stok/${row.id}`}>{row.name}</a>
                    <div class="small text-body-secondary">
                      {row.brand}
                      {!row.isActive && ` · ${t('stock.inactive')}`}
                    </div>
                  </td>
                  <td class="text-nowrap">{row.sku}</td>
                  <td class="text-end fw-semibold">{row.stock}</td>
                  <td class="text-end">{row.minStock}</td>
                  <td class="text-end">{row.lowStockThreshold}</td>
                  <td>
                    <LevelBadge level={row.level} />
                  </td>
                  <td class="text-nowrap">
                    <a href={`/admin/stok/${row.id}`}>{t('stock.history.link')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        base="/admin/stok"
        query={{ level, q, urut: sort === 'level' ? undefined : sort }}
        page={data.page}
        total={data.total}
        pageSize={data.pageSize}
      />
    </AdminLayout>
  );
}
