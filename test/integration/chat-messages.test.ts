import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { chatConversations, chatMessages } from '../../src/db/chat-schema';
import { MESSAGE_RATE } from '../../src/chat/contract';
import { nextEvent, request, uniqueSub, useChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';

describe.each(dbTargets)('chat messages (%s)', (target) => {
  const harness = useChat(target);
  const { client } = harness;

  it('delivers a customer message to staff and the staff reply back (round trip)', async () => {
    const customer = await client('customer');
    const staff = await client('staff');
    const seenByStaff = nextEvent(staff, 'message:new', (p) => p.message.body === 'Is the Les Paul in stock?');
    const sent = await request(customer, 'message:send', { body: 'Is the Les Paul in stock?' });
    expect(sent.ok).toBe(true);
    const incoming = await seenByStaff;
    expect(incoming.message.id).toBe(sent.message.id);
    expect(incoming.conversation.customerName).toBe('Test customer');

    const seenByCustomer = nextEvent(customer, 'message:new');
    const reply = await request(staff, 'message:send', { conversationId: incoming.conversation.id, body: 'Yes, two left.' });
    expect(reply.ok).toBe(true);
    const delivered = await seenByCustomer;
    expect(delivered.message).toMatchObject({ body: 'Yes, two left.', senderRole: 'staff', conversationId: incoming.conversation.id });
  });

  it('persists before acknowledging: the row exists when the ack arrives', async () => {
    const customer = await client('customer');
    const sent = await request(customer, 'message:send', { body: 'persist me' });
    const rows = await harness.chat.db.db.select().from(chatMessages).where(eq(chatMessages.id, sent.message.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body).toBe('persist me');
  });

  it("bumps the conversation's last activity to the message's time in the same commit", async () => {
    const customer = await client('customer');
    const sent = await request(customer, 'message:send', { body: 'bump me' });
    const [conversation] = await harness.chat.db.db
      .select()
      .from(chatConversations)
      .where(eq(chatConversations.id, sent.message.conversationId));
    expect(conversation!.lastMessageAt.toISOString()).toBe(sent.message.createdAt);
  });

  it('serves history after a reconnect, including catch-up after the last seen id', async () => {
    const sub = uniqueSub('customer');
    const first = await client('customer', sub);
    const a = await request(first, 'message:send', { body: 'first' });
    first.disconnect();
    const staff = await client('staff');
    await request(staff, 'message:send', { conversationId: a.message.conversationId, body: 'while you were away' });

    const again = await client('customer', sub);
    const all = await request(again, 'history', {});
    expect(all.messages.map((m: { body: string }) => m.body)).toEqual(['first', 'while you were away']);
    const missed = await request(again, 'history', { after: a.message.id });
    expect(missed.messages.map((m: { body: string }) => m.body)).toEqual(['while you were away']);
  });

  it('pages history backwards with hasMore', async () => {
    const customer = await client('customer');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await request(customer, 'message:send', { body: `m${i}` })).message.id);
      await new Promise((r) => setTimeout(r, 210)); // stay under the message rate limit
    }
    const page = await request(customer, 'history', { limit: 2 });
    expect(page.messages.map((m: { body: string }) => m.body)).toEqual(['m3', 'm4']);
    expect(page.hasMore).toBe(true);
    const older = await request(customer, 'history', { limit: 10, before: ids[3] });
    expect(older.messages.map((m: { body: string }) => m.body)).toEqual(['m0', 'm1', 'm2']);
    expect(older.hasMore).toBe(false);
  });

  it('rejects empty and 2001-character messages', async () => {
    const customer = await client('customer');
    expect((await request(customer, 'message:send', { body: '   ' })).error.code).toBe('invalid_message');
    expect((await request(customer, 'message:send', { body: 'x'.repeat(2001) })).error.code).toBe('invalid_message');
    expect((await request(customer, 'message:send', { body: 42 })).error.code).toBe('invalid_message');
    expect((await request(customer, 'message:send', { body: 'x'.repeat(2000) })).ok).toBe(true);
  });

  it('drops the connection on a 1 MB message (maxHttpBufferSize)', async () => {
    const customer = await client('customer');
    const gone = new Promise<string>((resolve) => customer.once('disconnect', resolve));
    customer.emit('message:send', { body: 'x'.repeat(1024 * 1024) }, () => {});
    expect(await gone).toBeTruthy();
    const count = await harness.chat.db.db
      .select()
      .from(chatMessages)
      .where(eq(chatMessages.body, 'x'.repeat(1024 * 1024)));
    expect(count).toHaveLength(0);
  });

  it('rate limits a burst of 100 messages', async () => {
    const customer = await client('customer');
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => request(customer, 'message:send', { body: `flood ${i}` })));
    const accepted = results.filter((r) => r.ok).length;
    const limited = results.filter((r) => r.error?.code === 'rate_limited').length;
    expect(accepted).toBeGreaterThanOrEqual(MESSAGE_RATE.burst);
    expect(accepted).toBeLessThan(MESSAGE_RATE.burst + 5);
    expect(limited).toBe(100 - accepted);
  });

  it('stores and delivers HTML as plain text, unchanged', async () => {
    const customer = await client('customer');
    const staff = await client('staff');
    const html = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const seen = nextEvent(staff, 'message:new', (p) => p.message.body === html);
    const sent = await request(customer, 'message:send', { body: html });
    expect(sent.message.body).toBe(html);
    expect((await seen).message.body).toBe(html);
    const [row] = await harness.chat.db.db.select().from(chatMessages).where(eq(chatMessages.id, sent.message.id));
    expect(row!.body).toBe(html);
  });

  it('lists conversations with unread counts and the last message; read clears them', async () => {
    const customer = await client('customer', uniqueSub('customer'));
    const staff = await client('staff');
    const a = await request(customer, 'message:send', { body: 'one' });
    await request(customer, 'message:send', { body: 'two' });
    const find = async () =>
      (await request(staff, 'conversation:list', {})).conversations.find((c: { id: number }) => c.id === a.message.conversationId);
    expect(await find()).toMatchObject({ unread: 2, lastMessage: { body: 'two', senderRole: 'customer', hasAttachment: false } });
    expect((await request(staff, 'conversation:read', { conversationId: a.message.conversationId })).ok).toBe(true);
    expect((await find()).unread).toBe(0);
  });

  it('archives and reopens a conversation; a new message after archive starts a new one', async () => {
    const customer = await client('customer');
    const staff = await client('staff');
    const a = await request(customer, 'message:send', { body: 'hello' });
    const conversationId = a.message.conversationId;
    const told = nextEvent(customer, 'conversation:updated');
    expect((await request(staff, 'conversation:archive', { conversationId })).ok).toBe(true);
    expect(await told).toEqual({ id: conversationId, status: 'archived' });
    const archived = await request(staff, 'conversation:list', { status: 'archived' });
    expect(archived.conversations.some((c: { id: number }) => c.id === conversationId)).toBe(true);
    expect((await request(staff, 'message:send', { conversationId, body: 'late' })).error.code).toBe('conversation_archived');
    expect((await request(staff, 'conversation:reopen', { conversationId })).ok).toBe(true);

    // Archive again, then the customer writes: a fresh conversation, and reopening the old one conflicts.
    await request(staff, 'conversation:archive', { conversationId });
    const b = await request(customer, 'message:send', { body: 'new question' });
    expect(b.message.conversationId).not.toBe(conversationId);
    expect((await request(staff, 'conversation:reopen', { conversationId })).error.code).toBe('conflict');
  });

  it('relays typing between the customer and staff', async () => {
    const customer = await client('customer');
    const staff = await client('staff');
    const a = await request(customer, 'message:send', { body: 'typing test' });
    const staffSees = nextEvent(staff, 'typing', (p) => p.conversationId === a.message.conversationId);
    customer.emit('typing', {});
    expect((await staffSees).from).toBe('customer');
    const customerSees = nextEvent(customer, 'typing');
    staff.emit('typing', { conversationId: a.message.conversationId });
    expect(await customerSees).toEqual({ conversationId: a.message.conversationId, from: 'staff' });
  });
});
