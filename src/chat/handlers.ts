/**
 * The one way a socket event gets a handler: per-connection rate limit, optional staff-only
 * check, exactly one ack, and no internal error ever reaches the client. Shared by the message
 * and presence events so both count against the same per-connection budget.
 */
import type { FastifyBaseLogger } from 'fastify';
import { isStaff } from './auth';
import { createTokenBucket } from './rate-limit';
import type { ChatSocket } from './rooms';

type Ack = (response: Record<string, unknown>) => void;
export type Failure = { ok: false; error: { code: string; message?: string } };
export const fail = (code: string, message?: string): Failure => ({ ok: false, error: { code, ...(message ? { message } : {}) } });

/** Everything but sending messages (history, typing, lists, presence): generous, only stops floods. */
export const EVENT_RATE = { perSecond: 20, burst: 40 };

export type EventHandler = (payload: unknown) => Promise<Record<string, unknown>>;
export type RegisterEvent = (event: string, opts: { staffOnly?: boolean }, handler: EventHandler) => void;

export function createEventRegistrar(socket: ChatSocket, log: FastifyBaseLogger): RegisterEvent {
  const staff = isStaff(socket.data.user);
  const eventBucket = createTokenBucket(EVENT_RATE.perSecond, EVENT_RATE.burst);
  return (event, opts, handler) => {
    socket.on(event, async (...args: unknown[]) => {
      // `emit(event, ack)` without a payload puts the ack first.
      const ack = args.at(-1);
      const payload = args.length > 1 || typeof ack !== 'function' ? args[0] : undefined;
      const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => {};
      if (!eventBucket.take()) return reply(fail('rate_limited'));
      if (opts.staffOnly && !staff) return reply(fail('forbidden'));
      try {
        reply(await handler(payload));
      } catch (error) {
        log.error({ err: error, event }, 'chat event failed');
        reply(fail('internal_error'));
      }
    });
  };
}
