/**
 * `npm run bench:chat`: load test of ONE chat instance, run as its own process (so the load
 * generator here does not share its event loop), on its default database (a PGlite folder).
 * Measures, never assumes: connect time of N customer sockets, server memory per connection,
 * delivery latency of a broadcast to every customer, and 1:1 message latency under that load.
 * Prints a markdown table.
 *
 *   CHAT_BENCH_CLIENTS   customer sockets (default 5000; reduced, with a warning, to the fd limit)
 *   CHAT_BENCH_BATCH     sockets opened at once while ramping up (default 100)
 *   CHAT_BENCH_MESSAGES  customer→staff messages, and as many staff replies (default 1000)
 *   CHAT_BENCH_RATE      offered customer→staff messages per second (default 100)
 *   CHAT_BENCH_ROUNDS    support offline/online broadcasts to all customers (default 3 each)
 *   CHAT_BENCH_DB        pglite (default) or postgres (a fresh database on TEST_DATABASE_URL)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Socket as ClientSocket } from 'socket.io-client';
import { signChatToken } from '../src/lib/chat-tokens';
import { CHILD_SECRETS, type ChatProcess, connectSocket, request, spawnChatProcess } from '../test/helpers/chat-harness';
import { createTestDatabase, type TestDatabase } from '../test/helpers/databases';

const envInt = (name: string, fallback: number) => Math.max(1, Number(process.env[name] ?? fallback) || fallback);
const WANTED = envInt('CHAT_BENCH_CLIENTS', 5000);
const BATCH = envInt('CHAT_BENCH_BATCH', 100);
const MESSAGES = envInt('CHAT_BENCH_MESSAGES', 1000);
const RATE = envInt('CHAT_BENCH_RATE', 100);
const ROUNDS = envInt('CHAT_BENCH_ROUNDS', 3);
const DB = process.env.CHAT_BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
/** Replies come from several staff sockets: one socket may send 5 messages a second. */
const REPLY_STAFF = 25;
const REPLY_RATE = Math.min(RATE, REPLY_STAFF * 4);
/** Customers opened before the memory baseline, so lazily loaded code is not counted per socket. */
const WARMUP = 50;
const FD_HEADROOM = 256;

