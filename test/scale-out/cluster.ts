/**
 * Starts `deploy/scale-out/start.sh` (store and chat instances behind nginx on one PostgreSQL and
 * one Redis) for the scale-out test and benchmark, and stops it. No app code is imported: the
 * cluster is driven from outside, as a load balancer and its clients see it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePorts } from '../helpers/free-ports';

export const root = path.resolve(import.meta.dirname, '../..');
export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** What the cluster needs and this machine lacks, one phrase each (empty: everything is there). */
export function missingPrerequisites(): string[] {
  const missing: string[] = [];
  if (!process.env.TEST_DATABASE_URL) missing.push('TEST_DATABASE_URL (a PostgreSQL server, e.g. from .ci/services)');
  if (!process.env.TEST_REDIS_URL) missing.push('TEST_REDIS_URL (a Redis server, e.g. from .ci/services)');
  if (!existsSync(NGINX)) missing.push(`nginx at ${NGINX} (apt-get install nginx)`);
  if (!existsSync(path.join(root, 'dist/store/main.js'))) missing.push('dist/ (npm run build)');
  return missing;
}

export interface Instance {
  url: string;
  pid: number;
}

export interface Cluster {
  /** nginx, the address customers use. */
  url: string;
  stores: (Instance & { dataDir: string })[];
  chats: Instance[];
  uploadDir: string;
  logDir: string;
  databaseUrl: string;
  /** Everything start.sh printed (its own lines; the instances log to logDir). */
  output(): string;
  /** SIGTERM to start.sh, which stops nginx and every instance; then the database is dropped (if ours). */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  stores?: number;
  chats?: number;
  /** An existing database to use (kept at stop); by default a new one is made and dropped. */
  databaseUrl?: string;
  /** Extra environment for every instance (ADMIN_PASSWORD, SAMPLE_DATA, METRICS_TOKEN, …). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** A new database on TEST_DATABASE_URL's server, named so that it is recognisably ours. */
export async function createDatabase(prefix = 'hurtrock_scale_out'): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * A Redis URL on a database number of its own (sessions, rate limits and presence keys stay apart
 * from other tests on the same server; pub/sub channels are server-wide whatever the number).
 */
export function redisUrl(db = 9): string {
  const url = new URL(process.env.TEST_REDIS_URL!);
  url.pathname = `/${db}`;
  return url.toString();
}

function readState(file: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)="(.*)"$/.exec(line);
    if (m) state[m[1]!] = m[2]!;
  }
  return state;
}

const words = (value: string | undefined) => (value ?? '').split(' ').filter(Boolean);

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const storeCount = options.stores ?? 2;
  const chatCount = options.chats ?? 2;
  const ports = await freePorts(storeCount + chatCount + 2);
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => {} } : await createDatabase();
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-scale-out-test-'));
  const child: ChildProcess = spawn('bash', [path.join(root, 'deploy/scale-out/start.sh')], {
    cwd: root,
    env: {
      ...process.env,
      ...options.env,
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl(),
      STORE_PORTS: ports.slice(0, storeCount).join(' '),
      CHAT_PORTS: ports.slice(storeCount, storeCount + chatCount).join(' '),
      LISTEN_PORT: String(ports[storeCount + chatCount]),
      CHAT_LB_PORT: String(ports[storeCount + chatCount + 1]),
      RUN_DIR: runDir,
      NGINX,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // start.sh gives each instance 20 s before SIGKILL; past that something is badly wrong.
      const late = setTimeout(() => child.kill('SIGKILL'), 45_000);
      await exited;
      clearTimeout(late);
    }
    await database.drop().catch(() => {});
    rmSync(runDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 240_000);
  const stateFile = path.join(runDir, 'state.env');
  while (!/scale-out ready: /.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const logs = path.join(runDir, 'logs');
      await stop();
      throw new Error(`deploy/scale-out/start.sh did not get ready (logs were in ${logs}):\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const state = readState(stateFile);
  const storeUrls = words(state.STORE_URLS);
  const storePids = words(state.STORE_PIDS).map(Number);
  const dataDirs = words(state.STORE_DATA_DIRS);
  const chatPids = words(state.CHAT_PIDS).map(Number);
  return {
    url: state.SCALE_OUT_URL!,
    stores: storeUrls.map((url, i) => ({ url, pid: storePids[i]!, dataDir: dataDirs[i]! })),
    chats: words(state.CHAT_URLS).map((url, i) => ({ url, pid: chatPids[i]! })),
    uploadDir: state.UPLOAD_DIR!,
    logDir: state.LOG_DIR!,
    databaseUrl: database.url,
    output: () => output,
    stop,
  };
}

/** A browser's cookie jar over fetch, enough for sessions and CSRF; never follows redirects. */
export class Jar {
  readonly cookies = new Map<string, string>();
  constructor(public base: string) {}

  async fetch(url: string, init: RequestInit & { base?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch((init.base ?? this.base) + url, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const [name, value] = [pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim()];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async text(url: string, init: RequestInit & { base?: string } = {}): Promise<string> {
    return (await this.fetch(url, init)).text();
  }

  async json<T>(url: string, init: RequestInit & { base?: string } = {}): Promise<T> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    const res = await this.fetch(url, { ...init, headers });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

/** The value of a named hidden field in a page (the CSRF token, the checkout's key and quote). */
export function field(html: string, name: string): string {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
}

/** Sum of one Prometheus series' samples whose labels include `labels` (e.g. a job's run counts). */
export function metricSum(exposition: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
