/**
 * `/chat/socket.io/*` (HTTP polling and WebSocket) and `/chat/api/*` (image attachments) are
 * forwarded to the chat service, so the browser talks to the store's own origin: same cookies,
 * same CSP, no CORS. When the chat service is down, only these requests fail (502/503) and the
 * widget shows "support offline".
 */
import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
// Neither has a runtime dependency on socket.io, so the store does not load the chat server.
import { originAllowed } from '../../lib/origin';
import { CHAT_API_PREFIX, CHAT_SERVICE_API_PREFIX, CHAT_SOCKET_PATH } from '../../chat/contract';
import { sendError } from '../../lib/errors';

/** A request whose Origin the preHandler accepted goes upstream with the store's own origin. */
function vouchForOrigin<T extends Record<string, unknown>>(headers: T, publicUrl: string): T {
  return headers.origin ? { ...headers, origin: publicUrl } : headers;
}

/**
 * The store's request id goes upstream as X-Request-Id: the chat service keeps a well-formed one as
 * its own (lib/logger.ts requestId), so one id joins the store's and the chat's log lines.
 */
function withRequestId<T extends Record<string, unknown>>(headers: T, request: { id?: unknown } | undefined): T {
  return typeof request?.id === 'string' ? { ...headers, 'x-request-id': request.id } : headers;
}

export interface ChatProxyDeps {
  chatUrl: string;
  publicUrl: string;
  /** Behind a trusted reverse proxy (TRUST_PROXY), its X-Forwarded-Host names the page's host. */
  trustForwardedHost?: boolean;
}

export async function registerChatProxy(app: FastifyInstance, deps: ChatProxyDeps) {
  const chatUp = healthProbe(`${deps.chatUrl}/healthz`);
  await app.register(httpProxy, {
    // Checked here as well as in the chat service: a refused WebSocket upgrade then fails at once
    // with 403 instead of hanging until the client's timeout behind the proxy.
    preHandler: async (request, reply) => {
      if (!originAllowed(request.raw, deps.publicUrl, { trustForwardedHost: deps.trustForwardedHost })) {
        return sendError(reply, 'forbidden', 403, 'Origin not allowed');
      }
      // An accepted upgrade whose upstream is down leaves the browser waiting for its connect
      // timeout (20 s); answering 503 lets the widget say "offline" at once.
      if (request.headers.upgrade && !(await chatUp())) {
        return sendError(reply, 'chat_unavailable', 503, 'Chat is offline');
      }
    },
    upstream: deps.chatUrl,
    prefix: CHAT_SOCKET_PATH,
    rewritePrefix: CHAT_SOCKET_PATH,
    websocket: true,
    // Engine.IO needs only these (polling GET/POST, the WebSocket upgrade is a GET).
    httpMethods: ['GET', 'POST'],
    // Socket.IO authenticates with its own signed token; the polling POSTs carry no CSRF token.
    config: { csrf: false },
    replyOptions: { rewriteRequestHeaders: (request, headers) => withRequestId(vouchForOrigin(headers, deps.publicUrl), request) },
    wsClientOptions: {
      // The chat service checks the browser's Origin too. The preHandler above has just found it
      // to be ours, so the store vouches for it with its public URL: the chat service needs no
      // X-Forwarded-Host, which it believes only behind a trusted proxy.
      // (Supported by @fastify/http-proxy but missing from its types, hence the cast below.)
      // The socket's handshake carries the id of the store request that upgraded it.
      rewriteRequestHeaders: (headers: Record<string, string>, request?: { id?: unknown }) =>
        withRequestId(vouchForOrigin(headers, deps.publicUrl), request),
    } as Record<string, unknown>,
  });
  await registerChatApiProxy(app, deps);
}

/**
 * `/chat/api/*` → the chat service's `/api/*` (image attachments: upload and read).
 *
 * - Bodies are streamed to the chat service unread: @fastify/http-proxy gives its own scope a
 *   pass-through parser for every content type, so the store's 1 MB body limit and its JSON,
 *   form and multipart parsers never see an upload; the chat service enforces its own 8 MB.
 * - No CSRF token: these calls authenticate with `Authorization: Bearer <chat token>`, a header
 *   another site cannot make a browser send (cookies, which it can, mean nothing here).
 * - The Origin check still refuses another site's page outright, as for the socket.
 */
async function registerChatApiProxy(app: FastifyInstance, deps: ChatProxyDeps) {
  await app.register(httpProxy, {
    preHandler: async (request, reply) => {
      if (!originAllowed(request.raw, deps.publicUrl, { trustForwardedHost: deps.trustForwardedHost })) {
        return sendError(reply, 'forbidden', 403, 'Origin not allowed');
      }
    },
    upstream: deps.chatUrl,
    prefix: CHAT_API_PREFIX,
    rewritePrefix: CHAT_SERVICE_API_PREFIX,
    httpMethods: ['GET', 'POST'],
    config: { csrf: false },
    replyOptions: {
      rewriteRequestHeaders: (request, headers) => withRequestId(vouchForOrigin(headers, deps.publicUrl), request),
      // The chat service is down or did not answer: a JSON 502 the widget can show, never a stack.
      onError: (reply, { error }) => {
        reply.log.warn({ err: error }, 'chat API proxy failed');
        void sendError(reply, 'chat_unavailable', 502, 'Chat is offline');
      },
    },
  });
}

/** Is the chat service answering? Remembered for 2 s, so a reconnect storm costs one probe. */
function healthProbe(url: string): () => Promise<boolean> {
  let last = { at: 0, ok: false };
  return async () => {
    if (Date.now() - last.at < 2_000) return last.ok;
    const ok = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      async (res) => {
        await res.body?.cancel();
        return res.ok;
      },
      () => false,
    );
    last = { at: Date.now(), ok };
    return ok;
  };
}
