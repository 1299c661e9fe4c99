import { describe, expect, it } from 'vitest';
import { signChatToken } from '../../src/lib/chat-tokens';
import { connectSocket, nextEvent, request, startChat, tokenFor, uniqueSub, useChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';

/** The attacks from issue 7: every one must fail on the server, whatever the client sends. */
describe.each(dbTargets)('chat isolation (%s)', (target) => {
  const harness = useChat(target);
  const { client } = harness;

  it("customer A cannot read, send into or hear B's conversation", async () => {
    const a = await client('customer');
    const b = await client('customer');
    const bConversation = (await request(b, 'message:send', { body: 'B private' })).message.conversationId;
    let leaked = false;
    a.on('message:new', () => (leaked = true));

    expect((await request(a, 'history', { conversationId: bConversation })).error.code).toBe('forbidden');
    expect((await request(a, 'message:send', { conversationId: bConversation, body: 'sneaky' })).error.code).toBe('forbidden');
    a.emit('typing', { conversationId: bConversation });

    // B keeps talking; A must hear nothing of it.
    await request(b, 'message:send', { body: 'B again' });
    const bHistory = await request(b, 'history', {});
    expect(bHistory.messages.map((m: { body: string }) => m.body)).toEqual(['B private', 'B again']);
    // A's own history stays empty: nothing of B's, and the refused send created nothing.
    expect((await request(a, 'history', {})).messages).toEqual([]);
    expect(leaked).toBe(false);
  });

  it('a customer claiming staff in the payload is still a customer', async () => {
    const customer = await client('customer');
    for (const event of ['conversation:list', 'conversation:read', 'conversation:archive', 'conversation:reopen']) {
      const answer = await request(customer, event, { role: 'staff', conversationId: 1, status: 'open' });
      expect(answer.error.code, event).toBe('forbidden');
    }
    const sent = await request(customer, 'message:send', { body: 'hi', role: 'staff', senderRole: 'staff' });
    expect(sent.message.senderRole).toBe('customer');
  });

  it('a guest token works like a customer, limited to its own conversation', async () => {
    const guest = await client('guest');
    const staff = await client('staff');
    const seen = nextEvent(staff, 'message:new', (p) => p.message.body === 'guest here');
    const sent = await request(guest, 'message:send', { body: 'guest here' });
    expect(sent.message.senderRole).toBe('guest');
    expect((await seen).conversation.id).toBe(sent.message.conversationId);
    expect((await request(guest, 'conversation:list', {})).error.code).toBe('forbidden');
  });

  it('rejects expired and forged tokens', async () => {
    const expired = await signChatToken({ sub: 'user:1', role: 'customer', name: 'Late' }, harness.chat.config.chatTokenSecret, -10);
    await expect(connectSocket(harness.chat.url, expired)).rejects.toThrow('unauthorized');
    const forged = await signChatToken({ sub: 'user:1', role: 'staff', name: 'Mallory' }, 'not-the-secret'.padEnd(40, '!'));
    await expect(connectSocket(harness.chat.url, forged)).rejects.toThrow('unauthorized');
  });

  it('refuses a browser on another origin but accepts the store origin', async () => {
    const token = await tokenFor(harness.chat.config, 'customer');
    await expect(connectSocket(harness.chat.url, token, { extraHeaders: { origin: 'https://evil.example' } })).rejects.toThrow();
    const ok = await harness.socket(token, { extraHeaders: { origin: harness.chat.config.store.publicUrl } });
    expect(ok.connected).toBe(true);
  });
});

describe('chat connection lifetime', () => {
  it('ends a connection when its token expires, so a fresh token must be fetched', async () => {
    const chat = await startChat('pglite');
    try {
      const shortLived = await signChatToken(
        { sub: uniqueSub('customer'), role: 'customer', name: 'Brief' },
        chat.config.chatTokenSecret,
        2,
      );
      const socket = await connectSocket(chat.url, shortLived);
      const started = Date.now();
      const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
      expect(Date.now() - started).toBeLessThan(3_500);
    } finally {
      await chat.close();
    }
  });
});
