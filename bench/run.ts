/**
 * `npm run bench`: measures the store against a bare Fastify route (the ceiling) in one run,
 * so results are ratios that hold across machines. Each server runs in its own process; the
 * load generator (autocannon) runs here.
 *
 *   BENCH_SECONDS   duration of each measurement (default 10)
 *   BENCH_CONNECTIONS  concurrent connections (default 50)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePorts } from '../test/helpers/free-ports';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const root = path.resolve(import.meta.dirname, '..');

async function waitFor(url: string, child: ChildProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Row {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, url: string): Promise<Row> {
  // A short warm-up so JIT and caches are in the same state for every target.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-bench-'));
  const [ceilingPort, storePort, chatPort] = await freePorts(3);
  const ceiling = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/ceiling-server.ts')], {
    env: { ...process.env, PORT: String(ceilingPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const store = spawn(process.execPath, [path.join(root, 'dist/store/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(storePort),
      CHAT_PORT: String(chatPort),
      DATA_DIR: dataDir,
      SAMPLE_DATA: 'true',
      SESSION_SECRET: 'bench-session-secret-'.padEnd(48, 'x'),
      CHAT_TOKEN_SECRET: 'bench-chat-secret-'.padEnd(48, 'y'),
      ADMIN_PASSWORD: 'bench-admin-passphrase',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await Promise.all([
      waitFor(`http://127.0.0.1:${ceilingPort}/`, ceiling),
      waitFor(`http://127.0.0.1:${storePort}/healthz`, store),
    ]);
    const targets: [string, string][] = [
      ['ceiling: bare Fastify "ok"', `http://127.0.0.1:${ceilingPort}/`],
      ['store /healthz', `http://127.0.0.1:${storePort}/healthz`],
      ['store / (home page)', `http://127.0.0.1:${storePort}/`],
    ];
    const rows: Row[] = [];
    for (const [name, url] of targets) {
      process.stdout.write(`measuring ${name} …\n`);
      rows.push(await measure(name, url));
    }
    const base = rows[0]!.reqPerSec;
    console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, PGlite, NODE_ENV=production\n`);
    console.log('| target | req/s | ratio to ceiling | p50 ms | p99 ms | errors/non-2xx |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${(r.reqPerSec / base).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
    }
  } finally {
    await Promise.all([stop(ceiling), stop(store)]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
