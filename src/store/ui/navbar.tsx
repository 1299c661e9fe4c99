import { AccountMenu } from './account-menu';
import { ThemeToggle } from './theme-toggle';
import { Icon } from './icon';
import { LanguageSwitch } from './language-switch';
import { usePage } from './page-context';
import { partCache, SharedPart } from './shared-part';

/**
 * Navbars of visitors who are not logged in and have nothing in the cart: the same for every such
 * visitor on a page (its path sets the language link and the current item), so kept per path.
 */
const guestNavbars = partCache(512);
const NAV_ATTRIBUTES = { class: 'navbar navbar-expand-lg glass-nav sticky-top', 'aria-label': 'Main' };

export function Navbar() {
  const { path, user, cartUnits } = usePage();
  if (user || cartUnits > 0) {
    return (
      <nav {...NAV_ATTRIBUTES}>
        <NavbarInside />
      </nav>
    );
  }
  return <SharedPart tag="nav" attributes={NAV_ATTRIBUTES} id={`navbar|${path}`} inner={() => <NavbarInside />} cache={guestNavbars} />;
}

function NavbarInside() {
  const { t, path, profile, user, cartUnits } = usePage();
  const nav = [
    { href: '/', label: t('nav.home') },
    { href: '/produk', label: t('nav.products') },
    { href: '/toko', label: t('nav.store') },
  ];
  return (
    <div class="container">
      <a class="navbar-brand brand-logo" href="/">
        <Icon name="guitar" /> <span>{profile.name.replace(/\s*Music Store$/i, '')}</span>
      </a>
      <div class="d-flex align-items-center gap-1 order-lg-last">
        <LanguageSwitch />
        {/* The badge is redrawn by web/cart.ts after an add; its label says the count in words. */}
        <a
          class="btn btn-icon cart-link"
          href="/keranjang"
          aria-label={cartUnits > 0 ? t('cart.nav.count', { count: cartUnits }) : t('cart.nav')}
          title={t('cart.nav')}
          aria-current={path === '/keranjang' ? 'page' : undefined}
          data-cart-link
          data-label-empty={t('cart.nav')}
        >
          <Icon name="cart-shopping" />
          <span class="cart-badge" data-cart-badge aria-hidden="true" hidden={cartUnits === 0}>
            {cartUnits > 99 ? '99+' : cartUnits}
          </span>
        </a>
        {user ? (
          <AccountMenu
            heading={<span class="dropdown-item-text small text-body-secondary text-truncate d-block nav-user-name">{user.name}</span>}
          >
            <li>
              <a class="dropdown-item" href="/akun">
                <Icon name="user" /> {t('nav.account')}
              </a>
            </li>
            <li>
              <a class="dropdown-item" href="/akun/pesanan">
                <Icon name="box" /> {t('order.list.title')}
              </a>
            </li>
            {user.role !== 'customer' && (
              <li>
                <a class="dropdown-item" href="/admin">
                  <Icon name="gauge" /> {t('nav.admin')}
                </a>
              </li>
            )}
          </AccountMenu>
        ) : (
          <>
            <a class="btn btn-icon" href="/masuk" title={t('nav.login')} aria-current={path === '/masuk' ? 'page' : undefined}>
              <Icon name="user" />
              <span class="visually-hidden">{t('nav.login')}</span>
            </a>
            {/* As Indonesian shops do, registering is one click away; on phones it sits in the menu. */}
            <a class="btn btn-sm btn-outline-rock nav-register d-none d-sm-inline-flex" href="/daftar">
              {t('nav.register')}
            </a>
          </>
        )}
        <ThemeToggle />
        <button
          class="navbar-toggler"
          type="button"
          data-bs-toggle="collapse"
          data-bs-target="#main-nav"
          aria-controls="main-nav"
          aria-expanded="false"
          aria-label={t('nav.menu')}
        >
          <Icon name="bars" />
        </button>
      </div>
      <div class="collapse navbar-collapse" id="main-nav">
        <ul class="navbar-nav me-auto">
          {nav.map((item) => (
            <li class="nav-item" key={item.href}>
              <a class="nav-link" href={item.href} aria-current={item.href === path ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
          {!user && (
            <li class="nav-item d-sm-none">
              <a class="nav-link" href="/daftar" aria-current={path === '/daftar' ? 'page' : undefined}>
                {t('nav.register')}
              </a>
            </li>
          )}
        </ul>
        <form class="nav-search my-2 my-lg-0 me-lg-2" role="search" action="/produk" method="get">
          <label class="visually-hidden" for="nav-search-input">
            {t('nav.search.label')}
          </label>
          <div class="input-group">
            <input
              id="nav-search-input"
              class="form-control"
              type="search"
              name="q"
              maxLength={100}
              placeholder={t('nav.search.placeholder')}
              autocomplete="off"
              data-suggest-input
            />
            <button class="btn btn-rock" type="submit" aria-label={t('nav.search.submit')}>
              <Icon name="magnifying-glass" />
            </button>
          </div>
          <ul
            id="nav-suggest"
            class="suggest-list"
            role="listbox"
            aria-label={t('suggest.label')}
            hidden
            data-suggest-list
            data-products-label={t('suggest.products')}
            data-categories-label={t('suggest.categories')}
            data-none-label={t('suggest.none')}
            data-all-label={t('suggest.all')}
          />
        </form>
      </div>
    </div>
  );
}
