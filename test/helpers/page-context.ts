/**
 * A page context for rendering components in unit tests: Indonesian, no session, a sprite holding
 * the given icons (names without a symbol are known but drawn from the sprite file).
 */
import { translator } from '../../src/lib/i18n';
import type { AssetUrls } from '../../src/store/ui/assets';
import type { PageContext } from '../../src/store/ui/page-context';

export function testAssets(symbols: Record<string, string> = {}, otherNames: string[] = []): AssetUrls {
  const sprite = {
    url: '/assets/icons.svg',
    names: new Set([...Object.keys(symbols), ...otherNames]),
    symbols: new Map(Object.entries(symbols)),
  };
  return { icons: sprite, adminIcons: sprite } as unknown as AssetUrls;
}

/**
 * One profile and one sprite for every context: kept parts are cached per profile object, so tests
 * of what is kept (and what must not leak between visitors) need the same one each render.
 */
const defaultProfile = { name: 'Hurtrock Music Store' } as unknown as PageContext['profile'];
const defaultAssets = testAssets();

export function testPageContext(overrides: Partial<PageContext> = {}): PageContext {
  const locale = overrides.locale ?? 'id';
  return {
    locale,
    t: translator(locale),
    theme: undefined,
    assets: defaultAssets,
    profile: defaultProfile,
    path: '/',
    user: null,
    csrfToken: undefined,
    cartUnits: 0,
    ...overrides,
  };
}
