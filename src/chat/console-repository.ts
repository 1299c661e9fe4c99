/**
 * Queries behind the staff console (C4): the filtered, searchable conversation list, assignment,
 * the staff directory, read markers and canned replies. Conversation and message writes stay in
 * repository.ts; both files are the only ones in the chat service that import Drizzle.
 */
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { ChatDb } from '../db/chat-db';
import {
  type ChatCannedReply,
  type ChatConversation,
  type ChatStaffMember,
  chatCannedReplies,
  chatConversations,
  chatStaffMembers,
} from '../db/chat-schema';
import type { ConversationFilter } from './contract';
import { type SenderRole, isUniqueViolation } from './repository';

export interface ConversationQuery {
  status: ChatConversation['status'];
  filter: ConversationFilter;
  /** Matches the customer's name or any message in the conversation (case-insensitive). */
  search?: string;
  /** The staff member asking (for "mine"). */
  staffId: string;
  /** Start of "today" in the shop's time zone (the caller computes it, so tests can pin it). */
  todayStartsAt: Date;
  limit: number;
}

export interface ConversationSummary {
  id: number;
  customerId: string;
  customerName: string;
  status: ChatConversation['status'];
  lastMessageAt: Date;
  unread: number;
  assignedStaffId: string | null;
  assignedStaffName: string | null;
  customerLastReadId: number;
  lastMessage: { id: number; body: string; senderRole: SenderRole; createdAt: string; hasAttachment: boolean } | null;
  /** With a search: the newest message that matched (so the list can show why it matched). */
  match: { id: number; body: string } | null;
}

/** `%` and `_` typed by staff are literal characters, not wildcards. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Midnight in WIB (UTC+7, no daylight saving) of the day containing `now`. */
export function wibDayStart(now: Date): Date {
  const WIB_OFFSET_MS = 7 * 3_600_000;
  const shifted = new Date(now.getTime() + WIB_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - WIB_OFFSET_MS);
}

// Written against the table alias so the correlated subqueries never resolve a bare column name
// against chat_messages (Drizzle writes bare names in a one-table select).
const unreadCount = sql<number>`(SELECT count(*)::int FROM chat_messages m WHERE m.conversation_id = chat_conversations.id
  AND m.id > chat_conversations.staff_last_read_id AND m.sender_role IN ('customer', 'guest'))`;
const lastMessage = sql<
  ConversationSummary['lastMessage']
>`(SELECT json_build_object('id', m.id, 'body', m.body, 'senderRole', m.sender_role, 'createdAt', m.created_at,
  'hasAttachment', m.attachment_id IS NOT NULL)
  FROM chat_messages m WHERE m.conversation_id = chat_conversations.id ORDER BY m.id DESC LIMIT 1)`;

