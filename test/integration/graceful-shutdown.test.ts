/**
 * Graceful shutdown within a bound (X5): on SIGTERM a service stops accepting, lets the in-flight
 * request finish and exits 0; a request slower than SHUTDOWN_TIMEOUT_MS does not hold the process
 * past the bound. The chat service closes its open sockets and exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lib/project-root';
import { connectSocket, spawnChatProcess, tokenFor } from '../helpers/chat-harness';
import { loadConfig } from '../../src/config';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

async function startSlowServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/fixtures/slow-server.ts'], {
    cwd: projectRoot(),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.once('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, exited, output: () => output };
}

describe('graceful shutdown', () => {
  it('finishes the in-flight request, refuses new connections and exits 0', async () => {
    const server = await startSlowServer({ SLOW_MS: '1500', SHUTDOWN_TIMEOUT_MS: '10000' });
    const slow = fetch(`${server.url}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    await expect(fetch(`${server.url}/fast`)).rejects.toThrow();

    expect(await slow).toEqual({ status: 200, body: { done: true } });
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(5_000);
    expect(server.output()).toContain('stopped cleanly');
  });

  it('exits at the bound when a request takes longer', async () => {
    const server = await startSlowServer({ SLOW_MS: '30000', SHUTDOWN_TIMEOUT_MS: '800' });
    const slow = fetch(`${server.url}/slow`).catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    server.child.kill('SIGTERM');
    const { code, at } = await server.exited;
    expect(at - signalled).toBeLessThan(3_000);
    expect(code).toBe(1);
    expect(server.output()).toContain('shutdown took longer than 800 ms');
    expect(await slow).toBeInstanceOf(Error);
  });

  it('the chat service closes its open sockets on SIGTERM and exits 0 within the bound', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hurtrock-chat-stop-'));
    try {
      const chat = await spawnChatProcess({ DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '5000' });
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40), CHAT_TOKEN_SECRET: 't'.repeat(40) });
      const socket = await connectSocket(chat.url, await tokenFor(config, 'customer'));
      const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      const signalled = Date.now();
      const exitCode = new Promise<number | null>((resolve) => chat.child.once('exit', (code) => resolve(code)));
      chat.child.kill('SIGTERM');
      expect(await closed).toBeTruthy();
      expect(await exitCode).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(5_000);
      socket.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
