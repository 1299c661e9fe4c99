/**
 * The store asking the chat service for its figures (`GET /api/stats`) with a short-lived service
 * token. The dashboard must never wait on a slow or dead chat service: the answer comes within
 * `timeoutMs` (1.5 s), and anything but a well-formed 200 is `null` ("chat offline").
 */
import { z } from 'zod';
import { CHAT_SERVICE_API_PREFIX, CHAT_STATS_PATH, type ChatStatsDto } from '../../chat/contract';
import { signChatServiceToken } from '../../lib/chat-tokens';

export const CHAT_STATS_TIMEOUT_MS = 1500;

const answerSchema = z.object({ waiting: z.number().int().nonnegative(), open: z.number().int().nonnegative() });

export interface ChatStatsClientDeps {
  /** The chat service's base URL (config.chat.url). */
  chatUrl: string;
  secret: string;
  timeoutMs?: number;
  /** Tests pass a failing or hanging fetch. */
  fetch?: typeof fetch;
  onError?: (error: unknown) => void;
}

export type ChatStatsReader = () => Promise<ChatStatsDto | null>;

export function createChatStatsClient(deps: ChatStatsClientDeps): ChatStatsReader {
  const doFetch = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? CHAT_STATS_TIMEOUT_MS;
  return async () => {
    try {
      const token = await signChatServiceToken(deps.secret);
      const response = await doFetch(`${deps.chatUrl}${CHAT_SERVICE_API_PREFIX}${CHAT_STATS_PATH}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        deps.onError?.(new Error(`chat stats answered ${response.status}`));
        return null;
      }
      const parsed = answerSchema.safeParse(await response.json());
      return parsed.success ? parsed.data : null;
    } catch (error) {
      deps.onError?.(error);
      return null;
    }
  };
}
