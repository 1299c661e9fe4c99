/**
 * Socket events of one connection. Every handler takes the caller's identity and role from
 * `socket.data.user` (filled from the verified token), never from the payload, and a customer's
 * conversation is always looked up by their own token subject.
 */
import { z } from 'zod';
import type { ChatTokenClaims } from '../lib/chat-tokens';
import type { AttachmentRepository } from './attachments';
import { isStaff } from './auth';
import {
  type AttachmentRef,
  CHAT_MESSAGE_MAX_LENGTH,
  type ConversationDto,
  HISTORY_MAX_LIMIT,
  HISTORY_PAGE,
  IMAGE_ONLY_BODY,
  MESSAGE_RATE,
  type MessageDto,
  PRODUCT_SLUG_MAX_LENGTH,
  type ProductCard,
} from './contract';
import type { ChatConversation, ChatMessage } from '../db/chat-schema';
import { type RegisterEvent, fail, ok } from './handlers';
import { createTokenBucket } from './rate-limit';
import type { ProductLookup } from './products';
import type { ChatRepository } from './repository';
import { STAFF_ROOM, type ChatIo, type ChatSocket, userRoom } from './rooms';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const sendSchema = z.object({
  body: z.string().max(CHAT_MESSAGE_MAX_LENGTH * 2),
  conversationId: id.optional(),
  /** A product to attach as a card: only its slug; the card itself comes from the store. */
  product: z.string().max(PRODUCT_SLUG_MAX_LENGTH).optional(),
  /** An image uploaded first (POST /api/attachments): only its id. */
  attachment: z.string().max(64).optional(),
});
const historySchema = z.object({
  conversationId: id.optional(),
  before: id.optional(),
  after: id.optional(),
  limit: z.number().int().min(1).max(HISTORY_MAX_LIMIT).optional(),
});
export const conversationSchema = z.object({ conversationId: id });

const toDto = (m: ChatMessage, attachment: AttachmentRef | null = null): MessageDto => ({
  id: m.id,
  conversationId: m.conversationId,
  senderRole: m.senderRole,
  body: m.body,
  product: m.product ?? null,
  attachment,
  createdAt: m.createdAt.toISOString(),
});

/** What both sides learn about a conversation: read markers drive the receipts (C4). */
export const conversationDto = (c: ChatConversation): ConversationDto => ({
  id: c.id,
  customerId: c.customerId,
  customerName: c.customerName,
  status: c.status,
  assignedStaffName: c.assignedStaffName,
  staffLastReadId: c.staffLastReadId,
  customerLastReadId: c.customerLastReadId,
});

/**
 * Messages are plain text: stored and delivered exactly as typed (HTML included, as text; every
 * renderer uses textContent). Only control characters that break rendering are dropped.
 */
export function normaliseBody(raw: string): string | null {
  // eslint-disable-next-line no-control-regex
  const body = raw.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  return body.length >= 1 && body.length <= CHAT_MESSAGE_MAX_LENGTH ? body : null;
}

