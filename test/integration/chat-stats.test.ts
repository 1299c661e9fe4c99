/**
 * The chat service's figures for the dashboard (`GET /api/stats`): the store's service token
 * only; a person's chat token, a forged, expired or missing one is refused with 401.
 */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatConversations, chatMessages } from '../../src/db/chat-schema';
import { CHAT_TOKEN_AUDIENCE, CHAT_TOKEN_ISSUER, signChatServiceToken } from '../../src/lib/chat-tokens';
import { createChatStatsClient } from '../../src/store/chat/stats-client';
import { type ChatHarness, startChat, tokenFor } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';

describe.each(dbTargets)('chat stats API on %s', (target) => {
  let chat: ChatHarness;
  const stats = (authorization?: string) => fetch(`${chat.url}/api/stats`, { headers: authorization ? { authorization } : {} });

  beforeAll(async () => {
    chat = await startChat(target);
    const [c] = await chat.db.db.insert(chatConversations).values({ customerId: 'user:1', customerName: 'Ani' }).returning();
    await chat.db.db.insert(chatMessages).values({ conversationId: c!.id, senderId: 'user:1', senderRole: 'customer', body: 'Halo' });
    await chat.db.db.insert(chatConversations).values({ customerId: 'user:2', customerName: 'Budi' });
  }, 60_000);
  afterAll(() => chat?.close());

  it('answers the store with waiting and open conversations', async () => {
    const res = await stats(`Bearer ${await signChatServiceToken(chat.config.chatTokenSecret)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('no-store');
    expect(await res.json()).toEqual({ waiting: 1, open: 2 });
  });

  it('the store client reads the same figures', async () => {
    const read = createChatStatsClient({ chatUrl: chat.url, secret: chat.config.chatTokenSecret });
    expect(await read()).toEqual({ waiting: 1, open: 2 });
    // Signed with another secret: refused, so the client reports the chat as offline.
    expect(await createChatStatsClient({ chatUrl: chat.url, secret: 'z'.repeat(40) })()).toBeNull();
  });

  it('refuses staff and admin chat tokens, forged, expired and missing ones', async () => {
    expect((await stats()).status).toBe(401);
    expect((await stats('Bearer nonsense')).status).toBe(401);
    expect((await stats(`Bearer ${await tokenFor(chat.config, 'staff')}`)).status).toBe(401);
    expect((await stats(`Bearer ${await tokenFor(chat.config, 'admin')}`)).status).toBe(401);
    expect((await stats(`Bearer ${await signChatServiceToken('z'.repeat(40))}`)).status).toBe(401);
    const expired = await new SignJWT({ service: 'store' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('service:store')
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 120)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(chat.config.chatTokenSecret));
    const res = await stats(`Bearer ${expired}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');
  });
});
