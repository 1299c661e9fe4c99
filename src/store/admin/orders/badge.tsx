/**
 * The sidebar's "needs action" badge on the orders entry. Rendered empty and hidden: the count
 * comes from web/admin-orders.ts, which polls /admin/pesanan/perlu-tindakan (so every admin page
 * stays one query lighter). The strings the script needs travel as data attributes.
 */
import { usePage } from '../../ui/page-context';

export const BADGE_URL = '/admin/pesanan/perlu-tindakan';

export function OrdersBadge() {
  const { t } = usePage();
  return (
    <span
      class="admin-nav-badge"
      hidden
      data-orders-badge={BADGE_URL}
      data-label={t('ordersDesk.badge', { count: '{count}' })}
      data-label-one={t('ordersDesk.badge.one')}
      data-notify-title={t('ordersDesk.notify.title')}
      data-notify-body={t('ordersDesk.notify.body', { count: '{count}' })}
      data-notify={t('ordersDesk.notify.on')}
      data-sound={t('ordersDesk.notify.sound')}
      data-notify-denied={t('ordersDesk.notify.denied')}
      data-notify-unsupported={t('ordersDesk.notify.unsupported')}
    />
  );
}
