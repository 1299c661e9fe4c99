/**
 * The chat service's own tables. Every name (tables, enums, indexes) starts with `chat_` because
 * the chat database may live on the same PostgreSQL server, even in the same database, as the
 * store's; the prefix keeps the two sets of migrations from ever touching each other's objects.
 *
 * Users are not stored here: `customer_id`, `sender_id` and `assigned_staff_id` are the subjects
 * of verified chat tokens issued by the store (text, so guests' ids fit too), never foreign keys
 * into the store's database.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { CANNED_TITLE_MAX_LENGTH, CHAT_MESSAGE_MAX_LENGTH, CONVERSATION_STATUSES, type ProductCard, SENDER_ROLES } from '../chat/contract';

export const chatConversationStatus = pgEnum('chat_conversation_status', CONVERSATION_STATUSES);

/** `system` is for messages the service writes itself (e.g. "conversation archived"). */
export const chatSenderRole = pgEnum('chat_sender_role', SENDER_ROLES);

export const chatConversations = pgTable(
  'chat_conversations',
  {
    // `mode: 'number'` so PGlite and node-postgres both return a number.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Token subject of the customer (or guest) who started the conversation. */
    customerId: text('customer_id').notNull(),
    /** Name from the token at the time; shown in the staff console without asking the store. */
    customerName: varchar('customer_name', { length: 120 }).notNull(),
    status: chatConversationStatus('status').notNull().default('open'),
    assignedStaffId: text('assigned_staff_id'),
    /** Display name of the assigned staff member at assignment time (the console shows it). */
    assignedStaffName: varchar('assigned_staff_name', { length: 120 }),
    /**
     * Highest message id a staff member has marked read; unread = customer messages above it.
     * One shared marker (not per staff member) because the shop's staff answer as one team.
     */
    staffLastReadId: bigint('staff_last_read_id', { mode: 'number' }).notNull().default(0),
    /** Highest message id the customer has seen (their widget was open): read receipts for staff. */
    customerLastReadId: bigint('customer_last_read_id', { mode: 'number' }).notNull().default(0),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open conversation per customer: reconnecting resumes it instead of forking.
    uniqueIndex('chat_conversations_one_open_per_customer').on(t.customerId).where(sql`${t.status} = 'open'`),
    // A customer's history (archived ones included).
    index('chat_conversations_customer_idx').on(t.customerId, t.createdAt),
    // The staff console lists open conversations, most recent activity first.
    index('chat_conversations_status_recent_idx').on(t.status, t.lastMessageAt.desc()),
    index('chat_conversations_assigned_idx').on(t.assignedStaffId).where(sql`${t.assignedStaffId} IS NOT NULL`),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: bigint('conversation_id', { mode: 'number' })
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    senderId: text('sender_id').notNull(),
    senderRole: chatSenderRole('sender_role').notNull(),
    body: text('body').notNull(),
    /** A product card (tagged by a customer or recommended by staff), built from the store's catalog. */
    product: jsonb('product').$type<ProductCard>(),
    /** An image attached to the message (chat_attachments.id), uploaded before the message was sent. */
    attachmentId: text('attachment_id').references(() => chatAttachments.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // History is paged by id within a conversation ("messages before id X").
    index('chat_messages_conversation_idx').on(t.conversationId, t.id),
    // An image goes out with one message only; also what "is this upload sent yet?" looks up.
    uniqueIndex('chat_messages_attachment_idx').on(t.attachmentId).where(sql`${t.attachmentId} IS NOT NULL`),
    check('chat_messages_body_length', sql`char_length(${t.body}) BETWEEN 1 AND ${sql.raw(String(CHAT_MESSAGE_MAX_LENGTH))}`),
  ],
);

/** PostgreSQL bytea as a Buffer (node-postgres and PGlite both hand back bytes). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Images attached to messages, already decoded and re-encoded by the image pipeline. The bytes
 * live in the chat database, not on a disk, so every chat instance can serve every image and a
 * backup of the database is a backup of the chat. Re-encoded images are small (≤ 1600 px).
 */
export const chatAttachments = pgTable(
  'chat_attachments',
  {
    /** Random, URL-safe; still never served without checking the reader may see the conversation. */
    id: text('id').primaryKey(),
    conversationId: bigint('conversation_id', { mode: 'number' })
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    uploaderId: text('uploader_id').notNull(),
    contentType: varchar('content_type', { length: 40 }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_attachments_conversation_idx').on(t.conversationId)],
);

/** Quick replies the staff keep for common questions (opening hours, shipping, COD, …). */
export const chatCannedReplies = pgTable(
  'chat_canned_replies',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    title: varchar('title', { length: CANNED_TITLE_MAX_LENGTH }).notNull(),
    body: text('body').notNull(),
    updatedBy: text('updated_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('chat_canned_replies_title_idx').on(sql`lower(${t.title})`),
    check('chat_canned_replies_body_length', sql`char_length(${t.body}) BETWEEN 1 AND ${sql.raw(String(CHAT_MESSAGE_MAX_LENGTH))}`),
  ],
);

/**
 * Staff who have opened the console, from their verified tokens: the list a conversation can be
 * assigned from. The store owns the accounts; this is only who the chat has seen, by name.
 */
export const chatStaffMembers = pgTable('chat_staff_members', {
  id: text('id').primaryKey(),
  name: varchar('name', { length: 120 }).notNull(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ChatConversation = typeof chatConversations.$inferSelect;
export type ChatMessage = typeof chatMessages.$inferSelect;
export type ChatAttachment = typeof chatAttachments.$inferSelect;
export type ChatCannedReply = typeof chatCannedReplies.$inferSelect;
export type ChatStaffMember = typeof chatStaffMembers.$inferSelect;
