/** A4 movement history of one product: stock, thresholds, the sum of movements, the hand-adjustment form and every movement. */
import { formatDateTimeWib } from '../../../lib/time';
import type { MovementHistory } from '../../stock/types';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { LevelBadge, Pager } from './parts';

export function StockHistoryPage({ history, form }: { history: MovementHistory; form: FormState }) {
  const { t, locale } = usePage();
  const { product } = history;
  const title = t('stock.history.title', { name: product.name });
  return (
    <AdminLayout title={title} crumbs={[{ label: t('stock.title'), href: '/admin/stok' }, { label: product.name }]}>
      <h1 class="admin-title">{title}</h1>
      <p class="text-body-secondary">
        {product.brand} · {product.sku}
      </p>
      <dl class="stock-facts">
        <div>
          <dt>{t('stock.history.current')}</dt>
          <dd data-stock-current>
            {product.stock} <LevelBadge level={history.level} />
          </dd>
        </div>
        <div>
          <dt>{t('stock.history.sum')}</dt>
          <dd data-stock-sum>{history.movementSum}</dd>
        </div>
        <div>
          <dt>{t('stock.history.thresholdsLabel')}</dt>
          <dd class="stock-facts-small">{t('stock.history.thresholds', { min: product.minStock, low: product.lowStockThreshold })}</dd>
        </div>
      </dl>
      {history.movementSum !== product.stock && (
        <p class="alert alert-info" data-stock-difference>
          {t('stock.history.difference', { diff: product.stock - history.movementSum })}
        </p>
      )}
      <section class="stock-panel" aria-labelledby="adjust-title">
        <h2 class="admin-subtitle" id="adjust-title">
          {t('stock.adjust.title')}
        </h2>
        <p class="text-body-secondary">{t('stock.adjust.lead')}</p>
        <FormAlert state={form} />
        <form method="post" action={`/admin/stok/${product.id}/penyesuaian`} class="stock-adjust" novalidate>
          <CsrfField />
          <FieldInput name="delta" label="stock.adjust.delta" hint="stock.adjust.deltaHint" state={form} maxLength={10} />
          <FieldInput name="note" label="stock.adjust.note" hint="stock.adjust.noteHint" state={form} maxLength={300} />
          <button class="btn btn-primary" type="submit">
            {t('stock.adjust.submit')}
          </button>
        </form>
      </section>
      <h2 class="admin-subtitle">{t('stock.history.movements', { count: history.total })}</h2>
      {history.rows.length === 0 ? (
        <p class="stock-empty">{t('stock.history.empty')}</p>
      ) : (
        <div
          class="table-responsive stock-table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('stock.history.movements', { count: history.total })}
        >
          <table class="table align-middle stock-table">
            <thead>
              <tr>
                <th scope="col">{t('stock.col.when')}</th>
                <th scope="col" class="text-end">
                  {t('stock.col.change')}
                </th>
                <th scope="col">{t('stock.col.reason')}</th>
                <th scope="col">{t('stock.col.reference')}</th>
                <th scope="col">{t('stock.col.who')}</th>
                <th scope="col">{t('stock.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {history.rows.map((m) => (
                <tr key={m.id} data-movement={m.reason}>
                  <td class="text-nowrap">{formatDateTimeWib(m.createdAt, locale)}</td>
                  <td class={`text-end fw-semibold ${m.change > 0 ? 'stock-up' : 'stock-down'}`}>
                    {m.change > 0 ? `+${m.change}` : `−${-m.change}`}
                  </td>
                  <td>{t(`stock.reason.${m.reason}`)}</td>
                  <td class="text-nowrap">
                    {m.orderNumber && <a href={`/pesanan/${m.orderNumber}`}>{m.orderNumber}</a>}
                    {m.restockOrderId && (
                      <a href={`/admin/stok/restock/${m.restockOrderId}`}>{t('stock.ref.restock', { id: m.restockOrderId })}</a>
                    )}
                  </td>
                  <td>{m.userName ?? t('stock.who.system')}</td>
                  <td>{m.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base={`/admin/stok/${product.id}`} query={{}} page={history.page} total={history.total} pageSize={history.pageSize} />
    </AdminLayout>
  );
}
