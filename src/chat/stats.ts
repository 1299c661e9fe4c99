/**
 * `GET /api/stats`: the figures the store's dashboard shows (open conversations, and how many
 * wait for staff). For the store itself, not for people: only a service token signed with the
 * shared secret is accepted (`Authorization: Bearer …`); a person's chat token, a forged, expired
 * or missing one gets 401.
 */
import type { FastifyInstance } from 'fastify';
import { verifyChatServiceToken } from '../lib/chat-tokens';
import { sendError } from '../lib/errors';
import { CHAT_SERVICE_API_PREFIX, CHAT_STATS_PATH, type ChatStatsDto } from './contract';

export interface ChatStatsRoutesOptions {
  stats: () => Promise<ChatStatsDto>;
  tokenSecret: string;
}

export async function chatStatsRoutes(scope: FastifyInstance, deps: ChatStatsRoutesOptions) {
  scope.get(`${CHAT_SERVICE_API_PREFIX}${CHAT_STATS_PATH}`, async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    if (!(await verifyChatServiceToken(token, deps.tokenSecret))) {
      reply.header('www-authenticate', 'Bearer');
      return sendError(reply, 'unauthorized', 401, 'A service token is required.');
    }
    reply.header('cache-control', 'no-store');
    const stats = await deps.stats();
    return stats;
  });
}
