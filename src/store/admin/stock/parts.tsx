/** Pieces the stock pages share: the two tabs (alerts, restock orders), a pager that keeps the URL's query, a field error. */
import type { MessageKey } from '../../../lib/i18n';
import { AdminPager } from '../views/pager';
import { usePage } from '../../ui/page-context';
import { AdminTabs } from '../views/tabs';

export function StockTabs({ current }: { current: 'alerts' | 'restock' }) {
  const { t } = usePage();
  const tabs = [
    { key: 'alerts', href: '/admin/stok', label: t('stock.tabs.alerts') },
    { key: 'restock', href: '/admin/stok/restock', label: t('stock.tabs.restock') },
  ] as const;
  return <AdminTabs label={t('stock.tabs.label')} class="stock-tabs" current={current} tabs={tabs} />;
}

/** Previous / next links that keep every other query parameter. */
export function Pager({
  base,
  query,
  page,
  total,
  pageSize,
}: {
  base: string;
  query: Record<string, string | undefined>;
  page: number;
  total: number;
  pageSize: number;
}) {
  const { t } = usePage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (p > 1) params.set('page', String(p));
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  return <AdminPager page={page} pages={pages} href={href} label={t('stock.pager.label')} />;
}

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t } = usePage();
  if (!error) return null;
  return (
    <div id={id} class="invalid-feedback d-block">
      {t(error as MessageKey)}
    </div>
  );
}

export function LevelBadge({ level }: { level: 'out' | 'critical' | 'low' | 'ok' }) {
  const { t } = usePage();
  return <span class={`stock-level stock-level-${level}`}>{t(`stock.level.${level}`)}</span>;
}
