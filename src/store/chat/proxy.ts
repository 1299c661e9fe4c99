/**
 * `/chat/socket.io/*` (HTTP polling and WebSocket) is forwarded to the chat service, so the
 * browser talks to the store's own origin: same cookies, same CSP, no CORS. When the chat
 * service is down, only these requests fail (502/503) and the widget shows "support offline".
 */
import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance, FastifyRequest } from 'fastify';
// rooms.ts has no runtime dependency on socket.io, so the store does not load the chat server.
import { originAllowed } from '../../chat/auth';
import { CHAT_SOCKET_PATH } from '../../chat/rooms';

export async function registerChatProxy(app: FastifyInstance, deps: { chatUrl: string; publicUrl: string }) {
  const chatUp = healthProbe(`${deps.chatUrl}/healthz`);
  await app.register(httpProxy, {
    // Checked here as well as in the chat service: a refused WebSocket upgrade then fails at once
    // with 403 instead of hanging until the client's timeout behind the proxy.
    preHandler: async (request, reply) => {
      if (!originAllowed(request.raw, deps.publicUrl)) {
        return reply.code(403).send({ error: { code: 'forbidden', message: 'Origin not allowed' } });
      }
      // An accepted upgrade whose upstream is down leaves the browser waiting for its connect
      // timeout (20 s); answering 503 lets the widget say "offline" at once.
      if (request.headers.upgrade && !(await chatUp())) {
        return reply.code(503).send({ error: { code: 'chat_unavailable', message: 'Chat is offline' } });
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
    wsClientOptions: {
      // The chat service checks the browser's Origin against the store; pass it and our host on.
      // (Supported by @fastify/http-proxy but missing from its types, hence the cast below.)
      rewriteRequestHeaders: (headers: Record<string, string>, request: FastifyRequest) => ({
        ...headers,
        ...(request.headers.origin ? { origin: request.headers.origin } : {}),
        ...(request.headers.host ? { 'x-forwarded-host': request.headers.host } : {}),
      }),
    } as Record<string, unknown>,
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
