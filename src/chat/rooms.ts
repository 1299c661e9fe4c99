/**
 * Room names and socket types. A customer's sockets (all tabs) share `user:<sub>`; staff sockets
 * also join `staff`. Messages go to those rooms, so no socket ever joins another customer's room.
 */
import type { Server, Socket } from 'socket.io';
import type { ChatTokenClaims } from '../lib/chat-tokens';
import { isStaff } from './auth';

/**
 * The store proxies `/chat/…` to this service, so the browser talks to its own origin; the
 * Socket.IO path carries the same prefix so the proxy can forward it unchanged.
 */
export const CHAT_SOCKET_PATH = '/chat/socket.io';

/** Room every staff and admin socket joins, to receive new conversations and messages. */
export const STAFF_ROOM = 'staff';
export const userRoom = (sub: string) => `user:${sub}`;

/** What the server keeps per socket; only ever filled from a verified token. */
export interface ChatSocketData {
  user: ChatTokenClaims;
}

// Payloads are validated with zod in messages.ts, so the event maps stay open here.
type Events = Record<string, (...args: any[]) => void>;
export type ChatIo = Server<Events, Events, Events, ChatSocketData>;
export type ChatSocket = Socket<Events, Events, Events, ChatSocketData>;

/** A staff member is also addressable as a user (several tabs, personal notices). */
export function roomsFor(claims: ChatTokenClaims): string[] {
  const rooms = [userRoom(claims.sub)];
  if (isStaff(claims)) rooms.push(STAFF_ROOM);
  return rooms;
}
