/**
 * A8 Users (admin only): `/admin/pengguna` lists accounts (search, role, status, sort and page in
 * the URL), `/baru` invites staff or an admin, `/:id` shows one, and its POST actions change the
 * role, switch the account off or on, re-send an invitation, send a password reset or reset
 * two-factor sign-in. Rules and audit entries are the users service's; ending a deactivated
 * account's sessions is done here, after the commit, because the session store is the app's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { MessageKey } from '../../../lib/i18n';
import { auditActor } from '../../audit/record';
import { activeSchema, inviteSchema, roleSchema, userListSchema } from '../../users/schema';
import type { ChangeResult, UsersService } from '../../users/service';
import { formValues, parseForm } from '../../ui/form';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import { UserDetailPage } from './detail-page';
import { UserListPage } from './list-page';
import { UserNewPage } from './new-page';
import { USERS_PATH } from './parts';

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
type IdParams = { Params: { id: string } };

const FORM_ERROR = { kind: 'danger', key: 'users.formError' } as const;
const REFUSED: Record<'self' | 'lastAdmin', MessageKey> = { self: 'users.refused.self', lastAdmin: 'users.refused.lastAdmin' };

export function registerAdminUserRoutes(admin: FastifyInstance, deps: { users: UsersService }) {
  const { users } = deps;
  const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

  async function showUser(request: FastifyRequest, reply: FastifyReply, id: number, form: FormState, status = 200) {
    const page = await users.page(id);
    if (!page) return notFound(reply);
    return adminPage(reply, h(UserDetailPage, { ...page, viewerId: request.user!.id, form }), status);
  }

  /** The id from the URL, or undefined after answering 404 (a forged or malformed id). */
  function idOf(request: FastifyRequest<IdParams>): number | undefined {
    const params = idParams.safeParse(request.params);
    return params.success ? params.data.id : undefined;
  }

  /** The answer to a role or status change: back to the page with a message, or the refusal on the page. */
  function answerChange(request: FastifyRequest, reply: FastifyReply, id: number, result: ChangeResult, done: MessageKey) {
    if (result === 'missing') return notFound(reply);
    if (result === 'self' || result === 'lastAdmin')
      return showUser(request, reply, id, { alert: { kind: 'danger', key: REFUSED[result] } }, 409);
    setFlash(request, reply, result === 'changed' ? { kind: 'success', key: done } : { kind: 'info', key: 'users.unchanged' });
    return reply.redirect(`${USERS_PATH}/${id}`, 303);
  }

  admin.get('/pengguna', ADMIN_ONLY, async (request, reply) => {
    const query = userListSchema.parse(request.query ?? {});
    return adminPage(reply, h(UserListPage, { query, list: await users.list(query) }));
  });

  admin.get('/pengguna/baru', ADMIN_ONLY, (_request, reply) => adminPage(reply, h(UserNewPage, { form: {} })));

  admin.post('/pengguna', ADMIN_ONLY, async (request, reply) => {
    const parsed = parseForm(inviteSchema, request.body);
    if (!parsed.ok) return adminPage(reply, h(UserNewPage, { form: { ...parsed, alert: FORM_ERROR } }), 400);
    const result = await users.invite(parsed.data, auditActor(request));
    if (!result.ok) {
      const form: FormState = { values: formValues(request.body), errors: { [result.field]: result.key }, alert: FORM_ERROR };
      return adminPage(reply, h(UserNewPage, { form }), 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'users.invited', params: { email: parsed.data.email.slice(0, 200) } });
    return reply.redirect(`${USERS_PATH}/${result.id}`, 303);
  });

  admin.get<IdParams>('/pengguna/:id', ADMIN_ONLY, async (request, reply) => {
    const id = idOf(request);
    return id === undefined ? notFound(reply) : showUser(request, reply, id, {});
  });

  admin.post<IdParams>('/pengguna/:id/peran', ADMIN_ONLY, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return notFound(reply);
    const parsed = parseForm(roleSchema, request.body);
    if (!parsed.ok) return showUser(request, reply, id, { ...parsed, alert: FORM_ERROR }, 400);
    const result = await users.changeRole(id, parsed.data.role, auditActor(request));
    return answerChange(request, reply, id, result, 'users.roleChanged');
  });

  admin.post<IdParams>('/pengguna/:id/status', ADMIN_ONLY, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return notFound(reply);
    const parsed = parseForm(activeSchema, request.body);
    if (!parsed.ok) return showUser(request, reply, id, { alert: FORM_ERROR }, 400);
    const active = parsed.data.active === '1';
    const result = await users.setActive(id, active, auditActor(request));
    // After the commit: every live session of the account ends now, not at its next request.
    if (result === 'changed' && !active) await request.server.sessions.store.destroyForUser(id);
    return answerChange(request, reply, id, result, active ? 'users.activated' : 'users.deactivated');
  });

  admin.post<IdParams>('/pengguna/:id/undangan', ADMIN_ONLY, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return notFound(reply);
    const result = await users.resendInvitation(id, auditActor(request));
    if (result === 'missing') return notFound(reply);
    if (result === 'notInvited') return showUser(request, reply, id, { alert: { kind: 'danger', key: 'users.refused.notInvited' } }, 409);
    setFlash(request, reply, { kind: 'success', key: 'users.inviteResent' });
    return reply.redirect(`${USERS_PATH}/${id}`, 303);
  });

  admin.post<IdParams>('/pengguna/:id/reset-password', ADMIN_ONLY, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return notFound(reply);
    const result = await users.sendPasswordReset(id, auditActor(request));
    if (result === 'missing') return notFound(reply);
    if (result !== 'sent') {
      const key = result === 'inactive' ? 'users.refused.resetInactive' : 'users.refused.resetInvited';
      return showUser(request, reply, id, { alert: { kind: 'danger', key } }, 409);
    }
    setFlash(request, reply, { kind: 'success', key: 'users.resetSent' });
    return reply.redirect(`${USERS_PATH}/${id}`, 303);
  });

  admin.post<IdParams>('/pengguna/:id/dua-langkah', ADMIN_ONLY, async (request, reply) => {
    const id = idOf(request);
    if (id === undefined) return notFound(reply);
    const result = await users.resetTwoFactor(id, auditActor(request));
    if (result === 'missing') return notFound(reply);
    setFlash(
      request,
      reply,
      result === 'changed' ? { kind: 'success', key: 'users.twoFactorReset' } : { kind: 'info', key: 'users.unchanged' },
    );
    return reply.redirect(`${USERS_PATH}/${id}`, 303);
  });
}
