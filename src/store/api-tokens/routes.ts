/**
 * The account page's token section, `/akun/token-api` (any logged-in role; forms with CSRF from
 * the global hook). A new secret is shown in the answer to the POST itself, never in a redirect
 * URL or a flash, and the page is `no-store`, so the secret exists once, in that one response.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { auditActor } from '../audit/record';
import { parseForm } from '../ui/form';
import { newTokenSchema } from './schema';
import { type ApiTokenService, MAX_LIVE_TOKENS } from './service';
import { TokensPage, type TokensView } from './views/tokens-page';

const customer = { config: { role: 'customer' as const } };

export function registerApiTokenRoutes(app: FastifyInstance, deps: { tokens: ApiTokenService }) {
  const { tokens } = deps;
  const userId = (request: FastifyRequest) => request.user!.id;

  async function page(request: FastifyRequest, reply: FastifyReply, view: Partial<TokensView>, status = 200) {
    const list = await tokens.list(userId(request));
    return reply.header('cache-control', 'no-store').page(h(TokensPage, { tokens: list, form: {}, ...view }), status);
  }

  app.get('/akun/token-api', customer, (request, reply) => {
    const revoked = (request.query as Record<string, unknown>).pesan === 'dicabut';
    return page(request, reply, revoked ? { notice: 'apiTokens.revoked' } : {});
  });

  app.post('/akun/token-api', customer, async (request, reply) => {
    const form = parseForm(newTokenSchema, request.body);
    if (!form.ok) return page(request, reply, { form }, 400);
    const result = await tokens.create(userId(request), form.data, auditActor(request));
    if (!result.ok) {
      const alert = { kind: 'danger' as const, key: 'apiTokens.limit' as const, params: { max: MAX_LIVE_TOKENS } };
      return page(request, reply, { form: { values: { name: form.data.name, scope: form.data.scope }, alert } }, 409);
    }
    return page(request, reply, { created: { name: result.token.name, secret: result.secret } });
  });

  app.post('/akun/token-api/:id/cabut', customer, async (request, reply) => {
    const raw = (request.params as { id: string }).id;
    const id = /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
    // Someone else's token looks exactly like a missing one.
    if (!id || !(await tokens.revoke(userId(request), id, auditActor(request)))) return reply.callNotFound();
    return reply.redirect('/akun/token-api?pesan=dicabut', 303);
  });
}
