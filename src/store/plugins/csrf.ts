/**
 * CSRF protection for every state-changing request, in one hook: the token is bound to the
 * session (its secret), sent in the `_csrf` form field or the `x-csrf-token` header. Tokens are
 * masked with a fresh random pad on every page so compressed responses do not leak the secret
 * (BREACH). A route opts out only with `config: { csrf: false }` (provider webhooks, which are
 * verified by signature instead); a JSON API call authenticated by a bearer token needs none.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { CsrfFailedPage } from '../ui/csrf-page';
import { wantsJson } from './errors';
import { sendError } from '../../lib/errors';
import { formValues } from '../ui/form';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false = no CSRF check (only for requests authenticated otherwise, e.g. signed webhooks). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function maskToken(secret: string): string {
  const raw = Buffer.from(secret, 'base64url');
  const pad = randomBytes(raw.length);
  const masked = Buffer.alloc(raw.length);
  for (let i = 0; i < raw.length; i++) masked[i] = raw[i]! ^ pad[i]!;
  return Buffer.concat([pad, masked]).toString('base64url');
}

export function tokenMatches(secret: string, token: unknown): boolean {
  if (typeof token !== 'string' || token.length > 200) return false;
  const raw = Buffer.from(secret, 'base64url');
  const both = Buffer.from(token, 'base64url');
  if (both.length !== raw.length * 2) return false;
  const unmasked = Buffer.alloc(raw.length);
  for (let i = 0; i < raw.length; i++) unmasked[i] = both[i]! ^ both[i + raw.length]!;
  return timingSafeEqual(unmasked, raw);
}

/** A fresh masked token for the request's session, or undefined when it has none. */
export function csrfTokenFor(request: FastifyRequest): string | undefined {
  return request.session ? maskToken(request.session.record.csrfSecret) : undefined;
}

async function reject(request: FastifyRequest, reply: FastifyReply) {
  request.log.info({ url: request.url }, 'CSRF token missing or wrong');
  if (wantsJson(request)) {
    return sendError(reply, 'csrf', 403, request.t('csrf.json'));
  }
  // The page offers to send the same input again with a valid token, so nothing typed is lost.
  await request.server.sessions.ensure(request, reply);
  return reply.page(h(CsrfFailedPage, { action: request.url, values: formValues(request.body) }), 403);
}

export function registerCsrf(app: FastifyInstance) {
  // A plain hook: safe methods and genuine forms pass without waiting on a promise.
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config?.csrf === false) return done();
    // A personal access token in the Authorization header (plugins/api-auth.ts): no cookie is
    // involved, and another site cannot make a browser send that header, so there is nothing to forge.
    if (request.apiToken) return done();
    const session = request.session;
    const body = request.body as Record<string, unknown> | undefined;
    const token = request.headers['x-csrf-token'] ?? (body && typeof body === 'object' ? body._csrf : undefined);
    if (session && tokenMatches(session.record.csrfSecret, token)) return done();
    // The refusal is sent here; Fastify stops the request once a reply is sent.
    reject(request, reply).then(() => done(), done);
  });
}
