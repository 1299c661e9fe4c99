import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import pino from 'pino';
import { io as connectClient, type Socket as ClientSocket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ChatApp, buildChatApp } from '../../src/chat/app';
import { CHAT_SOCKET_PATH, MESSAGE_RATE } from '../../src/chat/contract';
import { CHAT_TOKEN_AUDIENCE, CHAT_TOKEN_ISSUER, signChatToken } from '../../src/lib/chat-tokens';
import { type ChatHarness, startChat, tokenFor, uniqueSub } from '../helpers/chat-harness';

/**
 * A network blip for everyone at once: 200 connected customers (and staff) lose their connection
 * together, staff keep answering, then every customer reconnects at the same moment with a fresh
 * token while a crowd of forged handshakes hammers the same server. Everyone must come back,
 * catch up on what they missed, and presence must end exactly right: no one missing, no one
 * twice, no forged identity anywhere, and not one handler error.
 *
 * Deterministic: every step waits for the events it needs (no sleeps), with generous deadlines
 * that only turn a hang into a failure. PGlite with in-memory presence on one instance; with
 * TEST_DATABASE_URL and TEST_REDIS_URL also PostgreSQL with two instances sharing Redis
 * (customers come back on the other instance, as behind a load balancer).
 */
const CUSTOMERS = 200;
const FORGED = 200;
/** Deadlines only turn a hang into a failure; a loaded 2-core CI machine needs seconds per phase. */
const WAIT_MS = 60_000;

/** Like the harness's `request`, with the storm's deadline: 200 acks queue behind one database. */
function request<T = any>(socket: ClientSocket, event: string, payload?: unknown): Promise<T> {
  return socket.timeout(WAIT_MS).emitWithAck(event, payload) as Promise<T>;
}