export function createConsoleRepository(db: ChatDb) {
  return {
    async listConversations(query: ConversationQuery): Promise<ConversationSummary[]> {
      const conds: SQL[] = [eq(chatConversations.status, query.status)];
      if (query.filter === 'unread') {
        conds.push(sql`EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = chat_conversations.id
          AND m.id > chat_conversations.staff_last_read_id AND m.sender_role IN ('customer', 'guest'))`);
      }
      if (query.filter === 'today')
        conds.push(sql`chat_conversations.last_message_at >= ${query.todayStartsAt.toISOString()}::timestamptz`);
      if (query.filter === 'mine') conds.push(eq(chatConversations.assignedStaffId, query.staffId));
      if (query.filter === 'unassigned') conds.push(sql`chat_conversations.assigned_staff_id IS NULL`);
      const pattern = query.search ? likePattern(query.search) : null;
      if (pattern) {
        conds.push(sql`(chat_conversations.customer_name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM chat_messages m
          WHERE m.conversation_id = chat_conversations.id AND m.body ILIKE ${pattern}))`);
      }
      const match = pattern
        ? sql<ConversationSummary['match']>`(SELECT json_build_object('id', m.id, 'body', m.body) FROM chat_messages m
            WHERE m.conversation_id = chat_conversations.id AND m.body ILIKE ${pattern} ORDER BY m.id DESC LIMIT 1)`
        : sql<null>`NULL::json`;
      const rows = await db
        .select({
          id: chatConversations.id,
          customerId: chatConversations.customerId,
          customerName: chatConversations.customerName,
          status: chatConversations.status,
          lastMessageAt: chatConversations.lastMessageAt,
          assignedStaffId: chatConversations.assignedStaffId,
          assignedStaffName: chatConversations.assignedStaffName,
          customerLastReadId: chatConversations.customerLastReadId,
          unread: unreadCount,
          lastMessage,
          match,
        })
        .from(chatConversations)
        .where(and(...conds))
        .orderBy(desc(chatConversations.lastMessageAt), desc(chatConversations.id))
        .limit(query.limit);
      return rows.map((row) => ({
        ...row,
        unread: Number(row.unread),
        // json_build_object keeps bigint ids as numbers and timestamps as ISO-like text.
        lastMessage: row.lastMessage && {
          ...row.lastMessage,
          id: Number(row.lastMessage.id),
          createdAt: new Date(row.lastMessage.createdAt).toISOString(),
        },
        match: row.match && { id: Number(row.match.id), body: row.match.body },
      }));
    },

    /** The dashboard's figures: open conversations, and those with customer messages staff have not read. */
    async stats(): Promise<{ waiting: number; open: number }> {
      const [row] = await db
        .select({
          open: sql<number>`count(*)::int`,
          waiting: sql<number>`count(*) FILTER (WHERE EXISTS (SELECT 1 FROM chat_messages m
            WHERE m.conversation_id = chat_conversations.id AND m.id > chat_conversations.staff_last_read_id
            AND m.sender_role IN ('customer', 'guest')))::int`,
        })
        .from(chatConversations)
        .where(eq(chatConversations.status, 'open'));
      return { waiting: Number(row?.waiting ?? 0), open: Number(row?.open ?? 0) };
    },

    /** Assigns (or with `null` releases) a conversation; returns the updated row, or null if missing. */
    async assign(conversationId: number, staff: { id: string; name: string } | null): Promise<ChatConversation | null> {
      const [row] = await db
        .update(chatConversations)
        .set({ assignedStaffId: staff?.id ?? null, assignedStaffName: staff?.name ?? null })
        .where(eq(chatConversations.id, conversationId))
        .returning();
      return row ?? null;
    },

    /** Staff marks everything read; returns the new marker (the highest message id), or null if missing. */
    async markReadByStaff(conversationId: number): Promise<number | null> {
      const [row] = await db
        .update(chatConversations)
        .set({
          staffLastReadId: sql`GREATEST(${chatConversations.staffLastReadId},
            COALESCE((SELECT max(id) FROM chat_messages WHERE conversation_id = ${conversationId}), 0))`,
        })
        .where(eq(chatConversations.id, conversationId))
        .returning({ staffLastReadId: chatConversations.staffLastReadId });
      return row ? Number(row.staffLastReadId) : null;
    },

    /**
     * The customer has seen messages up to `upTo`. Never moves back, and never past the newest
     * message of this conversation (a made-up id cannot mark future messages read).
     */
    async markSeenByCustomer(conversationId: number, upTo: number): Promise<number | null> {
      const [row] = await db
        .update(chatConversations)
        .set({
          customerLastReadId: sql`GREATEST(${chatConversations.customerLastReadId},
            COALESCE((SELECT max(id) FROM chat_messages WHERE conversation_id = ${conversationId} AND id <= ${upTo}), 0))`,
        })
        .where(eq(chatConversations.id, conversationId))
        .returning({ customerLastReadId: chatConversations.customerLastReadId });
      return row ? Number(row.customerLastReadId) : null;
    },

    /** Remembers a staff member who connected (their name may have changed since). */
    async rememberStaff(member: { id: string; name: string }): Promise<void> {
      await db
        .insert(chatStaffMembers)
        .values(member)
        .onConflictDoUpdate({ target: chatStaffMembers.id, set: { name: member.name, lastSeenAt: sql`now()` } });
    },

    findStaff(id: string): Promise<ChatStaffMember | undefined> {
      return db.query.chatStaffMembers.findFirst({ where: eq(chatStaffMembers.id, id) });
    },

    listStaff(): Promise<ChatStaffMember[]> {
      return db.select().from(chatStaffMembers).orderBy(asc(chatStaffMembers.name)).limit(200);
    },

    listCannedReplies(): Promise<ChatCannedReply[]> {
      return db
        .select()
        .from(chatCannedReplies)
        .orderBy(asc(sql`lower(${chatCannedReplies.title})`))
        .limit(200);
    },

    /** Creates or updates a reply; `duplicate` when another reply already has that title. */
    async saveCannedReply(input: {
      id?: number;
      title: string;
      body: string;
      updatedBy: string;
    }): Promise<ChatCannedReply | 'duplicate' | 'missing'> {
      try {
        if (input.id) {
          const [row] = await db
            .update(chatCannedReplies)
            .set({ title: input.title, body: input.body, updatedBy: input.updatedBy, updatedAt: sql`now()` })
            .where(eq(chatCannedReplies.id, input.id))
            .returning();
          return row ?? 'missing';
        }
        const [row] = await db
          .insert(chatCannedReplies)
          .values({ title: input.title, body: input.body, updatedBy: input.updatedBy })
          .returning();
        return row!;
      } catch (error) {
        if (isUniqueViolation(error)) return 'duplicate';
        throw error;
      }
    },

    async deleteCannedReply(id: number): Promise<boolean> {
      const rows = await db.delete(chatCannedReplies).where(eq(chatCannedReplies.id, id)).returning({ id: chatCannedReplies.id });
      return rows.length > 0;
    },
  };
}

export type ConsoleRepository = ReturnType<typeof createConsoleRepository>;
