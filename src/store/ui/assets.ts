/**
 * URLs of the browser bundles (content-hashed by the build) and of the vendor files served
 * from npm packages. Versions are part of vendor URLs so both can be cached forever.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../lib/project-root';

export interface AssetUrls {
  themeInit: string;
  theme: string;
  search: string;
  catalog: string;
  gallery: string;
  cart: string;
  checkout: string;
  orders: string;
  chatLauncher: string;
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
  appCss: string;
  adminCss: string;
  bootstrapCss: string;
  bootstrapJs: string;
  fontAwesomeCss: string;
  metalManiaCss: string;
  rockSaltCss: string;
}

export const assetsDir = () => path.join(projectRoot(), 'dist/public/assets');

/** npm packages whose files the store serves under /vendor/<name>@<version>/. */
export const vendorPackages = {
  bootstrap: { pkg: 'bootstrap', dir: 'dist' },
  fontawesome: { pkg: '@fortawesome/fontawesome-free', dir: '' },
  'metal-mania': { pkg: '@fontsource/metal-mania', dir: '' },
  'rock-salt': { pkg: '@fontsource/rock-salt', dir: '' },
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
  return {
    themeInit: entry('theme-init'),
    theme: entry('theme'),
    search: entry('search'),
    catalog: entry('catalog'),
    gallery: entry('gallery'),
    cart: entry('cart'),
    checkout: entry('checkout'),
    orders: entry('orders'),
    chatLauncher: entry('chat-launcher'),
    chatWidget: entry('chat-widget'),
    chatConsole: entry('chat-console'),
    admin: entry('admin'),
    adminOrders: entry('admin-orders'),
    adminDashboard: entry('admin-dashboard'),
    adminProductImages: entry('admin-product-images'),
    adminReports: entry('admin-reports'),
    appCss: entry('app'),
    adminCss: entry('admin-styles'),
    bootstrapCss: vendor('bootstrap', 'css/bootstrap.min.css'),
    bootstrapJs: vendor('bootstrap', 'js/bootstrap.bundle.min.js'),
    fontAwesomeCss: vendor('fontawesome', 'css/all.min.css'),
    metalManiaCss: vendor('metal-mania', 'index.css'),
    rockSaltCss: vendor('rock-salt', 'index.css'),
  };
}
