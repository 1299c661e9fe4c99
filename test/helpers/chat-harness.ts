/**
 * A listening chat service on a fresh database plus helpers for real socket.io-client sockets.
 * Tests in a file are shuffled, so every test uses its own token subjects.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ChatApp, type ChatAppOptions, buildChatApp } from '../../src/chat/app';
import { CHAT_SOCKET_PATH } from '../../src/chat/contract';
import { type ChatDbHandle, openChatDatabase } from '../../src/db/chat-db';
import { type Config, loadConfig } from '../../src/config';
import { type ChatTokenClaims, signChatToken } from '../../src/lib/chat-tokens';
import { projectRoot } from '../../src/lib/project-root';
import { type DbTarget, type TestDatabase, createTestDatabase } from './databases';
import { freePorts } from './free-ports';

export interface ChatHarness {
  config: Config;
  db: ChatDbHandle;
  app: ChatApp;
  url: string;
  /** Another app instance on the same database (and Redis, if given); its own presence without Redis. */
  startInstance(options?: InstanceOptions): Promise<{ app: ChatApp; url: string }>;
  close(): Promise<void>;
}

type InstanceOptions = Pick<ChatAppOptions, 'redisUrl' | 'redisKey' | 'presenceTiming'>;

export interface StartChatOptions {
  redisUrl?: string;
  redisKey?: string;
  env?: Record<string, string>;
}

export async function startChat(target: DbTarget, options: StartChatOptions = {}): Promise<ChatHarness> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hurtrock-chat-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'x'.repeat(40),
    CHAT_TOKEN_SECRET: 'y'.repeat(40),
    ...options.env,
  });
  const testDb: TestDatabase = await createTestDatabase(target);
  const db = await openChatDatabase(config, { url: testDb.url, inMemory: true });
  await db.migrate();
  const apps: ChatApp[] = [];
  async function startInstance(opts: InstanceOptions = {}) {
    const app = buildChatApp({ config, db, logger: false, ...opts });
    apps.push(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
  }
  const first = await startInstance({ redisUrl: options.redisUrl, redisKey: options.redisKey });
  return {
    config,
    db,
    ...first,
    startInstance,
    async close() {
      for (const app of apps) await app.close();
      await db.close();
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const uniqueSub = (prefix: string) => `${prefix}:${randomBytes(4).toString('hex')}`;

export function tokenFor(config: Config, role: ChatTokenClaims['role'], sub = uniqueSub(role), name = `Test ${role}`) {
  return signChatToken({ sub, role, name }, config.chatTokenSecret);
}

type Role = ChatTokenClaims['role'];

export interface UsedChat {
  /** The running service (from the describe's beforeAll on). */
  readonly chat: ChatHarness;
  /** A connected socket on the first instance with a token for `role` (the `tokenFor` defaults); disconnected after the test. */
  client(role: Role, sub?: string, name?: string): Promise<ClientSocket>;
  /** `client` on another instance (`chat.startInstance()`'s url). */
  clientAt(url: string, role: Role, sub?: string, name?: string): Promise<ClientSocket>;
  /** A connected socket with `token` at `url` (the first instance unless given); disconnected after the test. */
  socket(token: string, options?: { url?: string; extraHeaders?: Record<string, string> }): Promise<ClientSocket>;
}

/**
 * One chat service for the current describe: started in its beforeAll, every socket made through
 * it disconnected after each test, closed in its afterAll. Call it inside `describe`:
 *
 *   const harness = useChat(target);
 *   it('…', async () => { const customer = await harness.client('customer'); … harness.chat.db … });
 *
 * `options` may be a function, read when the service starts (e.g. for a URL an earlier beforeAll made).
 */
export function useChat(target: DbTarget, options: StartChatOptions | (() => StartChatOptions) = {}): UsedChat {
  let chat: ChatHarness | undefined;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    chat = await startChat(target, typeof options === 'function' ? options() : options);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await chat?.close();
  });
  const running = (): ChatHarness => {
    if (!chat) throw new Error('useChat: the chat service is not started yet (use it in a test or a later hook)');
    return chat;
  };
  async function socket(token: string, { url = running().url, ...extra }: { url?: string; extraHeaders?: Record<string, string> } = {}) {
    const s = await connectSocket(url, token, extra);
    sockets.push(s);
    return s;
  }
  async function clientAt(url: string, role: Role, sub = uniqueSub(role), name = `Test ${role}`) {
    return socket(await tokenFor(running().config, role, sub, name), { url });
  }
  return {
    get chat() {
      return running();
    },
    socket,
    client: (role, sub, name) => clientAt(running().url, role, sub, name),
    clientAt,
  };
}

/** A connected client, or rejects with the connect_error message. */
export function connectSocket(
  url: string,
  token: string | undefined,
  extra: { extraHeaders?: Record<string, string> } = {},
): Promise<ClientSocket> {
  const socket = connectClient(url, {
    path: CHAT_SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: token ? { token } : {},
    ...extra,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** Emits with an ack and resolves with the server's answer. */
export function request<T = any>(socket: ClientSocket, event: string, payload?: unknown): Promise<T> {
  return socket.timeout(5_000).emitWithAck(event, payload) as Promise<T>;
}

/** Resolves with the next `event` payload (optionally the next one matching a predicate). */
export function nextEvent<T = any>(socket: ClientSocket, event: string, match: (p: T) => boolean = () => true, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, handler);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    function handler(payload: T) {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    }
    socket.on(event, handler);
  });
}

/**
 * Resolves once the server has handled a socket's disconnect (it leaves the namespace just before
 * its disconnect handlers run), so a test can tell "not announced" from "not announced yet".
 */
export async function serverDisconnected(app: ChatApp, socketId: string | undefined, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (socketId && app.io.of('/').sockets.has(socketId)) {
    if (Date.now() > deadline) throw new Error(`socket ${socketId} still connected after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Collects every `event` payload a socket receives, in order. */
export function recordEvents<T = any>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** Secrets of chat processes started by tests and benchmarks (≥ 32 characters, as production wants). */
export const CHILD_SECRETS = { SESSION_SECRET: 's'.repeat(40), CHAT_TOKEN_SECRET: 't'.repeat(40) };

export interface ChatProcess {
  child: ChildProcess;
  url: string;
  /** What the process wrote to stderr (for failure messages). */
  stderr(): string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), resolved once the process is gone. */
  stop(): Promise<void>;
}

/**
 * `src/chat/main.ts` as its own process (through tsx, so no build is needed), on a free port,
 * resolved once /readyz answers. `env` adds to a minimal environment: nothing of the caller's
 * (DATABASE_URL, REDIS_URL…) leaks in unless passed. `nodeArgs` go before the script (e.g. a
 * benchmark's `--import` probe); `ipc` opens a message channel to the child.
 */
export async function spawnChatProcess(
  env: Record<string, string>,
  { timeoutMs = 60_000, nodeArgs = [], ipc = false }: { timeoutMs?: number; nodeArgs?: string[]; ipc?: boolean } = {},
): Promise<ChatProcess> {
  const [port] = await freePorts(1);
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, 'src/chat/main.ts'], {
    cwd: projectRoot(),
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ...CHILD_SECRETS,
      ...env,
      CHAT_PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe', ...(ipc ? (['ipc'] as const) : [])],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`chat process exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await gone('SIGKILL')();
      throw new Error(`chat process not ready after ${timeoutMs} ms: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url, stderr: () => stderr, kill: gone('SIGKILL'), stop: gone('SIGTERM') };
}
