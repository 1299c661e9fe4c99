/** Pieces the orders desk's pages share: the list's address for a filter set, a field's error line, the pager. */
import type { MessageKey } from '../../../lib/i18n';
import { type DeskFilterValues, deskQuery } from '../../orders/schema';
import { AdminPager } from '../views/pager';
import { usePage } from '../../ui/page-context';

export const DESK_PATH = '/admin/pesanan';

export const deskUrl = (values: Partial<DeskFilterValues>, extra: Record<string, string | undefined> = {}) =>
  `${DESK_PATH}${deskQuery(values, extra)}`;

export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  const { t } = usePage();
  if (!error) return null;
  return (
    <div id={id} class="invalid-feedback d-block">
      {t(error as MessageKey)}
    </div>
  );
}

export function DeskPager({ values, page, pages }: { values: DeskFilterValues; page: number; pages: number }) {
  const { t } = usePage();
  const href = (p: number) => deskUrl(values, { page: p > 1 ? String(p) : undefined });
  return <AdminPager page={page} pages={pages} href={href} label={t('ordersDesk.pager.label')} />;
}
