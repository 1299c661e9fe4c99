import type { ComponentChildren } from 'preact';
import { ChatLauncher } from './chat-launcher';
import { Footer } from './footer';
import { IconSymbols } from './icon';
import { Navbar } from './navbar';
import { usePage } from './page-context';

/** Where the sheet sets accents in Rock Salt: the complement of base.css's phone query (max-width: 767.98px). */
export const ACCENT_FONT_MEDIA = '(min-width: 768px)';

export interface LayoutProps {
  title: string;
  description?: string;
  /** Page-specific head elements (canonical, Open Graph, JSON-LD), after the common ones. */
  head?: ComponentChildren;
  /** Browser modules only this page needs (e.g. the product gallery), loaded after the common ones. */
  scripts?: readonly PageScript[];
  children: ComponentChildren;
}

/** Asset names of browser modules that pages load on demand. */
export type PageScript = 'gallery' | 'chatConsole' | 'checkout' | 'orders' | 'adminDashboard' | 'adminProductImages' | 'adminReports';

export function Layout({ title, description, head, scripts = [], children }: LayoutProps) {
  const { locale, t, theme, assets, profile, csrfToken, path } = usePage();
  // Staff answer from /admin/chat; the customer widget belongs to the storefront only.
  const chatWidget = !path.startsWith('/admin');
  const fullTitle = `${title} · ${profile.name}`;
  return (
    <html
      lang={locale}
      data-bs-theme={theme ?? 'light'}
      data-theme-source={theme ? 'cookie' : 'system'}
      data-icon-sprite={assets.icons.url}
    >
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description ?? t('meta.description')} />
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#1A1A1A" />
        {/* Browser modules send this as `x-csrf-token` with every state-changing fetch. */}
        {csrfToken && <meta name="csrf-token" content={csrfToken} />}
        {/* Blocking on purpose and tiny: sets the theme before the first paint (no flash). */}
        <script src={assets.themeInit} />
        {/* One purged sheet (Bootstrap + fonts + theme, ~17 KB gzipped); the CSP allows no inline CSS. */}
        <link rel="stylesheet" href={assets.storefrontCss} />
        {/* The display fonts are on screen at once (brand, headings, nav links): fetch them with
            the sheet rather than after it. crossorigin: fonts are CORS requests even same-origin.
            Rock Salt only where the sheet uses it: phones set accents in the body font (base.css). */}
        <link rel="preload" href={assets.fontMetalMania} as="font" type="font/woff2" crossorigin="anonymous" />
        <link rel="preload" href={assets.fontRockSalt} as="font" type="font/woff2" crossorigin="anonymous" media={ACCENT_FONT_MEDIA} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {/* Bootstrap's behaviours, theme toggle, search, filters, cart, chat button: one request. */}
        <script src={assets.shop} type="module" />
        {scripts.map((name) => (
          <script key={name} src={assets[name]} type="module" />
        ))}
        {head}
      </head>
      <body>
        <a class="visually-hidden-focusable skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <Navbar />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <Footer />
        {chatWidget && <ChatLauncher />}
        {/* Add-to-cart answers (web/cart.ts) are announced here; empty until then. */}
        <div
          class="cart-toast"
          role="status"
          aria-live="polite"
          data-cart-toast
          data-view-label={t('cart.toast.view')}
          data-error-label={t('cart.error.network')}
        />
        {/* Last: the symbols of the icons above (see Icon). */}
        <IconSymbols />
      </body>
    </html>
  );
}
