import { formatRupiah } from '../../../lib/money';
import { formatDateWib } from '../../../lib/time';
import { AccountShell } from '../../accounts/views/account-pages';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import type { OrderRow } from '../types';
import { StatusBadge } from './status';

export function OrderListPage({ orders, page, pages }: { orders: OrderRow[]; page: number; pages: number }) {
  const { t, locale } = usePage();
  return (
    <AccountShell title={t('order.list.title')}>
      {orders.length === 0 ? (
        <div class="cart-empty">
          <p class="lead">{t('order.list.empty')}</p>
          <a class="btn btn-rock" href="/produk">
            <Icon name="guitar" /> {t('cart.empty.browse')}
          </a>
        </div>
      ) : (
        <div class="table-responsive">
          <table class="table order-table align-middle">
            <thead>
              <tr>
                <th scope="col">{t('order.list.number')}</th>
                <th scope="col">{t('order.list.date')}</th>
                <th scope="col">{t('order.list.status')}</th>
                <th scope="col" class="text-end">
                  {t('order.list.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={`/pesanan/${o.number}`}>{o.number}</a>
                  </td>
                  <td>{formatDateWib(o.createdAt, locale)}</td>
                  <td>
                    <StatusBadge status={o.status} />
                  </td>
                  <td class="text-end">{formatRupiah(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t('order.list.title')}>
          <ul class="pagination">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <li class={`page-item${n === page ? ' active' : ''}`} key={n}>
                <a class="page-link" href={`/akun/pesanan?hal=${n}`} aria-current={n === page ? 'page' : undefined}>
                  {n}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </AccountShell>
  );
}
