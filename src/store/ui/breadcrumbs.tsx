import { usePage } from './page-context';

export interface Crumb {
  label: string;
  /** Omitted for the current page (the last crumb). */
  href?: string;
}

/** A breadcrumb trail: every crumb but the last is a link; the last is the current page. */
export function BreadcrumbTrail({ crumbs, label, class: extra }: { crumbs: Crumb[]; label: string; class?: string }) {
  return (
    <nav aria-label={label}>
      <ol class={`breadcrumb${extra ? ` ${extra}` : ''}`}>
        {crumbs.map((c, i) =>
          c.href && i < crumbs.length - 1 ? (
            <li class="breadcrumb-item" key={i}>
              <a href={c.href}>{c.label}</a>
            </li>
          ) : (
            <li class="breadcrumb-item active" aria-current="page" key={i}>
              {c.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Home › Products › …: the trail every catalog and product page starts with. */
export function Breadcrumbs({ trail, label, class: extra }: { trail: Crumb[]; label: string; class?: string }) {
  const { t } = usePage();
  const crumbs: Crumb[] = [{ label: t('nav.home'), href: '/' }, { label: t('nav.products'), href: '/produk' }, ...trail];
  return <BreadcrumbTrail crumbs={crumbs} label={label} class={extra} />;
}
