/**
 * Conversation and message queries named by intent. With console-repository.ts (the staff
 * console's list, assignment, read markers, canned replies) and attachments-repository.ts (image
 * uploads) the only chat files that import Drizzle.
 */
import type { ProductCard } from './contract';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { ChatDb } from '../db/chat-db';
import { type ChatConversation, type ChatMessage, chatConversations, chatMessages } from '../db/chat-schema';

export type SenderRole = ChatMessage['senderRole'];

export function createChatRepository(db: ChatDb) {
  return {
    findConversation(id: number): Promise<ChatConversation | undefined> {
      return db.query.chatConversations.findFirst({ where: eq(chatConversations.id, id) });
    },

    /** A customer's open conversation, or their latest one when all are archived. */
    findCurrentForCustomer(customerId: string): Promise<ChatConversation | undefined> {
      return db.query.chatConversations.findFirst({
        where: eq(chatConversations.customerId, customerId),
        orderBy: [sql`${chatConversations.status} = 'open' DESC`, desc(chatConversations.id)],
      });
    },

    /**
     * The customer's open conversation, created if missing. Two tabs sending their first message
     * at once both land on the same row thanks to the partial unique index. Every message calls
     * this, and nearly always the conversation exists: then it costs one query, not two.
     */
    async openForCustomer(customerId: string, customerName: string): Promise<ChatConversation> {
      const findOpen = () =>
        db.query.chatConversations.findFirst({
          where: and(eq(chatConversations.customerId, customerId), eq(chatConversations.status, 'open')),
        });
      const existing = await findOpen();
      if (existing) return existing;
      const [created] = await db
        .insert(chatConversations)
        .values({ customerId, customerName })
        .onConflictDoNothing({ target: chatConversations.customerId, where: sql`status = 'open'` })
        .returning();
      // Nothing returned: another tab created it a moment ago.
      const row = created ?? (await findOpen());
      if (!row) throw new Error('open conversation vanished right after insert');
      return row;
    },

    /**
     * Inserts the message and bumps the conversation; resolves after commit. One statement (two
     * data-modifying CTEs) is one implicit transaction, and a quarter of the round trips of
     * BEGIN/INSERT/UPDATE/COMMIT — it matters on PGlite, where every statement costs CPU here.
     * Both see the same now(), so last_message_at equals the message's created_at.
     */
    async appendMessage(input: {
      conversationId: number;
      senderId: string;
      senderRole: SenderRole;
      body: string;
      product?: ProductCard | null;
    }): Promise<ChatMessage> {
      const inserted = db.$with('inserted').as(db.insert(chatMessages).values(input).returning());
      const bumped = db
        .$with('bumped')
        .as(
          db
            .update(chatConversations)
            .set({ lastMessageAt: sql`now()` })
            .where(eq(chatConversations.id, input.conversationId))
            .returning({ id: chatConversations.id }),
        );
      const [message] = await db.with(inserted, bumped).select().from(inserted);
      if (!message) throw new Error('message insert returned no row');
      return message;
    },

    /** One page of messages, oldest first: before an id (paging back) or after one (catch-up). */
    async history(conversationId: number, opts: { before?: number; after?: number; limit: number }): Promise<ChatMessage[]> {
      const conds = [eq(chatMessages.conversationId, conversationId)];
      if (opts.before) conds.push(lt(chatMessages.id, opts.before));
      if (opts.after) conds.push(gt(chatMessages.id, opts.after));
      if (opts.after) {
        return db
          .select()
          .from(chatMessages)
          .where(and(...conds))
          .orderBy(chatMessages.id)
          .limit(opts.limit);
      }
      const rows = await db
        .select()
        .from(chatMessages)
        .where(and(...conds))
        .orderBy(desc(chatMessages.id))
        .limit(opts.limit);
      return rows.reverse();
    },

    /** Returns false when reopening would give the customer a second open conversation. */
    async setStatus(conversationId: number, status: ChatConversation['status']): Promise<boolean> {
      try {
        await db.update(chatConversations).set({ status }).where(eq(chatConversations.id, conversationId));
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
  };
}

export type ChatRepository = ReturnType<typeof createChatRepository>;

export function isUniqueViolation(error: unknown): boolean {
  // node-postgres and PGlite both expose the SQLSTATE as `code`; Drizzle may wrap it in `cause`.
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}
