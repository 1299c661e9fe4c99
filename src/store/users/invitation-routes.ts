/**
 * Accepting an invitation (A8), public: `GET /undangan?token=…` shows who it is for and asks for
 * a password; `POST /undangan` sets it (CSRF-checked by the global hook) and sends the person to
 * the login page. A used, expired or forged link gets the same 400 page, saying nothing more.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { parseForm } from '../ui/form';
import { acceptSchema } from './schema';
import type { UsersService } from './service';
import { InvitationInvalidPage, InvitationPage } from './views/invitation-page';

/** Same budget as the reset form: guessing tokens or passwords here is as slow as there. */
const ACCEPT_RATE_LIMIT = { rateLimit: { max: 10, timeWindow: 15 * 60_000 } };

const tokenIn = (source: unknown) => {
  const value = (source as Record<string, unknown> | undefined)?.token;
  return typeof value === 'string' ? value : '';
};

export function registerInvitationRoutes(app: FastifyInstance, deps: { users: UsersService }) {
  const invalid = (reply: FastifyReply) => reply.page(h(InvitationInvalidPage, {}), 400);
  // The token is a secret: keep it out of Referer headers to other sites.
  const noReferrer = (reply: FastifyReply) => reply.header('referrer-policy', 'no-referrer');

  app.get('/undangan', async (request: FastifyRequest, reply) => {
    const token = tokenIn(request.query);
    const invitee = await deps.users.invitation(token);
    if (!invitee) return invalid(reply);
    await app.sessions.ensure(request, reply);
    noReferrer(reply);
    return reply.page(h(InvitationPage, { state: {}, token, invitee }));
  });

  app.post('/undangan', { config: ACCEPT_RATE_LIMIT }, async (request, reply) => {
    const token = tokenIn(request.body);
    const invitee = await deps.users.invitation(token);
    if (!invitee) return invalid(reply);
    noReferrer(reply);
    const form = parseForm(acceptSchema, request.body);
    if (!form.ok) return reply.page(h(InvitationPage, { state: form, token, invitee }), 400);
    const result = await deps.users.acceptInvitation(form.data.token, form.data.password);
    if (result.ok) return reply.redirect('/masuk?pesan=undangan', 303);
    if ('invalidLink' in result) return invalid(reply);
    return reply.page(h(InvitationPage, { state: { errors: { password: result.error as MessageKey } }, token, invitee }), 400);
  });
}
