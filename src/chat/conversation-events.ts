/**
 * Events about whole conversations rather than single messages (C4):
 *   conversation:list   { status?, filter?, search? }   staff: the console list, filtered/searched
 *   conversation:read   { conversationId }              staff: marks it read → `receipt` to the customer
 *   conversation:seen   { upTo }                        customer: the widget showed messages up to id → `receipt` to staff
 *   conversation:assign { conversationId, staffId|null } staff: assign to a colleague (or self), or release
 *   conversation:archive / conversation:reopen          staff
 *   staff:list                                          staff: who a conversation can be assigned to
 *
 * Broadcasts: `receipt` { conversationId, reader, lastReadId }, `conversation:read` (other staff
 * tabs drop the badge), `conversation:updated` { id, status?, assignedStaffId?, assignedStaffName? }.
 */
import { z } from 'zod';
import { isStaff } from './auth';
import { type ConsoleRepository, type ConversationSummary, wibDayStart } from './console-repository';
import {
  CONVERSATION_FILTERS,
  CONVERSATION_LIST_LIMIT,
  CONVERSATION_SEARCH_MAX_LENGTH,
  CONVERSATION_STATUSES,
  type ConversationSummaryDto,
} from './contract';
import { type RegisterEvent, fail, ok } from './handlers';
import { conversationDto, conversationSchema, id } from './messages';
import type { ChatRepository } from './repository';
import { STAFF_ROOM, type ChatIo, type ChatSocket, userRoom } from './rooms';

const listSchema = z
  .object({
    status: z.enum(CONVERSATION_STATUSES).optional(),
    filter: z.enum(CONVERSATION_FILTERS).optional(),
    search: z.string().max(CONVERSATION_SEARCH_MAX_LENGTH).optional(),
  })
  .nullish();
const seenSchema = z.object({ upTo: id });
const assignSchema = z.object({ conversationId: id, staffId: z.string().min(1).max(200).nullable() });

const summaryDto = (c: ConversationSummary): ConversationSummaryDto => ({ ...c, lastMessageAt: c.lastMessageAt.toISOString() });

export function registerConversationHandlers(
  io: ChatIo,
  socket: ChatSocket,
  deps: { repo: ChatRepository; console: ConsoleRepository },
  on: RegisterEvent,
) {
  const { repo, console: consoleRepo } = deps;
  const user = socket.data.user;

  // The console's staff directory learns every staff member who connects, with their current name.
  if (isStaff(user)) void consoleRepo.rememberStaff({ id: user.sub, name: user.name }).catch(() => {});

  on('conversation:list', { staffOnly: true }, async (payload) => {
    const parsed = listSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_request', parsed.error.issues[0]?.path.join('.') || undefined);
    const search = parsed.data?.search?.trim();
    const conversations = await consoleRepo.listConversations({
      status: parsed.data?.status ?? 'open',
      filter: parsed.data?.filter ?? 'all',
      search: search || undefined,
      staffId: user.sub,
      todayStartsAt: wibDayStart(new Date()),
      limit: CONVERSATION_LIST_LIMIT,
    });
    return ok({ conversations: conversations.map(summaryDto) });
  });

  on('conversation:read', { staffOnly: true }, async (payload) => {
    const parsed = conversationSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_request');
    const conversation = await repo.findConversation(parsed.data.conversationId);
    if (!conversation) return fail('not_found');
    const lastReadId = await consoleRepo.markReadByStaff(conversation.id);
    if (lastReadId === null) return fail('not_found');
    // Other staff tabs drop the unread badge; the customer's widget shows "read".
    socket.to(STAFF_ROOM).emit('conversation:read', { conversationId: conversation.id });
    io.to(userRoom(conversation.customerId)).emit('receipt', { conversationId: conversation.id, reader: 'staff', lastReadId });
    return ok({ lastReadId });
  });

  on('conversation:seen', {}, async (payload) => {
    if (isStaff(user)) return fail('forbidden', 'Staff use conversation:read.');
    const parsed = seenSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_request');
    // Always the customer's own conversation: the token decides, never the payload.
    const conversation = await repo.findCurrentForCustomer(user.sub);
    if (!conversation) return ok({ lastReadId: 0 });
    const lastReadId = await consoleRepo.markSeenByCustomer(conversation.id, parsed.data.upTo);
    if (lastReadId !== null && lastReadId > conversation.customerLastReadId) {
      io.to(STAFF_ROOM).emit('receipt', { conversationId: conversation.id, reader: 'customer', lastReadId });
    }
    return ok({ lastReadId: lastReadId ?? 0 });
  });

  on('conversation:assign', { staffOnly: true }, async (payload) => {
    const parsed = assignSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_request');
    let staffMember: { id: string; name: string } | null = null;
    if (parsed.data.staffId !== null) {
      // Only someone the chat knows as staff (they opened the console with a staff token).
      const found = parsed.data.staffId === user.sub ? { id: user.sub, name: user.name } : await consoleRepo.findStaff(parsed.data.staffId);
      if (!found) return fail('unknown_staff', 'staffId');
      staffMember = { id: found.id, name: found.name };
    }
    const updated = await consoleRepo.assign(parsed.data.conversationId, staffMember);
    if (!updated) return fail('not_found');
    const change = { id: updated.id, assignedStaffId: updated.assignedStaffId, assignedStaffName: updated.assignedStaffName };
    socket.to(STAFF_ROOM).emit('conversation:updated', change);
    io.to(userRoom(updated.customerId)).emit('conversation:updated', { id: updated.id, assignedStaffName: updated.assignedStaffName });
    return ok({ conversation: { ...conversationDto(updated), assignedStaffId: updated.assignedStaffId } });
  });

  on('staff:list', { staffOnly: true }, async () => {
    const staff = await consoleRepo.listStaff();
    // `me` lets the console label its own entry without reading its token.
    return ok({ staff: staff.map((s) => ({ id: s.id, name: s.name })), me: { id: user.sub, name: user.name } });
  });

  for (const [event, status] of [
    ['conversation:archive', 'archived'],
    ['conversation:reopen', 'open'],
  ] as const) {
    on(event, { staffOnly: true }, async (payload) => {
      const parsed = conversationSchema.safeParse(payload);
      if (!parsed.success) return fail('invalid_request');
      const conversation = await repo.findConversation(parsed.data.conversationId);
      if (!conversation) return fail('not_found');
      // The partial unique index refuses a second open conversation for the same customer.
      if (!(await repo.setStatus(conversation.id, status))) return fail('conflict', 'The customer already has an open conversation.');
      io.to([userRoom(conversation.customerId), STAFF_ROOM]).emit('conversation:updated', { id: conversation.id, status });
      return ok({ conversation: { ...conversationDto(conversation), status } });
    });
  }
}
