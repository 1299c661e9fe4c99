/**
 * URLs of the browser bundles (content-hashed by the build) and of the vendor files served
 * from npm packages. Versions are part of vendor URLs so both can be cached forever.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../lib/project-root';

export interface AssetUrls {
  themeInit: string;
  /** The storefront's common behaviours in one module (web/storefront.ts). */
  shop: string;
  /** The theme toggle alone, for the back office (the storefront's is in `shop`). */
  theme: string;
  gallery: string;
  checkout: string;
  orders: string;
  chatWidget: string;
  chatConsole: string;
  /** The back office: its phone menu (web/admin.ts) and its own style sheet, loaded by admin pages only. */
  admin: string;
  /** The dashboard's sales chart (Chart.js, bundled). */
  adminDashboard: string;
  adminProductImages: string;
  /** The reports page's charts and download progress. */
  adminReports: string;
  /** The orders desk: the sidebar's live badge and new-order alerts on every admin page, the list's select-all. */
  adminOrders: string;
  /** The storefront's one style sheet: Bootstrap purged to what the shop uses, the fonts, app.css. */
  storefrontCss: string;
  /** Our theme without Bootstrap, for admin pages (after Bootstrap's full sheet). */
  appCss: string;
  adminCss: string;
  /** Bootstrap's full style sheet (the back office). */
  bootstrapCss: string;
  /** Bootstrap's collapse, dropdown and alert without Popper (web/bootstrap.ts), for the back office (`shop` has them too). */
  bootstrapJs: string;
  /** The display fonts' woff2 files (Latin subset), preloaded by the storefront layout. */
  fontMetalMania: string;
  fontRockSalt: string;
  /** SVG sprites of the icons the storefront uses, and of every icon (the back office). */
  icons: IconSprite;
  adminIcons: IconSprite;
}

export interface IconSprite {
  url: string;
  /** Symbol ids in the sprite: solid icons by name, brand icons as `brands-<name>`. */
  names: ReadonlySet<string>;
  /**
   * Each symbol's markup (`<symbol id=…>…</symbol>`), for the storefront's sprite only: its pages
   * carry the symbols they draw inline (src/store/ui/icon.tsx), so the first visit fetches no sprite.
   */
  symbols?: ReadonlyMap<string, string>;
}

/** The `<symbol>` elements of a sprite the build wrote (scripts/build-lib.mjs `buildIconSprite`), by id. */
function spriteSymbols(url: string): Map<string, string> {
  const svg = readFileSync(path.join(assetsDir(), path.basename(url)), 'utf8');
  return new Map([...svg.matchAll(/<symbol id="([^"]+)"[\s\S]*?<\/symbol>/g)].map((m) => [m[1]!, m[0]]));
}

export const assetsDir = () => path.join(projectRoot(), 'dist/public/assets');

/**
 * npm packages whose files the store serves as they are under /vendor/<name>@<version>/: only
 * Bootstrap's full style sheet for the back office now. The fonts and icons are built into
 * dist/public/assets/ (Latin woff2 files, SVG sprites) by scripts/build-lib.mjs.
 */
export const vendorPackages = {
  bootstrap: { pkg: 'bootstrap', dir: 'dist' },
} as const;

export type VendorName = keyof typeof vendorPackages;

export function vendorRoot(name: VendorName): { prefix: string; dir: string } {
  const { pkg, dir } = vendorPackages[name];
  const pkgDir = path.join(projectRoot(), 'node_modules', pkg);
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  return { prefix: `/vendor/${name}@${version}/`, dir: path.join(pkgDir, dir) };
}

export function loadAssetUrls(): AssetUrls {
  const file = path.join(assetsDir(), 'manifest.json');
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    throw new Error(`Browser assets are not built (${file} missing): run "npm run build" first.`);
  }
  const entry = (name: string) => {
    const url = manifest[name];
    if (!url) throw new Error(`Browser asset "${name}" missing from ${file}: run "npm run build".`);
    return url;
  };
  const vendor = (name: VendorName, file: string) => vendorRoot(name).prefix + file;
  const iconNames = JSON.parse(readFileSync(path.join(assetsDir(), 'icons.json'), 'utf8')) as Record<string, string[]>;
  const sprite = (name: string): IconSprite => ({ url: entry(name), names: new Set(iconNames[name] ?? []) });
  const icons = sprite('icons');
  return {
    themeInit: entry('theme-init'),
    shop: entry('shop'),
    theme: entry('theme'),
    gallery: entry('gallery'),
    checkout: entry('checkout'),
    orders: entry('orders'),
    chatWidget: entry('chat-widget'),
    chatConsole: entry('chat-console'),
    admin: entry('admin'),
    adminOrders: entry('admin-orders'),
    adminDashboard: entry('admin-dashboard'),
    adminProductImages: entry('admin-product-images'),
    adminReports: entry('admin-reports'),
    storefrontCss: entry('storefront'),
    appCss: entry('app'),
    adminCss: entry('admin-styles'),
    bootstrapCss: vendor('bootstrap', 'css/bootstrap.min.css'),
    bootstrapJs: entry('bootstrap'),
    fontMetalMania: entry('font:metal-mania'),
    fontRockSalt: entry('font:rock-salt'),
    icons: { ...icons, symbols: spriteSymbols(icons.url) },
    adminIcons: sprite('admin-icons'),
  };
}