/** The harness's `connectSocket` with the storm's deadline: a connected client, or the connect_error. */
function connectSocket(url: string, token: string | undefined): Promise<ClientSocket> {
  const socket = connectClient(url, {
    path: CHAT_SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: WAIT_MS,
    auth: token ? { token } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

const targets = [
  { name: 'pglite, one instance', db: 'pglite' as const, redisUrl: undefined as string | undefined },
  ...(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL
    ? [{ name: 'postgres, two instances with redis', db: 'postgres' as const, redisUrl: process.env.TEST_REDIS_URL }]
    : []),
];

describe.each(targets)('chat reconnect storm ($name)', ({ db, redisUrl }) => {
  let chat: ChatHarness;
  const apps: ChatApp[] = [];
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    chat = await startChat(db);
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    for (const app of apps.splice(0)) await app.close();
  });
  afterAll(async () => {
    await chat?.close();
  });

  /** Instances of our own (on the harness's database), logging warnings and errors into `logs`. */
  async function instances(count: number) {
    const logs: { level: number; msg?: string; event?: string }[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
    const redisKey = `test-storm-${randomBytes(4).toString('hex')}`;
    const started: { app: ChatApp; url: string }[] = [];
    for (let i = 0; i < count; i++) {
      const app = buildChatApp({ config: chat.config, db: chat.db, logger, redisUrl, redisKey });
      apps.push(app);
      await app.listen({ host: '127.0.0.1', port: 0 });
      started.push({ app, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
    }
    return { started, logs };
  }

  async function connect(url: string, role: 'customer' | 'staff', sub: string) {
    const socket = await connectSocket(url, await tokenFor(chat.config, role, sub));
    sockets.push(socket);
    return socket;
  }

  it(`${CUSTOMERS} customers drop at once, reconnect at once amid forged handshakes, catch up, and presence ends exact`, async () => {
    const { started, logs } = await instances(redisUrl ? 2 : 1);
    const at = (i: number) => started[i % started.length]!;
    const connectedSockets = () => started.reduce((n, { app }) => n + app.io.of('/').sockets.size, 0);

    // The staff member watching presence, on the first instance.
    const watcher = await connect(started[0]!.url, 'staff', uniqueSub('staff'));
    const presence = presenceLog(watcher);

    // 1. Everyone is chatting: each customer has a conversation with one message of their own.
    const subs = Array.from({ length: CUSTOMERS }, () => uniqueSub('customer'));
    const allOnline = presence.until((e) => e.online, subs);
    const customers = await Promise.all(subs.map((sub, i) => connect(at(i).url, 'customer', sub)));
    const firsts = await Promise.all(customers.map((c, i) => request(c, 'message:send', { body: `hello from ${i}` })));
    for (const sent of firsts) expect(sent.ok).toBe(true);
    await allOnline;

    // 2. The blip: all customers at once, half with a clean disconnect, half losing the transport
    //    under the socket (the connection closes with no socket.io goodbye).
    const allOffline = presence.until((e) => !e.online, subs);
    customers.forEach((c, i) => (i % 2 === 0 ? c.disconnect() : c.io.engine.close()));
    await allOffline;
    const staffSockets = 1;
    expect(connectedSockets()).toBe(staffSockets);
    expect(await request(watcher, 'presence:customers:get')).toEqual({ ok: true, online: [] });

    // 3. Staff answer everyone meanwhile (enough tabs that no tab needs more than its burst).
    const tabs = await Promise.all(
      Array.from({ length: Math.ceil(CUSTOMERS / MESSAGE_RATE.burst) }, (_, i) => connect(at(i).url, 'staff', uniqueSub('staff'))),
    );
    const replies = await Promise.all(
      firsts.map((sent, i) =>
        request(tabs[Math.floor(i / MESSAGE_RATE.burst)]!, 'message:send', {
          conversationId: sent.message.conversationId,
          body: `answer for ${i}`,
        }),
      ),
    );
    for (const reply of replies) expect(reply).toMatchObject({ ok: true, message: { senderRole: 'staff' } });

    // 4. Everyone comes back at the same moment with a fresh token, on the other instance if
    //    there are two, interleaved with as many forged handshakes.
    const backOnline = presence.until((e) => e.online, subs);
    const forged = await forgedTokens(chat.config.chatTokenSecret, subs);
    const honest = Promise.all(
      customers.map(async (c, i) => {
        c.auth = { token: await tokenFor(chat.config, 'customer', subs[i]) };
        (c.io as unknown as { uri: string }).uri = at(i + 1).url;
        return new Promise<ClientSocket>((resolve, reject) => {
          c.once('connect', () => resolve(c));
          c.once('connect_error', reject);
          c.connect();
        });
      }),
    );
    const refused = Promise.allSettled(forged.map(({ token }, i) => connectSocket(at(i).url, token)));
    await honest;
    const attempts = await refused;
    await backOnline;

    // Every forged handshake was refused, each with the same plain answer.
    for (const [i, attempt] of attempts.entries()) {
      if (attempt.status === 'fulfilled') {
        attempt.value.disconnect();
        throw new Error(`forged token accepted: ${forged[i]!.kind}`);
      }
      expect((attempt.reason as Error).message, forged[i]!.kind).toBe('unauthorized');
    }

    // 5. Each customer catches up with exactly what they missed, and sees the whole story.
    const caughtUp = await Promise.all(customers.map((c, i) => request(c, 'history', { after: firsts[i].message.id })));
    caughtUp.forEach((answer, i) => {
      expect(answer.ok).toBe(true);
      expect(answer.messages.map((m: { body: string }) => m.body)).toEqual([`answer for ${i}`]);
      expect(answer.conversation.id).toBe(firsts[i].message.conversationId);
    });
    // The first page after a reload (a sample: the same query without `after`).
    const sample = [0, 1, CUSTOMERS / 2, CUSTOMERS - 2, CUSTOMERS - 1];
    for (const i of sample) {
      const answer = await request(customers[i]!, 'history', {});
      expect(answer.messages.map((m: { body: string }) => m.body)).toEqual([`hello from ${i}`, `answer for ${i}`]);
    }

    // Live again too: a reply now arrives at once (the same sample, within the watcher's burst).
    await Promise.all(
      sample.map(async (i) => {
        const delivered = new Promise<{ message: { body: string } }>((resolve) => customers[i]!.once('message:new', resolve));
        const sent = await request(watcher, 'message:send', { conversationId: firsts[i].message.conversationId, body: `live ${i}` });
        expect(sent.ok).toBe(true);
        expect((await delivered).message.body).toBe(`live ${i}`);
      }),
    );

    // 6. Presence ends exact: every customer online once, nobody forged, no stray sockets.
    const online = (await request(watcher, 'presence:customers:get')).online as string[];
    expect(online).toHaveLength(CUSTOMERS);
    expect([...online].sort()).toEqual([...subs].sort());
    expect(connectedSockets()).toBe(CUSTOMERS + staffSockets + tabs.length);
    // With two instances, everyone really came back through the other one.
    customers.forEach((c, i) =>
      expect(
        at(i + 1)
          .app.io.of('/')
          .sockets.has(c.id!),
      ).toBe(true),
    );
    const honestSubs = new Set(subs);
    expect(presence.events.filter((e) => !honestSubs.has(e.customerId))).toEqual([]);
    // Each customer: online, offline, online. Nothing doubled.
    for (const sub of subs) expect(presence.events.filter((e) => e.customerId === sub).map((e) => e.online)).toEqual([true, false, true]);
    for (const i of sample) expect(await request(customers[i]!, 'presence:support:get')).toEqual({ ok: true, online: true });

    // Not one handler failed, not one warning (a refused handshake is not an error).
    expect(logs).toEqual([]);
  }, 180_000);
});

interface PresenceEvent {
  customerId: string;
  online: boolean;
}

/** Every presence:customer event a staff socket receives, and "wait until each of these subs had one". */
function presenceLog(staff: ClientSocket) {
  const events: PresenceEvent[] = [];
  const waiters = new Set<() => void>();
  staff.on('presence:customer', (e: PresenceEvent) => {
    events.push(e);
    for (const check of waiters) check();
  });
  return {
    events,
    /** Resolves once every sub in `subs` had an event matching `match` after this call. */
    until(match: (e: PresenceEvent) => boolean, subs: string[]): Promise<void> {
      const from = events.length;
      const wanted = new Set(subs);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`presence: ${wanted.size} of ${subs.length} still missing after ${WAIT_MS} ms`));
        }, WAIT_MS);
        let seen = from;
        function check() {
          for (; seen < events.length; seen++) if (match(events[seen]!)) wanted.delete(events[seen]!.customerId);
          if (wanted.size > 0) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        }
        waiters.add(check);
        check();
      });
    },
  };
}

