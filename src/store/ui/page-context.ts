/**
 * What every server-rendered page needs to know about the request, passed through Preact
 * context so components do not thread it through props.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, Translate } from '../../lib/i18n';
import type { AssetUrls } from './assets';
import type { KeptParts } from './kept-html';
import type { storeProfile } from '../../db/schema';

/** The shop's profile row (the store-profile area reads and keeps it; the layout shows it). */
type StoreProfile = typeof storeProfile.$inferSelect;

export type Theme = 'light' | 'dark';

export interface PageContext {
  locale: Locale;
  t: Translate;
  /** Theme the visitor chose (cookie); undefined = follow the system until the browser decides. */
  theme: Theme | undefined;
  assets: AssetUrls;
  profile: StoreProfile;
  /** Path of the current request, for the language switch and active links. */
  path: string;
  /** The logged-in user, or null for a guest. */
  user: PageUser | null;
  /** CSRF token for this page's forms (undefined when the visitor has no session yet). */
  csrfToken: string | undefined;
  /** Units in the visitor's cart, for the navbar badge (0 without a session). */
  cartUnits: number;
  /**
   * The storefront icons this page draws, filled by <Icon> while the page renders (a fresh set per
   * render, src/store/ui/render.ts); the layout writes their symbols at the end of <body>.
   */
  inlineIcons?: Set<string>;
  /**
   * Kept parts placed on this page as markers, in order (render.ts turns them into bytes); absent
   * when the page is rendered as one string, and inside a kept part's own render.
   */
  keptParts?: KeptParts;
}

export interface PageUser {
  name: string;
  role: 'customer' | 'staff' | 'admin';
  emailVerified: boolean;
}

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}
