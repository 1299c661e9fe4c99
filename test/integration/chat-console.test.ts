/**
 * The staff console's events (C4) with real Socket.IO clients: filters and search, read receipts
 * both ways, assignment, canned replies, and that customers can use none of the staff events.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { likePattern, wibDayStart } from '../../src/chat/console-repository';
import { chatConversations } from '../../src/db/chat-schema';
import { nextEvent, recordEvents, request, uniqueSub, useChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';

describe('console list helpers', () => {
  it('starts "today" at midnight WIB, not UTC', () => {
    // 2026-12-01 18:30 UTC is 2026-12-02 01:30 WIB: today began at 2026-12-01 17:00 UTC.
    expect(wibDayStart(new Date('2026-12-01T18:30:00Z')).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(wibDayStart(new Date('2026-12-01T16:59:59Z')).toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('treats % and _ typed by staff as text', () => {
    expect(likePattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});

describe.each(dbTargets)('chat console (%s)', (target) => {
  const harness = useChat(target);
  const { client } = harness;
  const unique = () => randomBytes(4).toString('hex');

  /** A customer with a distinct name who has said `body`; returns their socket and conversation id. */
  async function customerSaying(body: string, name = `Pelanggan ${unique()}`) {
    const socket = await client('customer', uniqueSub('customer'), name);
    const sent = await request(socket, 'message:send', { body });
    expect(sent.ok).toBe(true);
    return { socket, name, conversationId: sent.message.conversationId as number };
  }
  const ids = (answer: { conversations: { id: number }[] }) => answer.conversations.map((c) => c.id);

  it('finds conversations by customer name or by any message, archived ones on the archived tab', async () => {
    const word = `gibson${unique()}`;
    const byMessage = await customerSaying(`Ada ${word.toUpperCase()} Les Paul bekas?`);
    const byName = await customerSaying('Halo', `Budi ${word}`);
    const other = await customerSaying('Senar gitar 0.10');
    const staff = await client('staff');

    const found = await request(staff, 'conversation:list', { search: word });
    expect(found.ok).toBe(true);
    expect(ids(found).sort()).toEqual([byMessage.conversationId, byName.conversationId].sort());
    // The match explains why a conversation is listed.
    expect(found.conversations.find((c: { id: number }) => c.id === byMessage.conversationId).match.body).toContain(word.toUpperCase());
    expect(ids(found)).not.toContain(other.conversationId);

    // Archived conversations stay searchable.
    expect((await request(staff, 'conversation:archive', { conversationId: byMessage.conversationId })).ok).toBe(true);
    expect(ids(await request(staff, 'conversation:list', { search: word }))).toEqual([byName.conversationId]);
    expect(ids(await request(staff, 'conversation:list', { status: 'archived', search: word }))).toEqual([byMessage.conversationId]);
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    const literal = await customerSaying(`Diskon 100%_${unique()}`);
    // A conversation without "%", so the test does not depend on the others having run first.
    await customerSaying(`Diskon seratus persen ${unique()}`);
    const staff = await client('staff');
    const hits = ids(await request(staff, 'conversation:list', { search: '100%_' }));
    expect(hits).toContain(literal.conversationId);
    // "%" alone would match everything if it were a wildcard.
    const all = ids(await request(staff, 'conversation:list', {}));
    const percent = ids(await request(staff, 'conversation:list', { search: '%' }));
    expect(percent.length).toBeLessThan(all.length);
  });

  it('filters unread and today', async () => {
    const unread = await customerSaying('Belum dibaca');
    const read = await customerSaying('Sudah dibaca');
    const staff = await client('staff');
    expect((await request(staff, 'conversation:read', { conversationId: read.conversationId })).ok).toBe(true);

    const unreadIds = ids(await request(staff, 'conversation:list', { filter: 'unread' }));
    expect(unreadIds).toContain(unread.conversationId);
    expect(unreadIds).not.toContain(read.conversationId);

    // Yesterday (WIB) is not today.
    await harness.chat.db.db
      .update(chatConversations)
      .set({ lastMessageAt: new Date(wibDayStart(new Date()).getTime() - 60_000) })
      .where(eq(chatConversations.id, unread.conversationId));
    const todayIds = ids(await request(staff, 'conversation:list', { filter: 'today' }));
    expect(todayIds).toContain(read.conversationId);
    expect(todayIds).not.toContain(unread.conversationId);
  });

  it('refuses unknown filters and oversized searches with a clear code', async () => {
    const staff = await client('staff');
    expect(await request(staff, 'conversation:list', { filter: 'everything' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: 'filter' },
    });
    expect(await request(staff, 'conversation:list', { search: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('shows the customer a read receipt when staff read, and staff one when the customer has seen', async () => {
    const { socket: customer, conversationId } = await customerSaying('Ongkir ke Garut berapa?');
    const staff = await client('staff');

    const staffRead = nextEvent(customer, 'receipt', (p) => p.reader === 'staff');
    const read = await request(staff, 'conversation:read', { conversationId });
    expect(read.ok).toBe(true);
    const receipt = await staffRead;
    expect(receipt).toMatchObject({ conversationId, reader: 'staff' });
    expect(receipt.lastReadId).toBe(read.lastReadId);
    expect((await request(customer, 'history', {})).conversation.staffLastReadId).toBe(read.lastReadId);

    const reply = await request(staff, 'message:send', { conversationId, body: 'Rp18.000 lewat JNE.' });
    const customerSeen = nextEvent(staff, 'receipt', (p) => p.reader === 'customer' && p.conversationId === conversationId);
    expect(await request(customer, 'conversation:seen', { upTo: reply.message.id })).toEqual({ ok: true, lastReadId: reply.message.id });
    expect((await customerSeen).lastReadId).toBe(reply.message.id);
    const listed = (await request(staff, 'conversation:list', {})).conversations.find((c: { id: number }) => c.id === conversationId);
    expect(listed.customerLastReadId).toBe(reply.message.id);
  });

  it("does not let a customer mark messages they never received, or someone else's, as seen", async () => {
    const a = await customerSaying('Pesan A');
    const b = await customerSaying('Pesan B');
    const staff = await client('staff');
    const replyToA = await request(staff, 'message:send', { conversationId: a.conversationId, body: 'Balasan untuk A' });
    // B names A's newest message id: only B's own conversation moves, and only up to B's messages.
    const seen = await request(b.socket, 'conversation:seen', { upTo: replyToA.message.id + 1000 });
    expect(seen.ok).toBe(true);
    const [rowA] = await harness.chat.db.db.select().from(chatConversations).where(eq(chatConversations.id, a.conversationId));
    const [rowB] = await harness.chat.db.db.select().from(chatConversations).where(eq(chatConversations.id, b.conversationId));
    expect(rowA!.customerLastReadId).toBe(0);
    expect(rowB!.customerLastReadId).toBeLessThan(replyToA.message.id);
    expect(seen.lastReadId).toBe(rowB!.customerLastReadId);
    // The marker never moves back.
    expect((await request(b.socket, 'conversation:seen', { upTo: 1 })).lastReadId).toBe(rowB!.customerLastReadId);
  });

  it('assigns a conversation to a colleague the chat knows, and "mine" lists it for them only', async () => {
    const { socket: customer, conversationId } = await customerSaying('Minta tolong cek pesanan saya');
    const colleagueSub = uniqueSub('staff');
    const colleague = await client('staff', colleagueSub, 'Rina');
    const me = await client('staff', uniqueSub('staff'), 'Dodi');
    // The colleague's connection put them in the directory.
    await expect.poll(async () => (await request(me, 'staff:list')).staff.map((s: { id: string }) => s.id)).toContain(colleagueSub);
    expect((await request(me, 'staff:list')).me).toMatchObject({ name: 'Dodi' });

    const customerSees = nextEvent(customer, 'conversation:updated', (p) => p.id === conversationId);
    const colleagueSees = nextEvent(colleague, 'conversation:updated', (p) => p.id === conversationId);
    const assigned = await request(me, 'conversation:assign', { conversationId, staffId: colleagueSub });
    expect(assigned).toMatchObject({ ok: true, conversation: { assignedStaffId: colleagueSub, assignedStaffName: 'Rina' } });
    expect(await colleagueSees).toMatchObject({ assignedStaffId: colleagueSub, assignedStaffName: 'Rina' });
    // The customer learns the name, never the staff account id.
    expect(await customerSees).toEqual({ id: conversationId, assignedStaffName: 'Rina' });

    expect(ids(await request(colleague, 'conversation:list', { filter: 'mine' }))).toContain(conversationId);
    expect(ids(await request(me, 'conversation:list', { filter: 'mine' }))).not.toContain(conversationId);
    expect(ids(await request(me, 'conversation:list', { filter: 'unassigned' }))).not.toContain(conversationId);

    expect((await request(me, 'conversation:assign', { conversationId, staffId: null })).ok).toBe(true);
    expect(ids(await request(me, 'conversation:list', { filter: 'unassigned' }))).toContain(conversationId);
  });

  it('refuses assignment to someone who is not known staff', async () => {
    const { conversationId } = await customerSaying('Halo');
    const customerSub = uniqueSub('customer');
    await client('customer', customerSub);
    const staff = await client('staff');
    expect(await request(staff, 'conversation:assign', { conversationId, staffId: customerSub })).toMatchObject({
      ok: false,
      error: { code: 'unknown_staff' },
    });
    expect(await request(staff, 'conversation:assign', { conversationId: 999_999_999, staffId: null })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps canned replies editable by the whole team and announces changes', async () => {
    const staff = await client('staff');
    const colleague = await client('staff');
    const title = `Jam buka ${unique()}`;
    const changed = nextEvent(colleague, 'canned:changed');
    const created = await request(staff, 'canned:save', { title: `  ${title}  `, body: 'Senin–Sabtu 10.00–21.00 WIB.' });
    expect(created).toMatchObject({ ok: true, reply: { title, body: 'Senin–Sabtu 10.00–21.00 WIB.' } });
    await changed;

    // Titles are unique regardless of case.
    expect(await request(colleague, 'canned:save', { title: title.toUpperCase(), body: 'dupe' })).toMatchObject({
      ok: false,
      error: { code: 'duplicate_title' },
    });

    const edited = await request(colleague, 'canned:save', { id: created.reply.id, title, body: 'Setiap hari 10.00–21.00 WIB.' });
    expect(edited.ok).toBe(true);
    const listed = (await request(staff, 'canned:list')).replies.find((r: { id: number }) => r.id === created.reply.id);
    expect(listed.body).toBe('Setiap hari 10.00–21.00 WIB.');

    expect((await request(staff, 'canned:delete', { id: created.reply.id })).ok).toBe(true);
    expect((await request(staff, 'canned:list')).replies.map((r: { id: number }) => r.id)).not.toContain(created.reply.id);
    expect(await request(staff, 'canned:delete', { id: created.reply.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('validates canned replies field by field', async () => {
    const staff = await client('staff');
    expect(await request(staff, 'canned:save', { title: ' ', body: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_title' } });
    expect(await request(staff, 'canned:save', { title: 'x'.repeat(81), body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_title' },
    });
    expect(await request(staff, 'canned:save', { title: `t ${unique()}`, body: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_body' },
    });
    expect(await request(staff, 'canned:save', { title: `t ${unique()}`, body: 'x'.repeat(2001) })).toMatchObject({
      ok: false,
      error: { code: 'invalid_body' },
    });
    expect(await request(staff, 'canned:save', { id: 999_999_999, title: `t ${unique()}`, body: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('gives customers none of the staff events', async () => {
    const { socket: customer, conversationId } = await customerSaying('Saya pelanggan');
    const staffOnly: [string, unknown][] = [
      ['conversation:list', {}],
      ['conversation:read', { conversationId }],
      ['conversation:assign', { conversationId, staffId: null }],
      ['staff:list', undefined],
      ['canned:list', undefined],
      ['canned:save', { title: 'x', body: 'y' }],
      ['canned:delete', { id: 1 }],
    ];
    for (const [event, payload] of staffOnly) {
      expect(await request(customer, event, payload), event).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // And staff cannot pose as the customer who has "seen" a conversation.
    const staff = await client('staff');
    const receipts = recordEvents(staff, 'receipt');
    expect(await request(staff, 'conversation:seen', { upTo: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(receipts).toEqual([]);
  });
});