/** Handshakes that must all be refused: bad signatures, expired, wrong audience, no token at all… */
type Forged = { kind: string; sub: string; token: string | undefined };

async function forgedTokens(secret: string, victims: string[]): Promise<Forged[]> {
  const key = (s: string) => new TextEncoder().encode(s);
  const now = Math.floor(Date.now() / 1000);
  const jwt = (claims: Record<string, unknown>, sub: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const kinds: ((sub: string, victim: string) => Promise<Forged>)[] = [
    // Someone else's identity (a real customer's sub, even staff) signed with a guessed secret.
    async (_, victim) => ({
      kind: 'impersonation, wrong secret',
      sub: victim,
      token: await signChatToken({ sub: victim, role: 'customer', name: 'x' }, 'wrong-secret-'.repeat(4)),
    }),
    async (sub) => ({ kind: 'admin, wrong secret', sub, token: await signChatToken({ sub, role: 'admin', name: 'x' }, `${secret}!`) }),
    // The right secret, but expired, or for another audience.
    async (sub) => ({
      kind: 'expired',
      sub,
      token: await jwt({ role: 'customer', name: 'x' }, sub)
        .setIssuedAt(now - 3600)
        .setExpirationTime(now - 60)
        .sign(key(secret)),
    }),
    async (sub) => ({
      kind: 'wrong audience',
      sub,
      token: await jwt({ role: 'staff', name: 'x' }, sub)
        .setAudience('someone-else')
        .setExpirationTime(now + 600)
        .sign(key(secret)),
    }),
    // Unsigned ("alg: none"), garbage, oversized, missing.
    async (sub) => {
      const claims = { sub, role: 'admin', name: 'x', iss: CHAT_TOKEN_ISSUER, aud: CHAT_TOKEN_AUDIENCE, exp: now + 600 };
      return { kind: 'alg none', sub, token: `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.` };
    },
    async (sub) => ({ kind: 'garbage', sub, token: `not-a-token-${sub}` }),
    async (sub) => ({ kind: 'oversized', sub, token: 'a'.repeat(5000) }),
    async (sub) => ({ kind: 'missing', sub, token: undefined }),
  ];
  return Promise.all(Array.from({ length: FORGED }, (_, i) => kinds[i % kinds.length]!(uniqueSub('forged'), victims[i % victims.length]!)));
}
