/**
 * Builds the chat service: a small Fastify app (health, readiness, JSON errors) with a Socket.IO
 * server on the same HTTP server. Listening is left to main.ts so tests can use port 0.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { Server, type Socket } from 'socket.io';
import type { Config } from '../config';
import { type ChatTokenClaims, verifyChatToken } from '../lib/chat-tokens';
import { loggerOptions, requestId } from '../lib/logger';
import type { ChatDbHandle } from './db';

/**
 * The store proxies `/chat/…` to this service, so the browser talks to its own origin; the
 * Socket.IO path carries the same prefix so the proxy can forward it unchanged.
 */
export const CHAT_SOCKET_PATH = '/chat/socket.io';

/** Chat messages are ≤ 2000 characters; 64 KB leaves room for framing and stops memory abuse. */
const MAX_SOCKET_PAYLOAD_BYTES = 64 * 1024;

/** Room every staff and admin socket joins, to receive new conversations and messages. */
export const STAFF_ROOM = 'staff';
export const userRoom = (sub: string) => `user:${sub}`;

/** What the server keeps per socket; only ever filled from a verified token. */
export interface ChatSocketData {
  user: ChatTokenClaims;
}

// Event maps stay open until the chat features define them (later issue).
type Events = Record<string, (...args: any[]) => void>;
export type ChatIo = Server<Events, Events, Events, ChatSocketData>;
export type ChatSocket = Socket<Events, Events, Events, ChatSocketData>;
export type ChatApp = FastifyInstance & { io: ChatIo };

export interface ChatAppOptions {
  config: Config;
  db: ChatDbHandle;
  /** A logger to share (e.g. a silent one in tests); `false` turns logging off. */
  logger?: FastifyBaseLogger | false;
}

export function buildChatApp({ config, db, logger }: ChatAppOptions): ChatApp {
  const app = Fastify({
    ...(logger === undefined
      ? { logger: loggerOptions('chat', config.logLevel) }
      : logger === false
        ? { logger: false }
        : { loggerInstance: logger }),
    genReqId: requestId,
    trustProxy: config.trustProxy,
  }) as unknown as FastifyInstance;

  // Echo the id so a user's bug report can be matched with the log lines.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Probed every few seconds by the launcher and load balancers: log only problems.
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ status: 'ok' }));

  // Readiness means "can do real work": the database answers.
  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    try {
      await db.ping();
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'chat database ping failed');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: 'Not found' } });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      // The details go to the log only; the client gets a generic message and no stack.
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ error: { code: 'internal_error', message: 'Internal server error' } });
    }
    const code = error.validation ? 'validation_failed' : (CLIENT_ERROR_CODES[status] ?? 'bad_request');
    // Fastify's own 4xx messages describe the request, not our internals, so they are safe to show.
    return reply.code(status).send({ error: { code, message: error.message } });
  });

  const io: ChatIo = new Server(app.server, {
    path: CHAT_SOCKET_PATH,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // No CORS headers: the browser reaches us through the store's origin only.
    cors: undefined,
    // The widget bundles socket.io-client itself; nothing to serve.
    serveClient: false,
  });

  io.use(async (socket, next) => {
    // Identity and role come only from the signed token, never from other handshake fields.
    const claims = await verifyChatToken(socket.handshake.auth?.token, config.chatTokenSecret);
    if (!claims) return next(new Error('unauthorized'));
    socket.data.user = claims;
    await socket.join(roomsFor(claims));
    next();
  });

  app.decorate('io', io);

  // preClose, not onClose: Fastify's onClose closes the HTTP server first, which waits for every
  // connection, and open websockets would keep it waiting forever. io.close() also closes the
  // HTTP server; Fastify ignores the resulting ERR_SERVER_NOT_RUNNING.
  app.addHook('preClose', async () => {
    await io.close();
  });

  return app as ChatApp;
}

/** A staff member is also addressable as a user (several tabs, personal notices). */
export function roomsFor(claims: ChatTokenClaims): string[] {
  const rooms = [userRoom(claims.sub)];
  if (claims.role === 'staff' || claims.role === 'admin') rooms.push(STAFF_ROOM);
  return rooms;
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};
