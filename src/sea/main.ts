/**
 * Entry point of the single executable (`npm run package` → dist/pkg/hurtrock). Bundled as
 * CommonJS (a SEA main script cannot be an ES module): no top-level await here or below.
 *
 *   hurtrock            store + chat, supervised (as `npm start`)
 *   hurtrock store      the store alone          hurtrock chat   the chat service alone
 *   hurtrock migrate    apply migrations, exit   hurtrock seed   load sample data into an empty store
 *
 * Application modules are imported only after the embedded files are on disk, because the
 * services start as soon as their module loads and read files from the project root.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { setPackagedRuntime } from '../lib/packaged';
import { extractResources } from './resources';

/** Replaced by the package build with package.json's version. */
declare const HURTROCK_VERSION: string;

const USAGE = `Hurtrock Music Store ${HURTROCK_VERSION}

Usage: hurtrock [command]

Commands:
  (none)      start the store and the chat service, restart them if they crash
  store       start the store only
  chat        start the chat service only
  migrate     apply the database migrations of both services and exit
  seed        load the sample catalogue into an empty store database and exit
  --version   print the version
  --help      print this help

Settings come from the environment (and ./.env); see docs/operations.md. NODE_ENV defaults to
production here, which refuses unsafe settings (missing secrets, http:// PUBLIC_URL, …).
`;

const COMMANDS = new Set(['store', 'chat', 'migrate', 'seed']);
/** sysexits' EX_USAGE. */
const USAGE_EXIT_CODE = 64;

async function main(): Promise<void> {
  // In a SEA, argv is [executable, executable as typed, ...arguments].
  const command = process.argv[2];
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${HURTROCK_VERSION}\n`);
    return;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  if (command !== undefined && !COMMANDS.has(command)) {
    process.stderr.write(`hurtrock: unknown command "${command}"\n\n${USAGE}`);
    process.exitCode = USAGE_EXIT_CODE;
    return;
  }
  // What the executable is for: a server. Development defaults belong to `npm start`.
  process.env.NODE_ENV ??= 'production';

  const root = extractResources();
  setPackagedRuntime({ root, version: HURTROCK_VERSION });
  // The bundle's require() of packages kept on disk (sharp, argon2, PGlite) goes through this one;
  // the SEA's own require only knows built-in modules. See the banner in scripts/package-lib.mjs.
  (globalThis as Record<string, unknown>).__hurtrockRequire = createRequire(path.join(root, 'package.json'));

  switch (command) {
    case undefined:
      await import('../launcher');
      break;
    case 'store':
      await import('../store/main');
      break;
    case 'chat':
      await import('../chat/main');
      break;
    case 'migrate':
      await import('../migrate');
      break;
    case 'seed':
      await import('../../scripts/seed');
      break;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`hurtrock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