/** `on` comes from createEventRegistrar (rate limit, staff-only check, one ack, no error leaks). */
export function registerMessageHandlers(
  io: ChatIo,
  socket: ChatSocket,
  deps: {
    repo: ChatRepository;
    products: ProductLookup;
    attachments: AttachmentRepository;
    /** Told of each stored message (the metrics count them). */
    onStored?: (senderRole: string) => void;
  },
  on: RegisterEvent,
) {
  const { repo, products, attachments } = deps;
  const user: ChatTokenClaims = socket.data.user;
  const staff = isStaff(user);
  const messageBucket = createTokenBucket(MESSAGE_RATE.perSecond, MESSAGE_RATE.burst);

  /** A customer may touch only conversations whose customer is their own token subject. */
  async function accessible(conversationId: number): Promise<ChatConversation | null> {
    const conversation = await repo.findConversation(conversationId);
    if (!conversation) return null;
    return staff || conversation.customerId === user.sub ? conversation : null;
  }

  on('message:send', {}, async (payload) => {
    if (!messageBucket.take()) return fail('rate_limited', 'Too many messages, slow down.');
    const parsed = sendSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_message', `1 to ${CHAT_MESSAGE_MAX_LENGTH} characters.`);
    let product: ProductCard | null = null;
    if (parsed.data.product !== undefined) {
      try {
        product = await products(parsed.data.product);
      } catch {
        return fail('product_unavailable', 'The catalog cannot be reached right now.');
      }
      if (!product) return fail('product_not_found');
    }
    // A card alone is fine: its name becomes the message text (for history and search).
    // An image alone too: a placeholder text (the widget shows the image instead).
    const alone = parsed.data.body.trim() === '';
    const body =
      normaliseBody(parsed.data.body) ?? (alone && product ? product.name : alone && parsed.data.attachment ? IMAGE_ONLY_BODY : null);
    if (body === null) return fail('invalid_message', `1 to ${CHAT_MESSAGE_MAX_LENGTH} characters.`);

    let conversation: ChatConversation;
    if (staff) {
      if (!parsed.data.conversationId) return fail('invalid_message', 'conversationId is required.');
      const found = await repo.findConversation(parsed.data.conversationId);
      if (!found) return fail('not_found');
      if (found.status !== 'open') return fail('conversation_archived');
      conversation = found;
    } else {
      // A customer's conversation comes from the token; naming anyone else's is refused.
      if (parsed.data.conversationId) {
        const own = await accessible(parsed.data.conversationId);
        if (!own) return fail('forbidden');
      }
      conversation = await repo.openForCustomer(user.sub, user.name);
    }

    // Persist first: the ack (and the fan-out) happen only after the row is committed.
    const input = { conversationId: conversation.id, senderId: user.sub, senderRole: user.role, body, product };
    let message: MessageDto;
    if (parsed.data.attachment !== undefined) {
      // Only an image uploaded into this very conversation, and only once.
      const sent = await attachments.appendWithAttachment({ ...input, attachmentId: parsed.data.attachment });
      if (!sent.ok) return fail(sent.code);
      message = toDto(sent.message, sent.attachment);
    } else {
      message = toDto(await repo.appendMessage(input));
    }
    deps.onStored?.(user.role);
    socket
      .to([userRoom(conversation.customerId), STAFF_ROOM])
      .emit('message:new', { message, conversation: conversationDto(conversation) });
    return ok({ message });
  });

  async function withAttachments(rows: ChatMessage[]): Promise<MessageDto[]> {
    const refs = await attachments.refsFor(rows);
    return rows.map((m) => toDto(m, (m.attachmentId && refs.get(m.attachmentId)) || null));
  }

  on('history', {}, async (payload) => {
    const parsed = historySchema.safeParse(payload ?? {});
    if (!parsed.success) return fail('invalid_request');
    const { conversationId, before, after } = parsed.data;
    let conversation: ChatConversation | undefined | null;
    if (conversationId) {
      conversation = await accessible(conversationId);
      if (!conversation) return fail(staff ? 'not_found' : 'forbidden');
    } else if (staff) {
      return fail('invalid_request', 'conversationId is required.');
    } else {
      conversation = await repo.findCurrentForCustomer(user.sub);
    }
    if (!conversation) return ok({ conversation: null, messages: [], hasMore: false });
    const limit = parsed.data.limit ?? HISTORY_PAGE;
    // One extra row tells the widget whether an older page exists.
    const rows = await repo.history(conversation.id, { before, after, limit: limit + 1 });
    const hasMore = rows.length > limit;
    const page = hasMore ? (after ? rows.slice(0, limit) : rows.slice(1)) : rows;
    return ok({ conversation: conversationDto(conversation), messages: await withAttachments(page), hasMore });
  });

  on('typing', {}, async (payload) => {
    if (staff) {
      const parsed = conversationSchema.safeParse(payload);
      if (!parsed.success) return fail('invalid_request');
      const conversation = await repo.findConversation(parsed.data.conversationId);
      if (!conversation) return fail('not_found');
      socket.to(userRoom(conversation.customerId)).emit('typing', { conversationId: conversation.id, from: 'staff' });
    } else {
      const conversation = await repo.findCurrentForCustomer(user.sub);
      if (conversation?.status !== 'open') return ok({});
      socket.to(STAFF_ROOM).emit('typing', { conversationId: conversation.id, from: 'customer' });
    }
    return ok({});
  });
}
