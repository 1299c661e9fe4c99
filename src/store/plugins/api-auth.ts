/**
 * Who calls the JSON API (`/api/v1/…`, X10). A request with `Authorization: Bearer hrt_…` is the
 * personal access token's owner, whatever cookie rides along (the session is set aside, so its
 * cart and CSRF play no part); without the header the browser's session answers as on any page,
 * and the CSRF hook still wants its token on a change. The token's scope is enforced here: `read`
 * only reads. Signed-in API calls are also counted here, per token (else per account), in one
 * bucket across every operation, in Redis when configured.
 *
 * Only `/api/v1/` looks at the header: a staff member's token opens nothing under /admin or any
 * page, where the header is ignored and only the session counts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiTokenScope } from '../../db/schema';
import { sendError } from '../../lib/errors';
import type { CurrentUser } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The personal access token that authenticated this API request; null for cookie and anonymous callers. */
    apiToken: { id: number; scope: ApiTokenScope } | null;
  }
}

export const API_PREFIX = '/api/v1/';

export interface ApiAuthDeps {
  /** Reads the header: none, malformed, or a secret to look up. */
  readBearer(header: string | undefined): { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; secret: string };
  /** The live token behind a secret (its use stamped), or undefined. */
  authenticate(secret: string): Promise<{ tokenId: number; userId: number; scope: ApiTokenScope } | undefined>;
  scopeAllows(scope: ApiTokenScope, method: string): boolean;
  loadUser(id: number): Promise<CurrentUser | undefined>;
  /** Signed-in requests per minute, per token or per account. */
  perMinute: number;
}

export function registerApiAuth(app: FastifyInstance, deps: ApiAuthDeps) {
  app.decorateRequest('apiToken', null);
  const limiter = app.createRateLimit({
    max: deps.perMinute,
    timeWindow: 60_000,
    // Only reached for signed-in callers (see below): anonymous catalog reads keep their own limits.
    keyGenerator: (request) => (request.apiToken ? `api-token:${request.apiToken.id}` : `api-user:${request.user?.id}`),
  });

  async function refuseToken(request: FastifyRequest, reply: FastifyReply) {
    reply.header('www-authenticate', 'Bearer realm="hurtrock", error="invalid_token"');
    return sendError(reply, 'invalid_token', 401, 'The access token is missing, malformed, revoked or unknown.');
  }

  async function authenticate(request: FastifyRequest, reply: FastifyReply) {
    const bearer = deps.readBearer(request.headers.authorization);
    if (bearer.kind === 'malformed') return refuseToken(request, reply);
    if (bearer.kind === 'token') {
      const token = await deps.authenticate(bearer.secret);
      const user = token && (await deps.loadUser(token.userId));
      // A deactivated account's tokens stop working with it.
      if (!token || !user?.isActive) return refuseToken(request, reply);
      request.session = null;
      request.user = user;
      request.apiToken = { id: token.tokenId, scope: token.scope };
      if (!deps.scopeAllows(token.scope, request.method)) {
        return sendError(reply, 'insufficient_scope', 403, 'This token may only read; create a token with the write scope.');
      }
    }
    if (!request.user) return;
    const limit = await limiter(request);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', String(limit.ttlInSeconds));
      return sendError(reply, 'rate_limited', 429, `Too many requests; try again in ${limit.ttlInSeconds} s.`);
    }
  }

  // A plain hook: every other request pays one string comparison.
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith(API_PREFIX)) return done();
    authenticate(request, reply).then(() => done(), done);
  });
}
