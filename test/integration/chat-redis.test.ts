import { randomBytes } from 'node:crypto';
import type { Socket as ClientSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatHarness, connectSocket, nextEvent, request, startChat, tokenFor } from '../helpers/chat-harness';

/** C7: two chat instances share rooms through Redis (needs TEST_REDIS_URL, as in CI). */
describe.runIf(process.env.TEST_REDIS_URL)('chat across two instances with Redis', () => {
  let chat: ChatHarness;
  let second: { url: string };
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    // Own channel prefix: other test files may use the same Redis at the same time.
    const redis = { redisUrl: process.env.TEST_REDIS_URL!, redisKey: `test-chat-${randomBytes(4).toString('hex')}` };
    chat = await startChat('pglite', redis);
    second = await chat.startInstance(redis);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await chat?.close();
  });

  it('a customer on instance 1 and staff on instance 2 exchange messages', async () => {
    const customer = await connectSocket(chat.url, await tokenFor(chat.config, 'customer'));
    const staff = await connectSocket(second.url, await tokenFor(chat.config, 'staff'));
    sockets.push(customer, staff);

    const staffSees = nextEvent(staff, 'message:new', (p) => p.message.body === 'across instances');
    const started = performance.now();
    const sent = await request(customer, 'message:send', { body: 'across instances' });
    const incoming = await staffSees;
    expect(incoming.message.id).toBe(sent.message.id);

    const customerSees = nextEvent(customer, 'message:new');
    await request(staff, 'message:send', { conversationId: incoming.conversation.id, body: 'answer via Redis' });
    expect((await customerSees).message.body).toBe('answer via Redis');
    console.info(`send → commit → ack → delivery on the other instance: ${(performance.now() - started).toFixed(1)} ms`);
  });
});
