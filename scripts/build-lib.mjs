// Build steps shared by `npm run build` and the test set-up. Plain JavaScript so that
// `npm start` needs nothing but Node.js and the installed packages.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import * as esbuild from 'esbuild';
import { PurgeCSS } from 'purgecss';
import subsetFont from 'subset-font';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const assetsDir = path.join(root, 'dist/public/assets');
// Built here first, then moved into assetsDir file by file (see publishAssets).
const stagingDir = `${assetsDir}.staging-${process.pid}`;

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
  // Every storefront page's behaviours in one module: Bootstrap's, the theme toggle, search,
  // catalogue filters, cart, and the chat button that loads the widget on first click.
  shop: 'web/storefront.ts',
  // The theme toggle on its own, and Bootstrap's behaviours (below), for the back office.
  theme: 'web/theme.ts',
  gallery: 'web/gallery.ts',
  checkout: 'web/checkout.ts',
  orders: 'web/orders.ts',
  'chat-widget': 'web/chat-widget.ts',
  'chat-console': 'web/chat-console.ts',
  // The storefront's one style sheet (Bootstrap + fonts + app.css), purged after bundling.
  storefront: 'web/styles/storefront.css',
  // Only the Bootstrap behaviours we use (collapse, dropdown, alert), without Popper.
  bootstrap: 'web/bootstrap.ts',
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
  await checkFontRanges();
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(stagingDir, { recursive: true });
  const result = await esbuild.build({
    entryPoints: Object.fromEntries(Object.entries(webEntries).map(([k, v]) => [k, path.join(root, v)])),
    outdir: stagingDir,
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
    // Web fonts referenced by fonts.css are copied next to the bundles under hashed names.
    loader: { '.woff2': 'file' },
    // Bootstrap's dropdown imports Popper; ours are all positioned by CSS (see web/popper-stub.ts).
    alias: { '@popperjs/core': path.join(root, 'web/popper-stub.ts') },
    plugins: [subsetFontsPlugin],
  });
  const manifest = {};
  for (const [file, meta] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    if (file.endsWith('.woff2')) {
      // "font:metal-mania" → the hashed URL, for the layout's <link rel=preload>.
      const source = Object.keys(meta.inputs)[0] ?? '';
      const family = /@fontsource\/([^/]+)\//.exec(source)?.[1];
      if (family) manifest[`font:${family}`] = '/assets/' + path.basename(file);
      continue;
    }
    if (!meta.entryPoint) continue;
    const name = Object.entries(webEntries).find(([, src]) => path.join(root, src) === path.resolve(root, meta.entryPoint))?.[0];
    if (name) manifest[name] = '/assets/' + path.basename(file);
  }
  manifest.storefront = await purgeStorefrontCss(manifest.storefront);
  // Two sprites: the storefront's (its own icons and the category icons) and the back office's
  // (every icon in the code), so a shopper's page does not fetch the admin's ~100 icons.
  const [shopSprite, adminSprite] = await Promise.all([buildIconSprite('icons', isStorefrontSource), buildIconSprite('admin-icons')]);
  manifest.icons = shopSprite.url;
  manifest['admin-icons'] = adminSprite.url;
  await writeFile(path.join(stagingDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(stagingDir, 'icons.json'), JSON.stringify({ icons: shopSprite.names, 'admin-icons': adminSprite.names }));
  await precompressStaged();
  await publishAssets();
  return manifest;
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** What the browser fetches as text; fonts (woff2) and source maps are left alone. */
const COMPRESSIBLE = ['.css', '.js', '.svg'];

/**
 * Writes `<file>.br` (Brotli at its best setting) and `<file>.gz` (gzip -9) beside every style
 * sheet, script and sprite, served by static-files.ts (`preCompressed`) instead of compressing on
 * each request. The store's on-the-fly compression uses Brotli 2 to stay cheap per request (at 4
 * the storefront sheet went out as 19.8 KB, at 11 it is ~15 KB), and the bytes before the first paint
 * are what a phone on a slow link waits for. A copy no smaller than the file is not written.
 */
async function precompressStaged() {
  const files = (await readdir(stagingDir)).filter((f) => COMPRESSIBLE.some((ext) => f.endsWith(ext)));
  await Promise.all(
    files.map(async (file) => {
      const source = await readFile(path.join(stagingDir, file));
      const [br, gz] = await Promise.all([
        brotli(source, {
          params: {
            [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
          },
        }),
        gzip(source, { level: 9 }),
      ]);
      if (br.length < source.length) await writeFile(path.join(stagingDir, `${file}.br`), br);
      if (gz.length < source.length) await writeFile(path.join(stagingDir, `${file}.gz`), gz);
    }),
  );
}

/**
 * Moves the staged build into assetsDir: each file by an atomic rename (the manifests last), then
 * removes what the new build no longer has. A store already running from dist/ (a test run, a
 * second terminal) never finds its files missing halfway, as it did when the folder was emptied
 * first and the purge made the build take a second or two. Names are content hashes, so a file
 * that is replaced has the same bytes.
 */
async function publishAssets() {
  await mkdir(assetsDir, { recursive: true });
  const fresh = await readdir(stagingDir);
  const last = ['icons.json', 'manifest.json'];
  for (const file of [...fresh.filter((f) => !last.includes(f)), ...last]) {
    await rename(path.join(stagingDir, file), path.join(assetsDir, file));
  }
  const keep = new Set(fresh);
  for (const file of await readdir(assetsDir)) {
    if (!keep.has(file)) await rm(path.join(assetsDir, file), { recursive: true, force: true });
  }
  await rm(stagingDir, { recursive: true, force: true });
}

/**
 * The characters the display fonts keep: Latin letters, digits and the punctuation headings, brand
 * and product names use ("100% Original", "Bandung · sejak …"). The grungy glyphs cost ~400 bytes
 * each even compressed, so the rarer ASCII symbols ($ * < = > @ [ ] _ { } ~ …) are left out:
 * web/styles/fonts.css declares this same set as each face's unicode-range (the build checks, see
 * checkFontRanges), so any other character is drawn by the metric-matched fallback instead of
 * being missing. Both fonts: 68 KB (all of ASCII: 81 KB).
 */
const FONT_TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,-:&'!?()/%\u00a0\u00b7\u2019\u2013\u2014\u2026";

/** FONT_TEXT as a CSS unicode-range: "U+0020-0021, U+0026-0029, …". */
function unicodeRange(text) {
  const codes = [...new Set([...text].map((c) => c.codePointAt(0)))].sort((a, b) => a - b);
  const hex = (n) => n.toString(16).toUpperCase().padStart(4, '0');
  const ranges = [];
  for (const code of codes) {
    const last = ranges.at(-1);
    if (last && code === last[1] + 1) last[1] = code;
    else ranges.push([code, code]);
  }
  return ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(', ');
}

/** Fails the build when fonts.css's unicode-range no longer matches the characters the subsets keep. */
async function checkFontRanges() {
  const css = await readFile(path.join(root, 'web/styles/fonts.css'), 'utf8');
  const expected = unicodeRange(FONT_TEXT);
  for (const m of css.matchAll(/unicode-range:\s*([^;]+);/g)) {
    const found = m[1].replace(/\s+/g, ' ').trim();
    if (found !== expected) {
      throw new Error(`web/styles/fonts.css: unicode-range must be "${expected}" (the build's FONT_TEXT), not "${found}"`);
    }
  }
}

const fontCacheDir = path.join(root, 'node_modules/.cache/hurtrock-fonts');

/**
 * Subsets every woff2 file the style sheets import (the @fontsource Latin files) to FONT_TEXT,
 * without hinting (display sizes only; Chrome on Android and Linux barely uses it), with
 * harfbuzz's subsetter compiled to WebAssembly (`subset-font`, from npm). Metal Mania 76 → 40 KB,
 * Rock Salt 59 → 28 KB. The file loader then hashes the subset, so its URL changes with it.
 * Cached by the source's and the options' hash: the subsetting takes about a second.
 */
const subsetFontsPlugin = {
  name: 'subset-fonts',
  setup(build) {
    build.onLoad({ filter: /\.woff2$/ }, async (args) => {
      const source = await readFile(args.path);
      const key = createHash('sha256').update(source).update(FONT_TEXT).update('v1 no-hinting').digest('hex').slice(0, 20);
      const cached = path.join(fontCacheDir, `${key}.woff2`);
      const hit = await readFile(cached).catch(() => undefined);
      if (hit) return { contents: hit, loader: 'file' };
      const subset = await subsetFont(source, FONT_TEXT, { targetFormat: 'woff2', noHinting: true });
      await mkdir(fontCacheDir, { recursive: true });
      await writeFile(cached, subset);
      return { contents: subset, loader: 'file' };
    });
  },
};

/** Writes `content` as <name>-<hash of content>.<ext> into the assets folder and returns its URL. */
async function writeHashed(name, ext, content) {
  const hash = createHash('sha256').update(content).digest('base64url').slice(0, 10);
  const file = `${name}-${hash}.${ext}`;
  await writeFile(path.join(stagingDir, file), content);
  return '/assets/' + file;
}

/** Every file under `dir` (relative to the root) whose name ends with one of `exts`. */
async function sourceFiles(dir, exts) {
  const entries = await readdir(path.join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && exts.some((x) => e.name.endsWith(x)))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** Sources of storefront pages and their browser modules: not the back office, not the chat service. */
function isStorefrontSource(file) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return !rel.startsWith('src/store/admin/') && !/^web\/(admin|chat-console)/.test(rel) && !rel.startsWith('src/chat/');
}

/**
 * Removes from the storefront sheet every rule whose classes, ids and tags appear in no storefront
 * source: the TSX/TS that renders storefront pages and the browser modules they load (the back
 * office and the staff chat console load Bootstrap whole and are left out). Bootstrap's own
 * modules that we bundle are content too, so the classes they add (show, collapsing…) stay.
 * The purged file is hashed again: its content depends on the sources, not only on the CSS.
 */
async function purgeStorefrontCss(url) {
  const bundled = path.join(stagingDir, path.basename(url));
  const css = (await readFile(bundled, 'utf8')).replace(/\/\*# sourceMappingURL=.*\*\/\s*$/, '');
  const content = [
    ...(await sourceFiles('src', ['.ts', '.tsx'])).filter(isStorefrontSource),
    ...(await sourceFiles('web', ['.ts'])).filter(isStorefrontSource),
    ...['collapse', 'dropdown', 'alert', 'base-component', 'util/index'].map((m) =>
      path.join(root, `node_modules/bootstrap/js/src/${m}.js`),
    ),
  ];
  const [result] = await new PurgeCSS().purge({
    content,
    css: [{ raw: css }],
    // Classes built from a prefix and a value at run time (alert-${kind}, stock-${kind}…) and the
    // states Bootstrap's and our scripts toggle, which no source spells out whole.
    safelist: {
      standard: [/^alert-/, /^stock-/, /^order-step-/, /^order-status-/, /^is-/, /^was-validated$/, 'show', 'fade', 'collapsing'],
      greedy: [/data-bs-theme/, /data-bs-popper/],
    },
    // Not fontFace: our families are named through custom properties (--hr-font-display), which
    // PurgeCSS does not follow, so it would drop every @font-face. fonts.css holds only ours anyway.
    keyframes: true,
    variables: true,
  });
  await rm(bundled);
  await rm(`${bundled}.map`, { force: true });
  return writeHashed('storefront', 'css', result.css);
}

const FA_SVGS = path.join(root, 'node_modules/@fortawesome/fontawesome-free/svgs');

/**
 * The icons the code (the files `include` accepts) names, as one SVG sprite of <symbol>s (solid ones by their name, brands as
 * "brands-<name>"), instead of Font Awesome's whole web font (~150 KB) and style sheet.
 * A name counts when it is quoted on a line that mentions an icon (`<Icon name="x">`,
 * `icon: 'x'`, `icon="x"`, a ternary inside <Icon>), appears as a Font Awesome class (`fa-x`), or
 * is listed in src/store/ui/icon-names.ts (icons staff choose at run time). Quoted words that are
 * not Font Awesome names are ignored, so over-matching costs at most a few extra symbols.
 */
export async function buildIconSprite(name, include = () => true) {
  const [solid, brands] = await Promise.all(
    ['solid', 'brands'].map(async (style) => new Set((await readdir(path.join(FA_SVGS, style))).map((f) => f.replace(/\.svg$/, '')))),
  );
  const wanted = new Set();
  const files = [...(await sourceFiles('src', ['.ts', '.tsx'])), ...(await sourceFiles('web', ['.ts']))].filter(include);
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const whole = file.endsWith(path.join('ui', 'icon-names.ts'));
    for (const line of text.split('\n')) {
      if (!whole && !/icon|fa-/i.test(line)) continue;
      // Two letters at least: "0" and "i" are Font Awesome icons too, but never ours.
      for (const m of line.matchAll(/['"`]([a-z][a-z0-9]+(?:-[a-z0-9]+)*)['"`]/g)) wanted.add(m[1]);
      for (const m of line.matchAll(/\bfa-([a-z0-9]+(?:-[a-z0-9]+)*)/g)) wanted.add(m[1]);
    }
  }
  const symbols = [];
  const names = [];
  for (const name of [...wanted].sort()) {
    for (const [style, set, id] of [
      ['solid', solid, name],
      ['brands', brands, `brands-${name}`],
    ]) {
      if (!set.has(name)) continue;
      const svg = await readFile(path.join(FA_SVGS, style, `${name}.svg`), 'utf8');
      const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1];
      const body = svg
        .replace(/^[\s\S]*?<svg[^>]*>/, '')
        .replace(/<\/svg>\s*$/, '')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/ fill="currentColor"/g, '');
      symbols.push(`<symbol id="${id}" viewBox="${viewBox}">${body}</symbol>`);
      names.push(id);
    }
  }
  // Font Awesome Free's icons are CC BY 4.0: the credit travels with the file.
  const sprite =
    '<svg xmlns="http://www.w3.org/2000/svg"><!-- Font Awesome Free by @fontawesome - https://fontawesome.com ' +
    'License - https://fontawesome.com/license/free (Icons: CC BY 4.0) -->' +
    symbols.join('') +
    '</svg>';
  return { url: await writeHashed(name, 'svg', sprite), names };
}
