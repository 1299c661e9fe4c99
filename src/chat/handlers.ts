/**
 * The one way a socket event gets a handler: per-connection rate limit, optional staff-only
 * check, exactly one ack, and no internal error ever reaches the client. Shared by the message
 * and presence events so both count against the same per-connection budget.
 */
import type { FastifyBaseLogger } from 'fastify';
import { isStaff } from './auth';
import { type AckFailure, type AnswerTo, type ClientToServerEvents, EVENT_RATE } from './contract';
import { createTokenBucket } from './rate-limit';
import type { ChatSocket } from './rooms';

export type Failure = AckFailure;
export const fail = (code: string, message?: string): Failure => ({ ok: false, error: { code, ...(message ? { message } : {}) } });
/** A successful answer; written as a helper so `ok: true` keeps its literal type in generic handlers. */
export const ok = <T extends object>(result: T): { ok: true } & T => ({ ok: true, ...result });

type ChatEvent = keyof ClientToServerEvents;
/** The payload is `unknown` on purpose: it comes off the network, and every handler parses it. */
export type EventHandler<E extends ChatEvent> = (payload: unknown) => Promise<AnswerTo<E>>;
export type RegisterEvent = <E extends ChatEvent>(event: E, opts: { staffOnly?: boolean }, handler: EventHandler<E>) => void;

export function createEventRegistrar(socket: ChatSocket, log: FastifyBaseLogger): RegisterEvent {
  const staff = isStaff(socket.data.user);
  const eventBucket = createTokenBucket(EVENT_RATE.perSecond, EVENT_RATE.burst);
  return <E extends ChatEvent>(event: E, opts: { staffOnly?: boolean }, handler: EventHandler<E>) => {
    // A client may send anything (or nothing) in any order, so the arguments are read as
    // unknown here rather than trusted to match the contract's listener signature.
    const listener = async (...args: unknown[]) => {
      // `emit(event, ack)` without a payload puts the ack first.
      const ack = args.at(-1);
      const payload = args.length > 1 || typeof ack !== 'function' ? args[0] : undefined;
      const reply = typeof ack === 'function' ? (ack as (answer: AnswerTo<E> | Failure) => void) : () => {};
      if (!eventBucket.take()) return reply(fail('rate_limited'));
      if (opts.staffOnly && !staff) return reply(fail('forbidden'));
      try {
        reply(await handler(payload));
      } catch (error) {
        log.error({ err: error, event }, 'chat event failed');
        reply(fail('internal_error'));
      }
    };
    // A listener that takes unknown arguments fits every event of the map.
    const name: ChatEvent = event;
    socket.on(name, listener);
  };
}
