/**
 * The second step of a staff login (U6): `/masuk/verifikasi` asks for the six-digit code or a
 * recovery code of the account whose password was right. The pending state lives in the pre-login
 * session for five minutes; the login itself (new session id) starts only after the code. Wrong
 * codes count against the same per-account lock-out as wrong passwords, and the POST has the
 * login's per-IP rate limit.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { CurrentUser } from '../plugins/session';
import type { PendingLogin } from '../plugins/session-store';
import type { FormState } from '../ui/form-fields';
import { parseForm } from '../ui/form';
import type { AccountsService } from './service';
import { SecondStepPage } from './views/second-step-page';

export const SECOND_STEP_PATH = '/masuk/verifikasi';
export const PENDING_LOGIN_MS = 5 * 60_000;

export const secondStepSchema = z.object({
  code: z.string({ error: 'twoFactor.error.required' }).trim().min(1, 'twoFactor.error.required').max(40, 'twoFactor.error.malformed'),
});

const REFUSED: Record<'malformed' | 'wrong' | 'reused', FormState> = {
  malformed: { errors: { code: 'twoFactor.error.malformed' } },
  wrong: { errors: { code: 'twoFactor.error.wrong' } },
  reused: { errors: { code: 'twoFactor.error.reused' } },
};

export interface SecondStepDeps {
  accounts: AccountsService;
  completeLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    user: CurrentUser,
    remember: boolean,
    next: string | undefined,
  ): Promise<unknown>;
  rateLimit: { max: number; timeWindow: number };
}

export function registerSecondStepRoutes(app: FastifyInstance, deps: SecondStepDeps) {
  /** The pending login when there is one and it is younger than five minutes. */
  function pendingOf(request: FastifyRequest): PendingLogin | undefined {
    const pending = request.session?.record.pendingLogin;
    if (!pending || Date.now() - pending.issuedAt > PENDING_LOGIN_MS || pending.issuedAt > Date.now() + 60_000) return undefined;
    return pending;
  }

  async function expired(request: FastifyRequest, reply: FastifyReply) {
    if (request.session?.record.pendingLogin) await app.sessions.setPendingLogin(request, reply, undefined);
    return reply.redirect('/masuk?pesan=kode-kedaluwarsa', 303);
  }

  app.get(SECOND_STEP_PATH, async (request, reply) => {
    if (request.user) return reply.redirect('/masuk', 303);
    if (!pendingOf(request)) return expired(request, reply);
    return reply.page(h(SecondStepPage, { state: {} }));
  });

  app.post(SECOND_STEP_PATH, { config: { rateLimit: deps.rateLimit } }, async (request, reply) => {
    if (request.user) return reply.redirect('/masuk', 303);
    const pending = pendingOf(request);
    if (!pending) return expired(request, reply);
    const form = parseForm(secondStepSchema, request.body);
    // The code itself is never echoed back into the form.
    if (!form.ok) return reply.page(h(SecondStepPage, { state: { errors: form.errors } }), 400);
    const result = await deps.accounts.completeSecondFactor(pending.userId, form.data.code, request.ip);
    if (result.ok) return deps.completeLogin(request, reply, result.user, pending.remember, pending.next);
    if (result.reason === 'expired') return expired(request, reply);
    if (result.reason === 'locked') {
      reply.header('retry-after', String(result.retryAfterSeconds));
      const state: FormState = { alert: { kind: 'danger', key: 'login.locked', params: { seconds: result.retryAfterSeconds } } };
      return reply.page(h(SecondStepPage, { state }), 429);
    }
    return reply.page(h(SecondStepPage, { state: REFUSED[result.reason] }), result.reason === 'malformed' ? 400 : 401);
  });
}
