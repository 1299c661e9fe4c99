// Build steps shared by `npm run build` and the test set-up. Plain JavaScript so that
// `npm start` needs nothing but Node.js and the installed packages.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const assetsDir = path.join(root, 'dist/public/assets');

/** Server entry points, bundled with their packages left external. */
const serverEntries = {
  launcher: 'src/launcher.ts',
  'store/main': 'src/store/main.ts',
  'chat/main': 'src/chat/main.ts',
  seed: 'scripts/seed.ts',
};

/** Browser modules (web/) and the style sheet, bundled into content-hashed files. */
const webEntries = {
  'theme-init': 'web/theme-init.ts',
  theme: 'web/theme.ts',
  search: 'web/search.ts',
  catalog: 'web/catalog.ts',
  gallery: 'web/gallery.ts',
  cart: 'web/cart.ts',
  checkout: 'web/checkout.ts',
  orders: 'web/orders.ts',
  // Chat: a tiny launcher on every page; the widget (with socket.io-client) loads on first click.
  'chat-launcher': 'web/chat-launcher.ts',
  'chat-widget': 'web/chat-widget.ts',
  'chat-console': 'web/chat-console.ts',
  app: 'web/styles/app.css',
  // The back office: a tiny blocking script (phone menu) and its own style sheet, loaded by admin pages only.
  admin: 'web/admin.ts',
  // The dashboard's sales chart: Chart.js bundled here, served by the store (no CDN).
  'admin-dashboard': 'web/admin-dashboard.ts',
  'admin-styles': 'web/styles/admin.css',
  'admin-product-images': 'web/admin-product-images.ts',
  'admin-reports': 'web/admin-reports.ts',
  'admin-orders': 'web/admin-orders.ts',
};

export async function buildServer() {
  await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(serverEntries).map(([k, v]) => [k, path.join(root, v)])),
    outdir: path.join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Bundles web/ into dist/public/assets/<name>-<hash>.{js,css} and writes manifest.json (name → URL). */
export async function buildWebAssets({ minify = true } = {}) {
  await rm(assetsDir, { recursive: true, force: true });
  await mkdir(assetsDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(webEntries).map(([k, v]) => [k, path.join(root, v)])),
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    minify,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    // The style sheet refers to fonts and images served by the store itself.
    external: ['/vendor/*', '/static/*'],
  });
  const manifest = {};
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    if (!meta.entryPoint || file.endsWith('.map')) continue;
    const name = Object.entries(webEntries).find(([, src]) => path.join(root, src) === path.resolve(root, meta.entryPoint))?.[0];
    if (name) manifest[name] = '/assets/' + path.basename(file);
  }
  await writeFile(path.join(assetsDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}