const now = () => performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (line: string) => process.stderr.write(`[bench:chat] ${line}\n`);

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`);
const pct = (values: number[]) =>
  `p50 ${ms(percentile(values, 0.5))} · p99 ${ms(percentile(values, 0.99))} · max ${ms(percentile(values, 1))}`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Soft limit on open files; each socket costs one descriptor here and one in the server. */
function fdLimit(): number {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  return soft && soft !== 'unlimited' ? Number(soft) : Infinity;
}

/** Resident memory of a process from /proc (bytes). */
function rss(pid: number): number {
  const kbLine = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  return Number(kbLine?.[1] ?? NaN) * 1024;
}
/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** Live heap of the chat process after a full GC (answered by bench/chat-probe.ts over IPC). */
function serverHeap(chat: ChatProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no memory answer from the chat process')), 10_000);
    chat.child.once('message', (m: { heapUsed: number }) => {
      clearTimeout(timer);
      resolve(m.heapUsed);
    });
    chat.child.send({ type: 'memory' });
  });
}

/** Waits until `done()` or the timeout; returns whether it finished. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = now() + timeoutMs;
  while (!done()) {
    if (now() > deadline) return false;
    await sleep(5);
  }
  return true;
}

/** Calls `send(k)` for k = 0…count-1 at `perSecond`, on schedule (not after the previous ack). */
async function paced(count: number, perSecond: number, send: (k: number) => void): Promise<void> {
  const start = now();
  for (let k = 0; k < count; ) {
    const due = Math.min(count, Math.floor(((now() - start) / 1000) * perSecond) + 1);
    while (k < due) send(k++);
    await sleep(2);
  }
}

type Reply = { ok: boolean; error?: { code: string } };
const errorCodes: Record<string, number> = {};
function countError(reply: Reply, count: () => void) {
  const code = reply.error?.code ?? 'unknown';
  errorCodes[code] = (errorCodes[code] ?? 0) + 1;
  count();
}

async function main() {
  const limit = fdLimit();
  let clients = WANTED;
  if (WANTED + REPLY_STAFF + FD_HEADROOM > limit) {
    clients = Math.max(10, limit - REPLY_STAFF - FD_HEADROOM);
    say(
      `WARNING: open-file limit is ${limit} (ulimit -n); using ${clients} clients instead of ${WANTED}. ` +
        'Raise it with `ulimit -n 65536` before running.',
    );
  }
  const messages = Math.min(MESSAGES, clients);
  if (messages < MESSAGES) say(`WARNING: ${messages} messages (one per customer, to stay under the per-socket rate limit)`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-chat-bench-'));
  let testDb: TestDatabase | undefined;
  const env: Record<string, string> = { DATA_DIR: dataDir };
  if (DB === 'postgres') {
    testDb = await createTestDatabase('postgres');
    env.CHAT_DATABASE_URL = testDb.url!;
  }
  const probe = pathToFileURL(path.resolve(import.meta.dirname, 'chat-probe.ts')).href;
  say(`starting the chat service (${DB}) …`);
  const chat = await spawnChatProcess(env, { nodeArgs: ['--expose-gc', '--import', probe], ipc: true, timeoutMs: 180_000 });
  const pid = chat.child.pid!;
  const sockets: ClientSocket[] = [];
  let dropped = 0;
  const sign = (sub: string, role: 'customer' | 'staff') => signChatToken({ sub, role, name: sub }, CHILD_SECRETS.CHAT_TOKEN_SECRET);
  const open = async (sub: string, role: 'customer' | 'staff') => {
    const socket = await connectSocket(chat.url, await sign(sub, role));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') dropped++;
    });
    sockets.push(socket);
    return socket;
  };

  try {
    // ── set-up: one staff member (support online), a few warm-up customers, memory baseline ──
    let staff = await open('bench-staff-0', 'staff');
    const tokens = await Promise.all(Array.from({ length: clients }, (_, i) => sign(`bench-c-${i}`, 'customer')));
    const customers: ClientSocket[] = new Array(clients);
    const connectMs: number[] = [];
    let failed = 0;
    const connectRange = async (from: number, to: number) => {
      for (let i = from; i < to; i += BATCH) {
        await Promise.all(
          Array.from({ length: Math.min(BATCH, to - i) }, async (_, j) => {
            const t = now();
            try {
              const socket = await connectSocket(chat.url, tokens[i + j]!);
              connectMs.push(now() - t);
              socket.on('disconnect', (reason) => {
                if (reason !== 'io client disconnect') dropped++;
              });
              customers[i + j] = socket;
              sockets.push(socket);
            } catch {
              failed++;
            }
          }),
        );
      }
    };
    const warm = Math.min(WARMUP, clients - 1);
    await connectRange(0, warm);
    await sleep(1000);
    const base = { heap: await serverHeap(chat), rss: rss(pid) };

    // ── (a) connect everyone, in batches ──
    say(`connecting ${clients} customers in batches of ${BATCH} …`);
    connectMs.length = 0;
    const rampStart = now();
    await connectRange(warm, clients);
    const rampSeconds = (now() - rampStart) / 1000;
    const connected = customers.filter(Boolean).length;

    // ── (b) memory per connection ──
    await sleep(2000);
    const after = { heap: await serverHeap(chat), rss: rss(pid) };
    const added = connected - warm;
    const listStart = now();
    const listed = (await request(staff, 'presence:customers:get', {})).online.length as number;
    const listMs = now() - listStart;

    // ── (c) broadcast to every customer: support goes offline / online (presence:support) ──
    say(`broadcasting to ${connected} customers, ${ROUNDS}× offline + online …`);
    let round: { t0: number; online: boolean; got: number[] } | undefined;
    for (const socket of customers) {
      socket?.on('presence:support', (p: { online: boolean }) => {
        if (round && p.online === round.online) round.got.push(now() - round.t0);
      });
    }
    const broadcastMs: number[] = [];
    const lastDelivery: number[] = [];
    let incomplete = 0;
    for (let r = 0; r < ROUNDS * 2; r++) {
      const online = r % 2 === 1;
      round = { t0: now(), online, got: [] };
      const current = round;
      if (online) staff = await open('bench-staff-0', 'staff');
      else staff.disconnect();
      if (!(await until(() => current.got.length >= connected, 30_000))) incomplete++;
      broadcastMs.push(...current.got);
      if (current.got.length > 0) lastDelivery.push(Math.max(...current.got));
      await sleep(500);
    }
    round = undefined;

    // ── (d1) customer → staff, while everyone is connected: each opens a conversation ──
    const conversationOf = new Array<number>(messages);
    let staffSees: ((k: number) => void) | undefined;
    staff.on('message:new', (p: { message: { body: string; senderRole: string } }) => {
      const k = p.message.senderRole === 'customer' ? Number(p.message.body.split(' ')[1]) : NaN;
      if (k >= 0 && k < messages) staffSees?.(k);
    });
    /** Customer k sends one message (`<tag> k`) at RATE; measures ack and staff receipt. */
    async function customerRound(tag: string) {
      say(`${messages} customer→staff messages (${tag}) at ${RATE}/s …`);
      const sentAt = new Float64Array(messages);
      const result = { ackMs: [] as number[], receivedMs: [] as number[], errors: 0, seconds: 0, cpu: 0 };
      staffSees = (k) => result.receivedMs.push(now() - sentAt[k]!);
      const cpu = cpuSeconds(pid);
      const start = now();
      await paced(messages, RATE, (k) => {
        sentAt[k] = now();
        customers[k]?.emit('message:send', { body: `${tag} ${k}` }, (reply: Reply & { message?: { conversationId: number } }) => {
          result.ackMs.push(now() - sentAt[k]!);
          if (reply.ok) conversationOf[k] = reply.message!.conversationId;
          else countError(reply, () => result.errors++);
        });
      });
      await until(() => result.receivedMs.length + result.errors >= messages, 60_000);
      result.seconds = (now() - start) / 1000;
      result.cpu = (cpuSeconds(pid) - cpu) / result.seconds;
      return result;
    }
    const first = await customerRound('first');

    // ── (d2) staff → customer replies, from several staff sockets ──
    say(`${messages} staff→customer replies at ${REPLY_RATE}/s from ${REPLY_STAFF} staff sockets …`);
    const repliers = await Promise.all(Array.from({ length: REPLY_STAFF }, (_, i) => open(`bench-staff-${i + 1}`, 'staff')));
    const replyAt = new Float64Array(messages);
    const toCustomerMs: number[] = [];
    const replyAckMs: number[] = [];
    let replyErrors = 0;
    for (let k = 0; k < messages; k++) {
      customers[k]?.on('message:new', (p: { message: { body: string } }) => {
        if (p.message.body === `reply ${k}`) toCustomerMs.push(now() - replyAt[k]!);
      });
    }
    const cpu2 = cpuSeconds(pid);
    const d2Start = now();
    await paced(messages, REPLY_RATE, (k) => {
      replyAt[k] = now();
      if (conversationOf[k] === undefined) return void replyErrors++;
      repliers[k % REPLY_STAFF]!.emit('message:send', { conversationId: conversationOf[k], body: `reply ${k}` }, (reply: Reply) => {
        replyAckMs.push(now() - replyAt[k]!);
        if (!reply.ok) countError(reply, () => replyErrors++);
      });
    });
    await until(() => toCustomerMs.length + replyErrors >= messages, 60_000);
    const d2Seconds = (now() - d2Start) / 1000;
    const d2Cpu = (cpuSeconds(pid) - cpu2) / d2Seconds;

    // ── (d3) the customers answer back: the common case, a conversation that exists ──
    const followUp = await customerRound('followup');

    const delivered = (values: number[], r: { errors: number; seconds: number; cpu: number }) =>
      `${pct(values)} · ${values.length}/${messages} in ${r.seconds.toFixed(1)} s, ` +
      `${r.errors} errors · server CPU ${(r.cpu * 100).toFixed(0)}%`;
    const rows: [string, string][] = [
      [
        'setup',
        `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), Node ${process.version}, chat on ${DB}, one instance, fd limit ${limit}`,
      ],
      ['(a) clients connected', `${connected} of ${clients} (${failed} failed, ${dropped} dropped during the run)`],
      [
        '(a) connect all',
        `${rampSeconds.toFixed(1)} s for ${added} sockets in batches of ${BATCH} (${(added / rampSeconds).toFixed(0)}/s)`,
      ],
      ['(a) one connect (handshake + token check)', pct(connectMs)],
      ['(b) server memory per connection', `heap ${kb((after.heap - base.heap) / added)} · RSS ${kb((after.rss - base.rss) / added)}`],
      ['(b) server memory total', `heap ${mb(base.heap)} → ${mb(after.heap)} · RSS ${mb(base.rss)} → ${mb(after.rss)}`],
      ['presence:customers:get (staff)', `${listed} online listed in ${ms(listMs)}`],
      [`(c) broadcast to all ${connected} customers (${ROUNDS * 2}×)`, `${pct(broadcastMs)}`],
      [
        '(c) until the last customer has it',
        `median ${ms(percentile(lastDelivery, 0.5))} · worst ${ms(percentile(lastDelivery, 1))}` +
          (incomplete ? ` · ${incomplete} incomplete` : ''),
      ],
      [`(d) customer→staff, first message (new conversation), ${messages} at ${RATE}/s: ack`, pct(first.ackMs)],
      ['(d) … staff receives', delivered(first.receivedMs, first)],
      [`(d) staff→customer reply, ${messages} at ${REPLY_RATE}/s from ${REPLY_STAFF} staff sockets: ack`, pct(replyAckMs)],
      ['(d) … customer receives', delivered(toCustomerMs, { errors: replyErrors, seconds: d2Seconds, cpu: d2Cpu })],
      [`(d) customer→staff, follow-up (existing conversation), ${messages} at ${RATE}/s: ack`, pct(followUp.ackMs)],
      ['(d) … staff receives', delivered(followUp.receivedMs, followUp)],
      [
        'errors by code',
        Object.entries(errorCodes)
          .map(([code, n]) => `${code}: ${n}`)
          .join(', ') || 'none',
      ],
    ];
    process.stdout.write(`\n| measurement | result |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n\n`);
    process.stdout.write(
      'Latencies are measured in the load generator from the emit (or socket open/close) to the receiving socket, on one clock; ' +
        'the generator shares the machine with the server, so on a small machine they include its own event-loop delay.\n',
    );
  } finally {
    for (const s of sockets) s.disconnect();
    await chat.stop();
    await testDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench:chat] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
