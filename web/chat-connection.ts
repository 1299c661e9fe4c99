/**
 * The chat socket, typed with the chat contract: it connects through the store's origin and
 * asks the chat service questions that are answered with an acknowledgement.
 */
import { io, type Socket } from 'socket.io-client';
import {
  type AckFailure,
  type AnswerTo,
  CHAT_SOCKET_PATH,
  CHAT_TOKEN_PATH,
  type ChatRequest,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../src/chat/contract';
import { getJson } from './chat-dom';

export type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long an answer may take before the browser says so (the chat service answers in ms). */
const ANSWER_TIMEOUT_MS = 8_000;

/** A chat token for the logged-in user (staff included), fresh from the store. */
export async function userChatToken(): Promise<string> {
  return (await getJson<{ token: string }>(CHAT_TOKEN_PATH)).token;
}

/**
 * Connects through the store's proxy. `auth` is a function so every reconnect asks the store for
 * a fresh token (they live 15 minutes). WebSocket only: no sticky sessions needed behind a balancer.
 */
export function connectChat(getToken: () => Promise<string>): ChatSocket {
  return io({
    path: CHAT_SOCKET_PATH,
    transports: ['websocket'],
    auth: (cb) => {
      getToken().then(
        (token) => cb({ token }),
        () => cb({}),
      );
    },
  });
}

/**
 * The request's payload, if the event has one: everything before the acknowledgement. Spelled
 * exactly as socket.io-client spells emitWithAck's parameters on a socket with a timeout (whose
 * acknowledgements also take the timeout error), so the compiler can match the two.
 */
type TimedEvents = ReturnType<ChatSocket['timeout']> extends Socket<ServerToClientEvents, infer Emit> ? Emit : never;
type RequestArgs<E extends ChatRequest> = Parameters<TimedEvents[E]> extends [...infer Payload, infer _Ack] ? Payload : never;

/** Sends a request and resolves with the chat service's answer, or `timeout` when none comes. */
export async function ask<E extends ChatRequest>(socket: ChatSocket, event: E, ...args: RequestArgs<E>): Promise<AnswerTo<E> | AckFailure> {
  try {
    return await socket.timeout(ANSWER_TIMEOUT_MS).emitWithAck(event, ...args);
  } catch {
    return { ok: false, error: { code: 'timeout' } };
  }
}
