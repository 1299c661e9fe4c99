/**
 * Canned quick replies (C4), shared by the whole staff team and editable from the console:
 *   canned:list                      → { replies }
 *   canned:save { id?, title, body } → { reply }   (a title is unique, case-insensitively)
 *   canned:delete { id }
 * Every change is announced to the staff room as `canned:changed`, so open consoles refresh.
 */
import { z } from 'zod';
import type { ConsoleRepository } from './console-repository';
import { CANNED_TITLE_MAX_LENGTH, CHAT_MESSAGE_MAX_LENGTH, type CannedReplyDto } from './contract';
import type { ChatCannedReply } from '../db/chat-schema';
import { type RegisterEvent, fail, ok } from './handlers';
import { id, normaliseBody } from './messages';
import { STAFF_ROOM, type ChatIo, type ChatSocket } from './rooms';

const saveSchema = z.object({
  id: id.optional(),
  title: z.string().max(CANNED_TITLE_MAX_LENGTH * 2),
  body: z.string().max(CHAT_MESSAGE_MAX_LENGTH * 2),
});
const deleteSchema = z.object({ id });

const replyDto = (r: ChatCannedReply): CannedReplyDto => ({ id: r.id, title: r.title, body: r.body, updatedAt: r.updatedAt.toISOString() });

export function registerCannedReplyHandlers(io: ChatIo, socket: ChatSocket, consoleRepo: ConsoleRepository, on: RegisterEvent) {
  const user = socket.data.user;

  on('canned:list', { staffOnly: true }, async () => ok({ replies: (await consoleRepo.listCannedReplies()).map(replyDto) }));

  on('canned:save', { staffOnly: true }, async (payload) => {
    const parsed = saveSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_request');
    const title = parsed.data.title.replace(/\s+/g, ' ').trim();
    if (title.length < 1 || title.length > CANNED_TITLE_MAX_LENGTH)
      return fail('invalid_title', `title: 1 to ${CANNED_TITLE_MAX_LENGTH} characters.`);
    // The same rule as a message: a reply is inserted into the reply box and sent as typed.
    const body = normaliseBody(parsed.data.body);
    if (body === null) return fail('invalid_body', `body: 1 to ${CHAT_MESSAGE_MAX_LENGTH} characters.`);
    const saved = await consoleRepo.saveCannedReply({ id: parsed.data.id, title, body, updatedBy: user.sub });
    if (saved === 'duplicate') return fail('duplicate_title', 'title: another quick reply already has this title.');
    if (saved === 'missing') return fail('not_found');
    io.to(STAFF_ROOM).emit('canned:changed');
    return ok({ reply: replyDto(saved) });
  });

  on('canned:delete', { staffOnly: true }, async (payload) => {
    const parsed = deleteSchema.safeParse(payload);
    if (!parsed.success) return fail('invalid_request');
    if (!(await consoleRepo.deleteCannedReply(parsed.data.id))) return fail('not_found');
    io.to(STAFF_ROOM).emit('canned:changed');
    return ok({});
  });
}
