/**
 * Login, registration, logout, email verification and password reset pages.
 * Every POST is CSRF-checked by the global hook; rate limits are per IP (@fastify/rate-limit),
 * plus the per-account lock-out inside the service.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { isLocale, type MessageKey } from '../../lib/i18n';
import { LOCALE_COOKIE } from '../plugins/locale';
import { askedNextPath, landingPath, safeNextPath } from './policy';
import { forgotSchema, loginSchema, registerSchema, resetSchema } from './schema';
import type { AccountsService } from './service';
import { ForgotPasswordPage, LoginPage, NoticePage, RegisterPage, ResetPasswordPage } from './views/auth-pages';
import type { FormState } from '../ui/form-fields';
import type { CurrentUser } from '../plugins/session';
import { registerSecondStepRoutes, SECOND_STEP_PATH } from './second-step-routes';
import { formValues, parseForm } from '../ui/form';

/** Per-IP limits on the endpoints attackers hammer; the friendly 429 page comes from the error handler. */
export const AUTH_RATE_LIMITS = {
  login: { max: 30, timeWindow: 10 * 60_000 },
  register: { max: 20, timeWindow: 60 * 60_000 },
  reset: { max: 10, timeWindow: 15 * 60_000 },
};

const LOGIN_NOTICES: Record<string, FormState['alert']> = {
  login: { kind: 'info', key: 'login.notice.login' },
  nonaktif: { kind: 'danger', key: 'login.deactivated' },
  keluar: { kind: 'success', key: 'login.notice.loggedOut' },
  reset: { kind: 'success', key: 'login.notice.reset' },
  undangan: { kind: 'success', key: 'users.notice.accepted' },
  'keluar-semua': { kind: 'success', key: 'login.notice.loggedOutEverywhere' },
  'kode-kedaluwarsa': { kind: 'warning', key: 'twoFactor.login.expired' },
};

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

export interface AuthRoutesDeps {
  accounts: AccountsService;
  /** After a login or registration: the guest session's key (if it had one) and the user. */
  afterLogin?: (login: AfterLogin) => Promise<void>;
  /** After an emailed verification link was used (guest orders with that email join the account). */
  afterEmailVerified?: (userId: number) => Promise<void>;
}

