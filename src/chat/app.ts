/**
 * Builds the chat service: a small Fastify app (health, readiness, JSON errors) with a Socket.IO
 * server on the same HTTP server. Listening is left to main.ts so tests can use port 0.
 */
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { Server } from 'socket.io';
import type { Config } from '../config';
import { type ErrorResponseOptions, errorResponse, sendError } from '../lib/errors';
import { loggerOptions, requestId } from '../lib/logger';
import { lazyChildLoggerFactory } from '../lib/lazy-child-logger';
import { closeConnectionsAfterAnswer } from '../lib/shutdown';
import { originAllowed } from '../lib/origin';
import { registerMetricsEndpoint } from '../lib/metrics-endpoint';
import { type ReadinessCheck, registerProbes } from '../lib/readiness';
import { claimsFromHandshake, tokenExpiresAt } from './auth';
import { createRedis } from '../lib/redis';
import type { ChatDbHandle } from '../db/chat-db';
import { attachRedisAdapter } from './fanout';
import { createChatMetrics } from './metrics';
import { createEventRegistrar } from './handlers';
import { registerCannedReplyHandlers } from './canned-replies';
import { createConsoleRepository } from './console-repository';
import { registerConversationHandlers } from './conversation-events';
import { registerMessageHandlers } from './messages';
import { type Presence, createMemoryPresence, createRedisPresence } from './presence';
import { announce, registerPresenceHandlers, trackPresence } from './presence-events';
import { type ProductLookup, storeProductLookup } from './products';
import { createChatRepository } from './repository';
import { attachmentRoutes, createAttachmentRepository } from './attachments';
import { chatStatsRoutes } from './stats';
import {
  CHAT_SOCKET_PATH,
  type ClientToServerEvents,
  type InterServerEvents,
  MAX_SOCKET_PAYLOAD_BYTES,
  type ServerToClientEvents,
} from './contract';
import { type ChatIo, type ChatSocketData, roomsFor } from './rooms';

export { STAFF_ROOM, userRoom, roomsFor, type ChatIo, type ChatSocket, type ChatSocketData } from './rooms';

export type ChatApp = FastifyInstance & { io: ChatIo };

export interface ChatAppOptions {
  config: Config;
  db: ChatDbHandle;
  /** A logger to share (e.g. a silent one in tests); `false` turns logging off. */
  logger?: FastifyBaseLogger | false;
  /** Redis for cross-instance fan-out; defaults to config.redisUrl. Tests pass their own. */
  redisUrl?: string;
  /** Redis channel and key prefix, so parallel test apps on one Redis do not hear each other. */
  redisKey?: string;
  /** Presence timing with Redis (tests shorten it to see a crashed instance expire). */
  presenceTiming?: { ttlMs: number; heartbeatMs: number };
  /** Where product cards come from; defaults to the store's catalog API at config.store.publicUrl. */
  productLookup?: ProductLookup;
}

const DEFAULT_REDIS_KEY = 'hurtrock-chat';

