/**
 * C5 presence on the wire. Transitions from presence.ts become broadcasts (through the Redis
 * adapter they reach every instance, so the instance that saw a transition announces it once):
 *   presence:customer { customerId, online }  → staff room
 *   presence:support  { online }              → everyone
 * and two requests with acks: `presence:support:get` (anyone) and `presence:customers:get`
 * (staff only: customers must not learn who else is shopping).
 */
import type { FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { type RegisterEvent, fail, ok } from './handlers';
import type { Presence, PresenceEvent } from './presence';
import { type ChatIo, type ChatSocket, STAFF_ROOM } from './rooms';

/** Both requests take no parameters: nothing, null or an empty object. */
const noParams = z.object({}).nullish();

export function announce(io: ChatIo, events: PresenceEvent[]): void {
  for (const event of events) {
    if (event.type === 'customer') io.to(STAFF_ROOM).emit('presence:customer', { customerId: event.customerId, online: event.online });
    else io.emit('presence:support', { online: event.online });
  }
}

/** Counts the socket in, announces what changed, and counts it out again on disconnect. */
export function trackPresence(io: ChatIo, socket: ChatSocket, presence: Presence, log: FastifyBaseLogger): void {
  const user = socket.data.user;
  // A presence failure (Redis down) must never cost the user their chat; it only logs.
  const report = (error: unknown) => log.warn({ err: error }, 'chat presence update failed');
  presence.connect(user, socket.id).then((events) => announce(io, events), report);
  socket.once('disconnect', () => {
    presence.disconnect(user, socket.id).then((events) => announce(io, events), report);
  });
}

export function registerPresenceHandlers(presence: Presence, on: RegisterEvent): void {
  on('presence:support:get', {}, async (payload) => {
    if (!noParams.safeParse(payload).success) return fail('invalid_request');
    return ok({ online: await presence.staffOnline() });
  });

  on('presence:customers:get', { staffOnly: true }, async (payload) => {
    if (!noParams.safeParse(payload).success) return fail('invalid_request');
    return ok({ online: await presence.onlineCustomers() });
  });
}
