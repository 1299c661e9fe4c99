/**
 * Room names and socket types. A customer's sockets (all tabs) share `user:<sub>`; staff sockets
 * also join `staff`. Messages go to those rooms, so no socket ever joins another customer's room.
 */
import type { Server, Socket } from 'socket.io';
import type { ChatTokenClaims } from '../lib/chat-tokens';
import { isStaff } from './auth';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents } from './contract';

/** Room every staff and admin socket joins, to receive new conversations and messages. */
export const STAFF_ROOM = 'staff';
export const userRoom = (sub: string) => `user:${sub}`;

/** What the server keeps per socket; only ever filled from a verified token. */
export interface ChatSocketData {
  user: ChatTokenClaims;
}

// The event maps constrain what we emit and what each handler answers; incoming payloads are
// still validated with zod by every handler, since a client need not honour the contract.
export type ChatIo = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ChatSocketData>;
export type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ChatSocketData>;

/** A staff member is also addressable as a user (several tabs, personal notices). */
export function roomsFor(claims: ChatTokenClaims): string[] {
  const rooms = [userRoom(claims.sub)];
  if (isStaff(claims)) rooms.push(STAFF_ROOM);
  return rooms;
}
