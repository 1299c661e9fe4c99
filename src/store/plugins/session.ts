/**
 * Server-side sessions. The cookie `sid` (signed, HttpOnly, SameSite=Lax, Secure in production)
 * holds a random id; the data lives in the database or Redis. Anonymous visitors get a session
 * only when something needs one (a form's CSRF token, login), so browsing the catalog writes
 * nothing. The id is replaced at login and logout (no session fixation).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserRole } from '../../db/schema';
import { isLocale, type Locale, translator } from '../../lib/i18n';
import type { PendingLogin, SessionRecord, SessionStore } from './session-store';
import { LOCALE_COOKIE } from './locale';

export const SESSION_COOKIE = 'sid';
export const IDLE_MS = 2 * 3600_000;
export const ABSOLUTE_MS = 24 * 3600_000;
export const REMEMBER_MS = 30 * 24 * 3600_000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface CurrentUser {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  isActive: boolean;
  emailVerified: boolean;
  locale: string;
  /** Two-factor sign-in is switched on for the account (the admin guard reads it when the shop requires it). */
  twoFactor?: boolean;
}

export interface ActiveSession {
  key: string;
  record: SessionRecord;
}

export interface SessionDeps {
  store: SessionStore;
  loadUser(id: number): Promise<CurrentUser | undefined>;
  saveLocale(userId: number, locale: Locale): Promise<void>;
  secureCookies: boolean;
  now?: () => number;
}

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
    user: CurrentUser | null;
    /** Set when a live session was ended because the account was deactivated. */
    sessionEndedReason: 'deactivated' | null;
  }
  interface FastifyInstance {
    sessions: SessionManager;
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>;

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');
const idleFor = (r: SessionRecord) => (r.remember ? REMEMBER_MS : IDLE_MS);

function createSessionManager(deps: SessionDeps) {
  const now = deps.now ?? Date.now;

  function setCookie(reply: FastifyReply, id: string, remember: boolean) {
    reply.setCookie(SESSION_COOKIE, id, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.secureCookies,
      signed: true,
      // Without "remember me" the cookie ends with the browser; the server enforces expiry anyway.
      ...(remember ? { maxAge: REMEMBER_MS / 1000 } : {}),
    });
  }

  async function create(request: FastifyRequest, reply: FastifyReply, userId: number | null, remember: boolean) {
    const id = randomBytes(32).toString('base64url');
    const t = now();
    const record: SessionRecord = {
      userId,
      csrfSecret: randomBytes(32).toString('base64url'),
      remember,
      createdAt: t,
      lastSeenAt: t,
      expiresAt: t + (remember ? REMEMBER_MS : ABSOLUTE_MS),
    };
    const key = hashId(id);
    await deps.store.save(key, record, idleFor(record));
    setCookie(reply, id, remember);
    request.session = { key, record };
    return request.session;
  }

  return {
    store: deps.store,
    /** The visitor's session, created now if there is none (a form needs a CSRF token). */
    async ensure(request: FastifyRequest, reply: FastifyReply): Promise<ActiveSession> {
      return request.session ?? create(request, reply, null, false);
    },
    /** Starts a fresh session for the user: the old id (maybe planted by an attacker) is dropped. */
    async login(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, remember: boolean) {
      if (request.session) await deps.store.destroy(request.session.key);
      await create(request, reply, user.id, remember);
      request.user = user;
    },
    async logout(request: FastifyRequest, reply: FastifyReply) {
      if (request.session) await deps.store.destroy(request.session.key);
      request.session = null;
      request.user = null;
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
    },
    /** Ends the user's other sessions (password change, "log out everywhere"). */
    async endOtherSessions(request: FastifyRequest, userId: number) {
      await deps.store.destroyForUser(userId, request.session?.key);
    },
    /** Sets (or clears) the login waiting for its second factor, in the visitor's pre-login session. */
    async setPendingLogin(request: FastifyRequest, reply: FastifyReply, pending: PendingLogin | undefined) {
      const s = request.session ?? (await create(request, reply, null, false));
      if (pending) s.record.pendingLogin = pending;
      else delete s.record.pendingLogin;
      await deps.store.save(s.key, s.record, idleFor(s.record));
    },
    /** Privilege change of the current user: new id, same login. */
    async rotate(request: FastifyRequest, reply: FastifyReply) {
      const s = request.session;
      if (!s) return;
      await deps.store.destroy(s.key);
      await create(request, reply, s.record.userId, s.record.remember);
    },
    async load(request: FastifyRequest, reply: FastifyReply) {
      const raw = request.cookies[SESSION_COOKIE];
      if (!raw) return;
      const unsigned = request.unsignCookie(raw);
      if (!unsigned.valid || !unsigned.value) return void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      const key = hashId(unsigned.value);
      const record = await deps.store.get(key);
      const t = now();
      if (!record || record.expiresAt <= t || record.lastSeenAt + idleFor(record) <= t) {
        if (record) await deps.store.destroy(key);
        return void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      if (t - record.lastSeenAt > TOUCH_EVERY_MS) {
        record.lastSeenAt = t;
        await deps.store.touch(key, record, idleFor(record));
      }
      request.session = { key, record };
      if (record.userId === null) return;
      const user = await deps.loadUser(record.userId);
      if (!user?.isActive) {
        // A deactivated account's live session ends on its next request.
        await deps.store.destroy(key);
        request.session = null;
        request.sessionEndedReason = 'deactivated';
        return void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      request.user = user;
    },
  };
}

/** Must be registered after the locale plugin: a logged-in user's saved language applies. */
export function registerSessions(app: FastifyInstance, deps: SessionDeps) {
  const manager = createSessionManager(deps);
  app.decorate('sessions', manager);
  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionEndedReason', null);
  async function loadSession(request: FastifyRequest, reply: FastifyReply) {
    await manager.load(request, reply);
    const user = request.user;
    if (!user) return;
    // S7: the language is remembered on the account. A switch (?lang=) is saved; without a
    // cookie (new device) the account's language is used.
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (isLocale(asked)) {
      if (asked !== user.locale) await deps.saveLocale(user.id, asked);
    } else if (!isLocale(request.cookies[LOCALE_COOKIE]) && isLocale(user.locale)) {
      request.locale = user.locale;
      request.t = translator(user.locale);
    }
  }
  // A plain hook, so the many requests with nothing to load (no session cookie: anonymous
  // browsing; static files and health checks) pass without waiting a turn for a promise.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.cookies[SESSION_COOKIE] === undefined) return done();
    // Static files and health checks never need the session: no store lookup for them.
    const url = request.url;
    if (
      url.startsWith('/assets/') ||
      url.startsWith('/vendor/') ||
      url.startsWith('/static/') ||
      url.startsWith('/media/') ||
      url.startsWith('/healthz') ||
      url.startsWith('/readyz')
    )
      return done();
    loadSession(request, reply).then(() => done(), done);
  });
  return manager;
}
