/**
 * Starts the built store (`node dist/store/main.js`, made by `npm run build`, which
 * `npm run test:e2e` runs first) on a free port with a fresh data folder, so a fresh PGlite
 * database, for browser journeys. Use the worker-scoped `store` fixture:
 *
 *   import { test, expect } from './helpers/server.js';
 *   test('home page', async ({ page, store }) => { await page.goto(store.url); … });
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';

export { expect };
import { freePorts } from '../../helpers/free-ports';

export { freePorts };

export const E2E_ADMIN_PASSWORD = 'e2e-admin-password-123';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const READY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 10_000;
const TAIL_LINES = 50;

export interface RunningStore {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The store's DATA_DIR (PGlite folder, uploads, outbox/ with the emails it "sent"). */
  dataDir: string;
  /** SIGTERM, wait for exit (SIGKILL after 10 s), delete the data folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartStoreOptions {
  /** Extra environment for the store, applied last (e.g. { SAMPLE_DATA: 'false' }). */
  env?: Record<string, string | undefined>;
  /** Script to run, relative to the repository root. */
  entry?: string;
}

/** Variables from the developer's or CI's shell that must not leak into an isolated store. */
const ISOLATE = [
  'DATABASE_URL',
  'CHAT_DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'PUBLIC_URL',
  'CHAT_URL',
  'UPLOAD_DIR',
  // Upload storage: a bucket in the shell must not receive a journey's uploads.
  'STORAGE_DRIVER',
  'S3_BUCKET',
  'S3_PREFIX',
  'HOST',
  'PORT',
  'CHAT_PORT',
  'DATA_DIR',
];

export async function startStore(options: StartStoreOptions = {}): Promise<RunningStore> {
  // Another process may grab a port between our probe and the store's listen: retry then.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (attempt >= 3 || !(err instanceof PortTakenError)) throw err;
    }
  }
}

class PortTakenError extends Error {}

async function startOnce(options: StartStoreOptions): Promise<RunningStore> {
  const entry = path.resolve(REPO_ROOT, options.entry ?? 'dist/store/main.js');
  if (!existsSync(entry)) {
    throw new Error(`${path.relative(REPO_ROOT, entry)} does not exist: run \`npm run build\` (npm run test:e2e does)`);
  }
  const [port, chatPort] = await freePorts(2);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hurtrock-e2e-'));

  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ISOLATE) delete env[name];
  Object.assign(env, {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    CHAT_PORT: String(chatPort),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
  });
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }

  const child = spawn(process.execPath, [entry], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = tail(child, TAIL_LINES);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  // 'close' comes after 'exit' once stdout/stderr are drained: the whole output is in the tail.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await terminate(child, exited);
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    })());

  const starting = new AbortController();
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) => {
      if (!starting.signal.aborted) reject(new Error(`could not start the store: ${err.message}`));
    });
    exited.then(async ({ code, signal }) => {
      if (starting.signal.aborted) return;
      await Promise.race([closed, new Promise((r) => setTimeout(r, 1_000))]);
      const text = output();
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const Err = /EADDRINUSE/.test(text) ? PortTakenError : Error;
      reject(new Err(`store (${path.relative(REPO_ROOT, entry)}) ${how} before it was ready:\n${text}`));
    });
  });
  failed.catch(() => {}); // handled below; never an unhandled rejection

  try {
    await Promise.race([waitForHealth(url, starting.signal), failed]);
  } catch (err) {
    starting.abort();
    await stop();
    if (err instanceof TimeoutError) throw new Error(`${err.message}; store output:\n${output()}`);
    throw err;
  }
  starting.abort();
  return { url, dataDir, stop };
}

class TimeoutError extends Error {}

/** Polls GET /healthz until it answers 200; gives up when `cancel` fires or after 60 s. */
async function waitForHealth(url: string, cancel: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline && !cancel.aborted) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    }
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  if (cancel.aborted) return;
  throw new TimeoutError(`timed out after ${READY_TIMEOUT_MS / 1000}s waiting for ${url}/healthz to answer 200 (last: ${last})`);
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** Keeps the last `max` lines of the child's stderr and stdout; E2E_SERVER_LOG=1 also echoes them. */
function tail(child: ChildProcess, max: number): () => string {
  const lines: string[] = [];
  const echo = process.env.E2E_SERVER_LOG === '1';
  const collect = (stream: NodeJS.ReadableStream | null, sink: NodeJS.WritableStream) => {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      if (echo) sink.write(chunk);
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > max) lines.splice(0, lines.length - max);
    });
    stream.on('end', () => {
      if (partial) lines.push(partial);
      partial = '';
      if (lines.length > max) lines.splice(0, lines.length - max);
    });
  };
  collect(child.stderr, process.stderr);
  collect(child.stdout, process.stdout);
  return () => (lines.length ? lines.join('\n') : '(no output)');
}

/**
 * `store`: one running store per Playwright worker, shared by that worker's storefront journeys,
 * which count on the sample catalogue as it is. `editableStore`: another one, started only in
 * workers that run back office journeys, which add and change products, categories and stock.
 */
// No test-scoped fixtures: Playwright's own type for that is the empty object.
// biome-ignore lint/complexity/noBannedTypes: Playwright's extend<TestFixtures, WorkerFixtures> wants {} for none
export const test = base.extend<{}, { store: RunningStoreInfo; editableStore: RunningStoreInfo }>({
  store: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = await startStore();
      try {
        await use(s);
      } finally {
        await s.stop();
      }
    },
    { scope: 'worker', timeout: READY_TIMEOUT_MS + 30_000 },
  ],
  editableStore: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = await startStore();
      try {
        await use(s);
      } finally {
        await s.stop();
      }
    },
    { scope: 'worker', timeout: READY_TIMEOUT_MS + 30_000 },
  ],
});

type RunningStoreInfo = { url: string; dataDir: string };
