/**
 * `npm start` as an operator sees it: the launcher starts both services, brings back a service
 * killed with SIGKILL, stops everything with exit code 0 on Ctrl-C, and refuses a bad
 * configuration with one line naming the variable.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts } from '../helpers/free-ports';

const root = path.resolve(import.meta.dirname, '../..');
const launcherJs = path.join(root, 'dist/launcher.js');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-launcher-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', SAMPLE_DATA: 'false', ...extra };
  for (const name of ['DATABASE_URL', 'CHAT_DATABASE_URL', 'REDIS_URL', 'PUBLIC_URL', 'CHAT_URL', 'UPLOAD_DIR']) delete env[name];
  return env;
}

async function healthy(url: string, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return Date.now() - started;
    } catch {
      // not up (again) yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not become healthy`);
}

function childPid(parentPid: number, script: string): number | undefined {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parentPid)], { encoding: 'utf8' });
  const line = out.split('\n').find((l) => l.includes(script));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve({ code: child.exitCode, signal: null });
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

describe('launcher', () => {
  it('restarts a service killed with SIGKILL and stops both with exit code 0 on SIGINT', async () => {
    const [port, chatPort] = await freePorts(2);
    const launcher = spawn(process.execPath, [launcherJs], {
      env: cleanEnv({ PORT: String(port), CHAT_PORT: String(chatPort), DATA_DIR: dataDir, ADMIN_PASSWORD: 'launcher-test-password' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    launcher.stdout!.on('data', (d) => (output += d));
    launcher.stderr!.on('data', (d) => (output += d));
    try {
      await healthy(`http://127.0.0.1:${port}/healthz`);
      await healthy(`http://127.0.0.1:${chatPort}/healthz`);
      await expect.poll(() => output, { timeout: 10_000 }).toContain('Hurtrock Music Store is running');

      const chatPid = childPid(launcher.pid!, 'chat/main.js');
      expect(chatPid).toBeGreaterThan(0);
      process.kill(chatPid!, 'SIGKILL');
      await expect.poll(() => output, { timeout: 10_000 }).toContain('chat stopped unexpectedly (killed by SIGKILL)');
      await healthy(`http://127.0.0.1:${chatPort}/healthz`);
      expect(childPid(launcher.pid!, 'chat/main.js')).not.toBe(chatPid);

      const storePid = childPid(launcher.pid!, 'store/main.js')!;
      launcher.kill('SIGINT');
      expect(await exitOf(launcher)).toEqual({ code: 0, signal: null });
      // Both services are gone, not orphaned.
      expect(() => process.kill(storePid, 0)).toThrow();
      await expect(fetch(`http://127.0.0.1:${chatPort}/healthz`)).rejects.toThrow();
    } finally {
      if (launcher.exitCode === null) launcher.kill('SIGKILL');
    }
  }, 120_000);

  it('refuses a bad configuration with one line naming the variable', async () => {
    const launcher = spawn(process.execPath, [launcherJs], {
      env: cleanEnv({ PORT: 'abc', DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    launcher.stderr!.on('data', (d) => (stderr += d));
    const { code } = await exitOf(launcher);
    expect(code).toBe(78);
    expect(stderr).toBe('Configuration error: PORT: must be a number (got "abc")\n');
  });

  it('refuses to start in production without secrets, one line per problem', async () => {
    const launcher = spawn(process.execPath, [launcherJs], {
      env: cleanEnv({ NODE_ENV: 'production', DATA_DIR: dataDir, SESSION_SECRET: '', CHAT_TOKEN_SECRET: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    launcher.stderr!.on('data', (d) => (stderr += d));
    expect((await exitOf(launcher)).code).toBe(78);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      'Configuration error: SESSION_SECRET: is required when NODE_ENV=production',
      'Configuration error: CHAT_TOKEN_SECRET: is required when NODE_ENV=production',
      expect.stringMatching(/^Configuration error: PUBLIC_URL: is required in production/),
    ]);
  });
});
