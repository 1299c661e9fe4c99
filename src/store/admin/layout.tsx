/**
 * The back office's own frame: system fonts (no storefront display fonts), its own light and dark
 * palette (web/styles/admin.css) on the shared theme toggle and cookie, a sidebar by area, a
 * breadcrumb trail, the flash message and a skip link. On a phone the sidebar folds behind a
 * button once web/admin.ts runs; without JavaScript it simply stays open above the page.
 */
import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { AccountMenu } from '../ui/account-menu';
import { BreadcrumbTrail } from '../ui/breadcrumbs';
import { ThemeToggle } from '../ui/theme-toggle';
import { Icon } from '../ui/icon';
import type { PageScript } from '../ui/layout';
import { LanguageSwitch } from '../ui/language-switch';
import { usePage } from '../ui/page-context';
import { FlashCtx } from './flash';
import { sectionOf, visibleNav } from './nav';
import { OrdersBadge } from './orders/badge';

export interface AdminCrumb {
  label: string;
  /** Omitted for the current page (the last crumb). */
  href?: string;
}

export interface AdminLayoutProps {
  title: string;
  /** The trail after "Dashboard"; empty on the dashboard itself. */
  crumbs?: AdminCrumb[];
  /** Browser modules only this page needs (e.g. the chat console). */
  scripts?: readonly PageScript[];
  children: ComponentChildren;
}

export function AdminLayout({ title, crumbs = [], scripts = [], children }: AdminLayoutProps) {
  const { locale, t, theme, assets, csrfToken, path, user } = usePage();
  const flash = useContext(FlashCtx);
  const items = visibleNav(user?.role);
  const current = sectionOf(path);
  const trail: AdminCrumb[] = [{ label: t('admin.nav.dashboard'), href: '/admin' }, ...crumbs];
  return (
    <html
      lang={locale}
      class="admin"
      data-bs-theme={theme ?? 'light'}
      data-theme-source={theme ? 'cookie' : 'system'}
      data-icon-sprite={assets.adminIcons.url}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('admin.brand')}`}</title>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="color-scheme" content="light dark" />
        {csrfToken && <meta name="csrf-token" content={csrfToken} />}
        {/* Both blocking and tiny: the theme and the folded phone menu are set before the first paint. */}
        <script src={assets.themeInit} />
        <script src={assets.admin} />
        {/* Staff pages use more of Bootstrap than the shop: its whole sheet, then ours. */}
        <link rel="stylesheet" href={assets.bootstrapCss} />
        <link rel="stylesheet" href={assets.appCss} />
        <link rel="stylesheet" href={assets.adminCss} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script src={assets.bootstrapJs} type="module" />
        <script src={assets.theme} type="module" />
        {items.some((i) => i.section === 'orders') && <script src={assets.adminOrders} type="module" />}
        {scripts.map((name) => (
          <script key={name} src={assets[name]} type="module" />
        ))}
      </head>
      <body class="admin-body">
        <a class="visually-hidden-focusable skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header class="admin-topbar">
          <button type="button" class="btn admin-nav-toggle" data-admin-nav-toggle aria-controls="admin-nav" aria-expanded="false">
            <Icon name="bars" /> {t('admin.nav.toggle')}
          </button>
          <a class="admin-brand" href="/admin">
            <Icon name="guitar" /> <span>{t('admin.brand')}</span>
          </a>
          <div class="admin-topbar-actions">
            <a class="btn btn-icon" href="/" title={t('admin.storefront')}>
              <Icon name="store" />
              <span class="visually-hidden">{t('admin.storefront')}</span>
            </a>
            <LanguageSwitch />
            <ThemeToggle />
            {user && (
              <AccountMenu
                heading={
                  <span class="dropdown-item-text small text-body-secondary">
                    {user.name} · {t(user.role === 'admin' ? 'admin.role.name.admin' : 'admin.role.name.staff')}
                  </span>
                }
              >
                <li>
                  <a class="dropdown-item" href="/akun">
                    <Icon name="user" /> {t('admin.account')}
                  </a>
                </li>
                <li>
                  <a class="dropdown-item" href="/admin/akun/keamanan" data-admin-security>
                    <Icon name="shield-halved" /> {t('twoFactor.menu')}
                  </a>
                </li>
              </AccountMenu>
            )}
          </div>
        </header>
        <div class="admin-frame">
          <nav id="admin-nav" class="admin-sidebar" aria-label={t('admin.nav.label')}>
            <ul class="admin-nav-list">
              {items.map((item) => (
                <li key={item.section}>
                  <a
                    class="admin-nav-link"
                    href={item.href}
                    aria-current={item.section === current ? 'page' : undefined}
                    data-admin-nav={item.section}
                  >
                    <Icon name={item.icon} /> <span>{t(item.label)}</span>
                    {item.section === 'orders' && <OrdersBadge />}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <main id="main" class="admin-main" tabIndex={-1}>
            <BreadcrumbTrail crumbs={trail} label={t('admin.breadcrumbs')} class="admin-breadcrumb" />
            {flash && (
              <div class={`alert alert-${flash.kind} alert-dismissible admin-flash`} role="status" data-admin-flash>
                {t(flash.key, flash.params)}
                <button type="button" class="btn-close" data-bs-dismiss="alert" aria-label={t('admin.flash.close')} />
              </div>
            )}
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
