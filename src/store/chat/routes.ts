/**
 * Store side of the chat: tokens for the widget and console, the guest pre-chat form and the
 * proxy to the chat service. HTTP only; rules live in service.ts. The staff console page and its
 * customer panel are in the admin area (admin/chat/).
 */
import type { FastifyInstance } from 'fastify';
import { CHAT_GUEST_PATH, CHAT_TOKEN_PATH } from '../../chat/contract';
import { csrfTokenFor } from '../plugins/csrf';
import { registerChatProxy } from './proxy';
import { guestChatSchema } from './schema';
import type { ChatTokenService } from './service';
import { sendError } from '../../lib/errors';

/** Token refreshes are cheap but not free (HMAC signing, session lookups): stop scripted floods. */
const TOKEN_RATE_LIMIT = { rateLimit: { max: 30, timeWindow: 60_000 } };

export async function registerChatRoutes(
  app: FastifyInstance,
  deps: { tokens: ChatTokenService; chatUrl: string; publicUrl: string; trustForwardedHost?: boolean },
) {
  // Any logged-in user; the role guard answers anonymous JSON callers with 401.
  app.get(CHAT_TOKEN_PATH, { config: { role: 'customer', ...TOKEN_RATE_LIMIT } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return deps.tokens.forUser(request.user!);
  });

  // The guest form needs a CSRF token, and anonymous pages may not have a session yet.
  app.get(CHAT_GUEST_PATH, { config: TOKEN_RATE_LIMIT }, async (request, reply) => {
    await request.server.sessions.ensure(request, reply);
    reply.header('cache-control', 'no-store');
    return { csrfToken: csrfTokenFor(request), loggedIn: Boolean(request.user) };
  });

  // CSRF-checked by the global hook: the token binds the guest id to this browser's session.
  app.post(CHAT_GUEST_PATH, { config: TOKEN_RATE_LIMIT }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (request.user) return deps.tokens.forUser(request.user);
    const parsed = guestChatSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), request.t('chat.guest.invalid')]));
      return sendError(reply, 'validation_failed', 400, request.t('chat.guest.invalid'), fields);
    }
    const session = await request.server.sessions.ensure(request, reply);
    return deps.tokens.forGuest(session.key, parsed.data);
  });

  await registerChatProxy(app, { chatUrl: deps.chatUrl, publicUrl: deps.publicUrl, trustForwardedHost: deps.trustForwardedHost });
}
