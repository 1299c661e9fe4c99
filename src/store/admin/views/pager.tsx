/**
 * Previous / next links under an admin table, with "page x of y" between them. The page's own
 * `href(page)` keeps its filters in the URL; `label` names the list for assistive technology.
 */
import { usePage } from '../../ui/page-context';

export function AdminPager({ page, pages, href, label }: { page: number; pages: number; href: (page: number) => string; label: string }) {
  const { t } = usePage();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} class="admin-pager">
      {page > 1 ? (
        <a class="btn btn-outline-rock btn-sm" href={href(page - 1)} rel="prev">
          {t('admin.pager.prev')}
        </a>
      ) : (
        <span />
      )}
      <span class="text-body-secondary">{t('admin.pager.status', { page, pages })}</span>
      {page < pages ? (
        <a class="btn btn-outline-rock btn-sm" href={href(page + 1)} rel="next">
          {t('admin.pager.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
