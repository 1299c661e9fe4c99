import type { Translate } from '../../../lib/i18n';
import { usePage } from '../../ui/page-context';
import type { OrderStatus } from '../state-machine';

const TONE: Record<OrderStatus, string> = {
  awaiting_payment: 'warning',
  paid: 'info',
  processing: 'info',
  shipped: 'primary',
  delivered: 'success',
  cancelled: 'secondary',
  expired: 'secondary',
  refunded: 'secondary',
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = usePage();
  return (
    <span class={`order-status order-status-${TONE[status]}`} data-order-status={status}>
      {t(`order.status.${status}`)}
    </span>
  );
}

/** "3 jam 20 menit" until `deadline` (never negative). */
export function timeLeft(t: Translate, deadline: Date, now: Date): string {
  const minutes = Math.max(0, Math.ceil((deadline.getTime() - now.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? t('order.hours.left', { hours, minutes: minutes % 60 }) : t('order.minutes.left', { minutes });
}
