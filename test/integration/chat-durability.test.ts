import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { signChatToken } from '../../src/lib/chat-tokens';
import { CHILD_SECRETS, type ChatProcess, connectSocket, request, spawnChatProcess, uniqueSub } from '../helpers/chat-harness';
import { createTestDatabase, dbTargets, type TestDatabase } from '../helpers/databases';

interface Acked {
  id: number;
  conversationId: number;
  body: string;
}

/**
 * C6: `kill -9` the chat service in the middle of a conversation; after a restart on the same
 * data every message that was acknowledged is there. On PGlite this is a folder on disk, so the
 * commit must have reached the files before the ack went out.
 */
describe.each(dbTargets)('chat durability after SIGKILL (%s)', (target) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(env: Record<string, string>): Promise<ChatProcess> {
    const chat = await spawnChatProcess(env);
    cleanups.push(() => chat.kill());
    return chat;
  }
  async function connect(chat: ChatProcess, role: 'customer' | 'staff', sub: string): Promise<ClientSocket> {
    const socket = await connectSocket(
      chat.url,
      await signChatToken({ sub, role, name: `Durable ${role}` }, CHILD_SECRETS.CHAT_TOKEN_SECRET),
    );
    cleanups.push(() => void socket.disconnect());
    return socket;
  }

  it('keeps every acknowledged message, including those acked while others were in flight', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'hurtrock-chat-durable-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env: Record<string, string> = { DATA_DIR: dataDir };
    if (target === 'postgres') {
      const db: TestDatabase = await createTestDatabase('postgres');
      cleanups.push(() => db.drop());
      env.CHAT_DATABASE_URL = db.url!;
    }

    const chat = await start(env);
    const [alice, bob, staffSub] = [uniqueSub('customer'), uniqueSub('customer'), uniqueSub('staff')];
    const customer = await connect(chat, 'customer', alice);
    const staff = await connect(chat, 'staff', staffSub);
    const second = await connect(chat, 'customer', bob);

    // A conversation: ten questions, ten answers, each acknowledged before the next.
    const acked: Acked[] = [];
    for (let i = 0; i < 10; i++) {
      const question = await request(customer, 'message:send', { body: `question ${i}` });
      expect(question.ok).toBe(true);
      acked.push(question.message);
      const answer = await request(staff, 'message:send', { conversationId: question.message.conversationId, body: `answer ${i}` });
      expect(answer.ok).toBe(true);
      acked.push(answer.message);
    }

    // A burst from another customer; the process dies at the first ack of it, others in flight.
    // Acks that were already on the wire still count: the server sent them, so it had committed.
    const killed = new Promise<void>((resolve) => {
      for (let i = 0; i < 8; i++) {
        second.emit('message:send', { body: `burst ${i}` }, (reply: { ok: boolean; message: Acked }) => {
          if (reply.ok) acked.push(reply.message);
          if (chat.child.signalCode === null && chat.child.exitCode === null) void chat.kill().then(resolve);
        });
      }
    });
    await killed;
    expect(chat.child.signalCode).toBe('SIGKILL');
    await new Promise((r) => setTimeout(r, 100)); // let acks already received be handled
    if (target === 'pglite') expect(existsSync(path.join(dataDir, 'chat-db'))).toBe(true);

    const restarted = await start(env);
    const stored: Acked[] = [];
    for (const sub of [alice, bob]) {
      const history = await request(await connect(restarted, 'customer', sub), 'history', { limit: 100 });
      expect(history.ok).toBe(true);
      stored.push(...history.messages);
    }
    const byId = new Map(stored.map((m) => [m.id, m]));
    const missing = acked.filter((m) => byId.get(m.id)?.body !== m.body);
    expect(missing).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(21);
    console.info(
      `${target}: ${acked.length} acknowledged (${acked.length - 20} of 8 in the burst), all ${stored.length} stored after SIGKILL`,
    );
    await restarted.stop();
  });
});