export function buildChatApp({
  config,
  db,
  logger,
  redisUrl = config.redisUrl,
  redisKey = DEFAULT_REDIS_KEY,
  presenceTiming,
  productLookup,
}: ChatAppOptions): ChatApp {
  const app = Fastify({
    ...(logger === undefined
      ? { logger: loggerOptions('chat', config.logLevel) }
      : logger === false
        ? { logger: false }
        : { loggerInstance: logger }),
    genReqId: requestId,
    childLoggerFactory: lazyChildLoggerFactory,
    trustProxy: config.trustProxy,
    // Keep-alive connections idle at shutdown are closed at once, the others after their answer.
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance;
  closeConnectionsAfterAnswer(app);

  // Echo the id so a user's bug report can be matched with the log lines.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  app.setNotFoundHandler((_request, reply) => {
    sendError(reply, 'not_found', 404, 'Not found');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { status, body } = errorResponse(error, ERROR_RESPONSE);
    // The details go to the log only; the client gets a generic message and no stack.
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });

  const io: ChatIo = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, ChatSocketData>(app.server, {
    path: CHAT_SOCKET_PATH,
    maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
    // No CORS headers: the browser reaches us through the store's origin only.
    cors: undefined,
    // The widget bundles socket.io-client itself; nothing to serve.
    serveClient: false,
    // Another site's page must not open a socket with a token it obtained (cross-site WebSocket).
    allowRequest: (request, callback) =>
      callback(null, originAllowed(request, config.store.publicUrl, { trustForwardedHost: config.trustProxy !== false })),
  });

  io.use(async (socket, next) => {
    // Identity and role come only from the signed token, never from other handshake fields.
    const claims = await claimsFromHandshake(socket.handshake.auth, config.chatTokenSecret);
    if (!claims) return next(new Error('unauthorized'));
    socket.data.user = claims;
    await socket.join(roomsFor(claims));
    next();
  });

  // With Redis, presence shares the adapter's publishing connection (connected in onReady,
  // before the server accepts sockets).
  const pub = redisUrl ? createRedis(redisUrl) : undefined;

  // Liveness, and readiness = "can do real work": the database answers, and Redis when configured
  // (without it messages would not reach the other instances).
  const readiness: ReadinessCheck[] = [{ name: 'database', check: () => db.ping() }];
  if (pub) readiness.push({ name: 'redis', check: async () => void (await pub.ping()) });
  registerProbes(app, readiness);
  // Prometheus metrics only when a token is configured.
  const metrics = config.metricsToken ? createChatMetrics({ connections: () => io.of('/').sockets.size }) : undefined;
  if (metrics) registerMetricsEndpoint(app, { registry: metrics.registry, token: config.metricsToken! });
  const presence: Presence = pub
    ? createRedisPresence({
        redis: pub,
        key: redisKey,
        ...presenceTiming,
        onChange: (events) => announce(io, events),
        onError: (error) => app.log.warn({ err: error }, 'chat presence heartbeat failed'),
      })
    : createMemoryPresence();

  const repo = createChatRepository(db.db);
  const attachments = createAttachmentRepository(db.db);
  app.register(attachmentRoutes, { repo, attachments, tokenSecret: config.chatTokenSecret });
  const consoleRepo = createConsoleRepository(db.db);
  app.register(chatStatsRoutes, { stats: () => consoleRepo.stats(), tokenSecret: config.chatTokenSecret });
  const products = productLookup ?? storeProductLookup(config.store.publicUrl);
  io.on('connection', (socket) => {
    // The handshake's X-Request-Id (set by the store's proxy) names every log line of this socket,
    // so a socket's events join up with the store request that opened it.
    const log = app.log.child({ reqId: requestId(socket.request), socketId: socket.id });
    log.info({ role: socket.data.user.role }, 'chat socket connected');
    socket.once('disconnect', (reason) => log.info({ reason }, 'chat socket disconnected'));
    const on = createEventRegistrar(socket, log);
    registerMessageHandlers(io, socket, { repo, products, attachments, onStored: metrics?.messageSent }, on);
    registerConversationHandlers(io, socket, { repo, console: consoleRepo }, on);
    registerCannedReplyHandlers(io, socket, consoleRepo, on);
    registerPresenceHandlers(presence, on);
    trackPresence(io, socket, presence, log);
    // Disconnect when the token runs out; clients reconnect at once with a fresh token from the
    // store, which refuses one to a user who was deactivated or logged out meanwhile.
    const expiresAt = tokenExpiresAt(socket.handshake.auth);
    if (expiresAt !== null) {
      const timer = setTimeout(() => socket.disconnect(true), Math.max(0, expiresAt - Date.now()));
      timer.unref();
      socket.once('disconnect', () => clearTimeout(timer));
    }
  });

  app.decorate('io', io);

  // The adapter needs connected Redis clients, so it is attached when the app becomes ready.
  let closeRedis: (() => Promise<void>) | undefined;
  if (pub) {
    app.addHook('onReady', async () => {
      closeRedis = await attachRedisAdapter(io, pub, redisKey);
    });
  }

  // preClose, not onClose: Fastify's onClose closes the HTTP server first, which waits for every
  // connection, and open websockets would keep it waiting forever. io.close() also closes the
  // HTTP server; Fastify ignores the resulting ERR_SERVER_NOT_RUNNING.
  app.addHook('preClose', async () => {
    // Tell the other instances at once that our users left, instead of after the presence TTL.
    try {
      announce(io, await presence.close());
    } catch (error) {
      app.log.warn({ err: error }, 'chat presence cleanup failed; entries expire on their own');
    }
    await io.close();
    await closeRedis?.();
  });

  return app as ChatApp;
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

const ERROR_RESPONSE: ErrorResponseOptions = {
  internalMessage: 'Internal server error',
  clientCode: (_error, status) => CLIENT_ERROR_CODES[status] ?? 'bad_request',
};
