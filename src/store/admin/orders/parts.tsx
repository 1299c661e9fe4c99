/** Pieces the orders desk's pages share: the list's address for a filter set, a field's error line, the pager. */
import type { MessageKey } from '../../../lib/i18n';
import { type DeskFilterValues, deskQuery } from '../../orders/schema';
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
  if (pages <= 1) return null;
  const link = (p: number) => deskUrl(values, { page: p > 1 ? String(p) : undefined });
  return (
    <nav aria-label={t('ordersDesk.pager.label')} class="desk-pager">
      {page > 1 ? (
        <a class="btn btn-outline-rock btn-sm" href={link(page - 1)} rel="prev">
          {t('ordersDesk.pager.prev')}
        </a>
      ) : (
        <span />
      )}
      <span class="text-body-secondary">{t('ordersDesk.pager.status', { page, pages })}</span>
      {page < pages ? (
        <a class="btn btn-outline-rock btn-sm" href={link(page + 1)} rel="next">
          {t('ordersDesk.pager.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
