/**
 * Queries for image attachments: storing an upload, reading it back for an access check, and
 * sending it with a message (at most once, into its own conversation).
 */
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ChatDb } from '../db/chat-db';
import { type ChatMessage, chatAttachments, chatConversations, chatMessages } from '../db/chat-schema';
import type { AttachmentRef } from './contract';
import type { SenderRole } from './repository';

export type { AttachmentRef } from './contract';

/** 16 random bytes, base64url: 22 characters. Anything else is never looked up. */
export const ATTACHMENT_ID = /^[A-Za-z0-9_-]{22}$/;
const newAttachmentId = () => randomBytes(16).toString('base64url');

export type SendWithAttachment =
  | { ok: true; message: ChatMessage; attachment: AttachmentRef }
  | { ok: false; code: 'attachment_not_found' | 'attachment_used' };

export function createAttachmentRepository(db: ChatDb) {
  return {
    async insert(input: {
      conversationId: number;
      uploaderId: string;
      contentType: string;
      width: number;
      height: number;
      data: Buffer;
    }): Promise<AttachmentRef> {
      const [row] = await db
        .insert(chatAttachments)
        .values({ ...input, id: newAttachmentId(), byteSize: input.data.length })
        .returning({ id: chatAttachments.id, width: chatAttachments.width, height: chatAttachments.height });
      if (!row) throw new Error('attachment insert returned no row');
      return row;
    },

    /** The image with the conversation's customer, for the reader's access check. */
    async findWithOwner(id: string) {
      if (!ATTACHMENT_ID.test(id)) return undefined;
      const [row] = await db
        .select({
          contentType: chatAttachments.contentType,
          data: chatAttachments.data,
          customerId: chatConversations.customerId,
        })
        .from(chatAttachments)
        .innerJoin(chatConversations, eq(chatConversations.id, chatAttachments.conversationId))
        .where(eq(chatAttachments.id, id))
        .limit(1);
      return row;
    },

    /** Uploads of this person not sent with any message yet (the widget uploads on pick). */
    async countUnsent(uploaderId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(chatAttachments)
        .where(and(eq(chatAttachments.uploaderId, uploaderId), unsent()));
      return Number(row?.n ?? 0);
    },

    /** Forgets this person's uploads that were never sent and are older than `olderThanMs`. */
    async dropUnsent(uploaderId: string, olderThanMs: number): Promise<void> {
      await db
        .delete(chatAttachments)
        .where(
          and(eq(chatAttachments.uploaderId, uploaderId), lt(chatAttachments.createdAt, new Date(Date.now() - olderThanMs)), unsent()),
        );
    },

    /** Width and height of the images of these messages (history pages). */
    async refsFor(messages: Pick<ChatMessage, 'attachmentId'>[]): Promise<Map<string, AttachmentRef>> {
      const ids = [...new Set(messages.map((m) => m.attachmentId).filter((id): id is string => Boolean(id)))];
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: chatAttachments.id, width: chatAttachments.width, height: chatAttachments.height })
        .from(chatAttachments)
        .where(inArray(chatAttachments.id, ids));
      return new Map(rows.map((r) => [r.id, r]));
    },

    /**
     * Sends a message with an image: the image must have been uploaded into this conversation and
     * not be on another message. The row lock makes two sends of one image queue up, and the
     * second one, reading after the first committed, finds the image taken. The partial unique
     * index on chat_messages.attachment_id backs this up and makes the lookups below cheap.
     */
    async appendWithAttachment(input: {
      conversationId: number;
      senderId: string;
      senderRole: SenderRole;
      body: string;
      product?: ChatMessage['product'];
      attachmentId: string;
    }): Promise<SendWithAttachment> {
      if (!ATTACHMENT_ID.test(input.attachmentId)) return { ok: false, code: 'attachment_not_found' };
      return db.transaction(async (tx) => {
        const [attachment] = await tx
          .select({ id: chatAttachments.id, width: chatAttachments.width, height: chatAttachments.height })
          .from(chatAttachments)
          .where(and(eq(chatAttachments.id, input.attachmentId), eq(chatAttachments.conversationId, input.conversationId)))
          .for('update');
        if (!attachment) return { ok: false, code: 'attachment_not_found' } as const;
        const [used] = await tx
          .select({ id: chatMessages.id })
          .from(chatMessages)
          .where(eq(chatMessages.attachmentId, attachment.id))
          .limit(1);
        if (used) return { ok: false, code: 'attachment_used' } as const;
        const [message] = await tx.insert(chatMessages).values(input).returning();
        if (!message) throw new Error('message insert returned no row');
        await tx.update(chatConversations).set({ lastMessageAt: sql`now()` }).where(eq(chatConversations.id, input.conversationId));
        return { ok: true, message, attachment } as const;
      });
    },
  };
}

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;

/** Spelled out: Drizzle writes bare column names in one-table queries, which would resolve against m. */
function unsent() {
  return sql`NOT EXISTS (SELECT 1 FROM chat_messages m WHERE m.attachment_id = chat_attachments.id)`;
}
