// `npm run package`: dist/pkg/hurtrock, one Linux x64 executable (Node 24 LTS from npm + our code
// and files as a SEA blob). Runs on the machine's Node 20 too: only the blob step uses Node 24.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildWebAssets } from './build-lib.mjs';
import {
  bundleSea,
  collectResources,
  injectBlob,
  makeBlob,
  nodeRuntime,
  pkgDir,
  version,
  workDir,
  writeResourceArchive,
} from './package-lib.mjs';

const started = Date.now();
const step = (name) => console.log(`[package] ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

rmSync(workDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });
step('node runtime');
const node = nodeRuntime();
step('browser assets and the executable bundle');
const [, main] = await Promise.all([buildWebAssets(), bundleSea()]);
step('resources');
const archive = writeResourceArchive(collectResources());
console.log(`[package]   ${archive.count} files, ${(archive.bytes / 1e6).toFixed(1)} MB`);
step('blob');
// SEA_EXEC_ARGV='--liftoff-only' bakes V8 flags in (measured: ~12% less RSS with PGlite, speed unclear); off by default.
const blob = makeBlob(node, { main, ...archive, execArgv: process.env.SEA_EXEC_ARGV ? process.env.SEA_EXEC_ARGV.split(' ') : [] });
step('executable');
const output = path.join(pkgDir, 'hurtrock');
injectBlob(node, blob, output);
console.log(
  `[package] ${path.relative(process.cwd(), output)} ${version}: ${(statSync(output).size / 1e6).toFixed(1)} MB, ` +
    `built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