export interface AfterLogin {
  guestSessionKey: string | undefined;
  user: { id: number; email: string; emailVerified: boolean };
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRoutesDeps) {
  const { accounts } = deps;

  /** Login replaces the session id; what the guest session held (its cart) is handed over first. */
  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    user: Parameters<typeof app.sessions.login>[2],
    remember: boolean,
  ) {
    const guestKey = request.session && request.session.record.userId === null ? request.session.key : undefined;
    await app.sessions.login(request, reply, user, remember);
    await deps.afterLogin?.({ guestSessionKey: guestKey, user });
  }

  /** The end of every login (with or without a second factor): new session, language, landing page. */
  async function completeLogin(
    request: FastifyRequest,
    reply: FastifyReply,
    user: CurrentUser,
    remember: boolean,
    next: string | undefined,
  ) {
    await startSession(request, reply, user, remember);
    // S7: a language chosen before logging in wins and is saved; otherwise the account's applies.
    const cookieLocale = request.cookies[LOCALE_COOKIE];
    if (isLocale(cookieLocale) && cookieLocale !== user.locale) await accounts.saveLocale(user.id, cookieLocale);
    return reply.redirect(next ?? landingPath(user.role), 303);
  }

  async function loginForm(request: FastifyRequest, reply: FastifyReply, state: FormState, next: string | undefined, status = 200) {
    await app.sessions.ensure(request, reply);
    return reply.page(h(LoginPage, { state, next }), status);
  }

  app.get('/masuk', async (request, reply) => {
    // Without a (safe) next=, staff and admins land in the back office, customers on their account.
    const next = askedNextPath(query(request).next);
    if (request.user) return reply.redirect(next ?? landingPath(request.user.role), 303);
    const notice = LOGIN_NOTICES[String(query(request).pesan ?? '')];
    return loginForm(request, reply, { alert: notice }, next);
  });

  app.post('/masuk', { config: { rateLimit: AUTH_RATE_LIMITS.login } }, async (request, reply) => {
    const next = askedNextPath(body(request).next);
    const form = parseForm(loginSchema, request.body);
    if (!form.ok) return loginForm(request, reply, form, next, 400);
    const values = formValues(request.body);
    const result = await accounts.login(form.data.email, form.data.password, request.ip);
    if (!result.ok && result.reason === 'second_factor') {
      // Not logged in yet: the pre-login session remembers who passed the password, for 5 minutes.
      await app.sessions.setPendingLogin(request, reply, {
        userId: result.userId,
        remember: form.data.remember,
        next,
        issuedAt: Date.now(),
      });
      return reply.redirect(SECOND_STEP_PATH, 303);
    }
    if (!result.ok) {
      if (result.reason === 'locked') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        return loginForm(
          request,
          reply,
          { values, alert: { kind: 'danger', key: 'login.locked', params: { seconds: result.retryAfterSeconds } } },
          next,
          429,
        );
      }
      if (result.reason === 'deactivated')
        return loginForm(request, reply, { values, alert: { kind: 'danger', key: 'login.deactivated' } }, next, 403);
      return loginForm(request, reply, { values, alert: { kind: 'danger', key: 'login.failed' } }, next, 401);
    }
    return completeLogin(request, reply, result.user, form.data.remember, next);
  });

  registerSecondStepRoutes(app, { accounts, completeLogin, rateLimit: AUTH_RATE_LIMITS.login });

  app.post('/keluar', async (request, reply) => {
    await app.sessions.logout(request, reply);
    return reply.redirect('/masuk?pesan=keluar', 303);
  });

  app.get('/daftar', async (request, reply) => {
    // Without a next= the new customer lands on the account page with the welcome message.
    const next = query(request).next ? safeNextPath(query(request).next) : undefined;
    if (request.user) return reply.redirect(next ?? '/akun', 303);
    await app.sessions.ensure(request, reply);
    return reply.page(h(RegisterPage, { state: {}, next }));
  });

  app.post('/daftar', { config: { rateLimit: AUTH_RATE_LIMITS.register } }, async (request, reply) => {
    const next = body(request).next ? safeNextPath(body(request).next) : undefined;
    const form = parseForm(registerSchema, request.body);
    const rerender = (state: FormState) => reply.page(h(RegisterPage, { state, next }), 400);
    if (!form.ok) return rerender(form);
    const result = await accounts.register(form.data, request.locale);
    if (!result.ok) return rerender({ values: formValues(request.body), errors: result.errors });
    // Unverified accounts can shop at once; the account page reminds them to verify.
    await startSession(request, reply, result.user, false);
    return reply.redirect(next ?? '/akun?pesan=terdaftar', 303);
  });

  app.get('/verifikasi-email', async (request, reply) => {
    const token = String(query(request).token ?? '');
    const userId = await accounts.verifyEmail(token);
    const ok = userId !== undefined;
    if (ok) await deps.afterEmailVerified?.(userId);
    const t = request.t;
    const action = request.user ? { href: '/akun', label: t('account.title') } : { href: '/masuk', label: t('login.title') };
    return reply.page(
      h(NoticePage, { title: t('verify.title'), message: t(ok ? 'verify.ok' : 'verify.invalid'), kind: ok ? 'success' : 'danger', action }),
      ok ? 200 : 400,
    );
  });

  app.get('/lupa-password', async (request, reply) => {
    await app.sessions.ensure(request, reply);
    return reply.page(h(ForgotPasswordPage, { state: {}, sent: false }));
  });

  app.post('/lupa-password', { config: { rateLimit: AUTH_RATE_LIMITS.reset } }, async (request, reply) => {
    const form = parseForm(forgotSchema, request.body);
    if (!form.ok) return reply.page(h(ForgotPasswordPage, { state: form, sent: false }), 400);
    await accounts.requestPasswordReset(form.data.email);
    return reply.page(h(ForgotPasswordPage, { state: {}, sent: true }));
  });

  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    reply.page(
      h(NoticePage, {
        title: request.t('reset.title'),
        message: request.t('reset.invalid'),
        kind: 'danger',
        action: { href: '/lupa-password', label: request.t('forgot.title') },
      }),
      400,
    );

  app.get('/reset-password', async (request, reply) => {
    const token = String(query(request).token ?? '');
    if (!(await accounts.resetLinkValid(token))) return invalidLink(request, reply);
    await app.sessions.ensure(request, reply);
    // The token is a secret: keep it out of Referer headers to other sites.
    reply.header('referrer-policy', 'no-referrer');
    return reply.page(h(ResetPasswordPage, { state: {}, token }));
  });

  app.post('/reset-password', { config: { rateLimit: AUTH_RATE_LIMITS.reset } }, async (request, reply) => {
    const form = parseForm(resetSchema, request.body);
    const token = typeof body(request).token === 'string' ? (body(request).token as string) : '';
    if (!form.ok) return reply.page(h(ResetPasswordPage, { state: form, token }), 400);
    const result = await accounts.resetPassword(form.data.token, form.data.password);
    if (result.ok) {
      // Whoever had the old password is logged out everywhere.
      await app.sessions.store.destroyForUser(result.userId);
      if (request.user?.id === result.userId) await app.sessions.logout(request, reply);
      return reply.redirect('/masuk?pesan=reset', 303);
    }
    if ('invalidLink' in result) return invalidLink(request, reply);
    return reply.page(h(ResetPasswordPage, { state: { errors: { password: result.error as MessageKey } }, token }), 400);
  });
}
