/**
 * The role guard. A route declares who may call it with `config: { role }`. An area plugin
 * (the back office under /admin) guards its whole subtree with `guardArea()`: one hook that lets
 * only its least role pass, on every route registered inside it and on its unknown paths too, so
 * a new admin page is never open by accident. A route under /admin registered outside the admin
 * area is refused at start-up.
 * Anonymous visitors are sent to the login page (`next=` brings them back), or get 401 JSON;
 * logged-in users without the role get a 403 page or JSON.
 *
 *   app.get('/akun', { config: { role: 'customer' } }, handler)
 *   admin.get('/pengguna', { config: { role: 'admin' } }, handler)   // inside the admin area: staff+ by default
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { h } from 'preact';
import type { UserRole } from '../../db/schema';
import { ErrorPage } from '../ui/error-page';
import { wantsJson } from './errors';
import { sendError } from '../../lib/errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Least role allowed: customer (any logged-in user) < staff < admin. */
    role?: UserRole;
  }
  interface FastifyInstance {
    /** Every route registered on the app, for the authorization matrix test. */
    registeredRoutes: RegisteredRoute[];
    /** Least role of the guarded area this instance belongs to (set by `guardArea`), if any. */
    areaRole?: UserRole;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  /** The least role that passes: the route's own, or its area's when that is stronger. */
  role: UserRole | undefined;
}

/** Paths that belong to the back office: only the admin area may register routes here. */
const ADMIN_PATH = /^\/admin(\/|$)/;

const RANK: Record<UserRole, number> = { customer: 1, staff: 2, admin: 3 };

export function hasRole(userRole: UserRole, needed: UserRole): boolean {
  return RANK[userRole] >= RANK[needed];
}

/** The stronger of two roles (undefined = public). */
export function strongest(a: UserRole | undefined, b: UserRole | undefined): UserRole | undefined {
  if (!a) return b;
  if (!b) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function loginUrl(next: string, notice?: string): string {
  const params = new URLSearchParams({ next });
  if (notice) params.set('pesan', notice);
  return `/masuk?${params.toString()}`;
}

async function deny(request: FastifyRequest, reply: FastifyReply, needed: UserRole) {
  const user = request.user;
  if (!user) {
    if (wantsJson(request)) {
      return sendError(reply, 'unauthenticated', 401, request.t('auth.loginRequired'));
    }
    // Only GET targets are worth coming back to; after a refused POST go back to the account page.
    const next = request.method === 'GET' ? request.url : '/akun';
    const notice = request.sessionEndedReason === 'deactivated' ? 'nonaktif' : 'login';
    return reply.redirect(loginUrl(next, notice), 303);
  }
  request.log.info({ userId: user.id, role: user.role, needed, url: request.url }, 'forbidden');
  if (wantsJson(request)) return sendError(reply, 'forbidden', 403, request.t('error.403.lead'));
  return reply.page(h(ErrorPage, { status: 403 }), 403);
}

/** Call before any route is registered: it has to see them all. */
export function registerAuth(app: FastifyInstance) {
  const routes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', routes);
  // `this` is the instance the route is registered on: inside an area it carries the area's role.
  app.addHook('onRoute', function collect(this: FastifyInstance, route: RouteOptions) {
    const config = (route.config ??= {}) as { role?: UserRole };
    const areaRole = this.areaRole;
    if (ADMIN_PATH.test(route.url) && !areaRole) {
      throw new Error(`${route.url}: a route under /admin belongs in the admin area (src/store/admin/plugin.ts), inside its guard`);
    }
    const role = strongest(config.role, areaRole);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // HEAD routes are Fastify's automatic twins of GET routes.
      if (method !== 'HEAD') routes.push({ method, url: route.url, role });
    }
  });
  // A plain hook: most requests (public pages, allowed users) pass without waiting on a promise.
  app.addHook('preHandler', (request, reply, done) => {
    const needed = request.routeOptions.config?.role;
    if (!needed || (request.user && hasRole(request.user.role, needed))) return done();
    // The refusal is sent here; Fastify stops the request once a reply is sent.
    deny(request, reply, needed).then(() => done(), done);
  });
}

/**
 * Guards everything registered inside `scope` (an encapsulated plugin, e.g. the one with prefix
 * /admin): one onRequest hook lets only `least` (or a route's stronger `config.role`) pass. It runs
 * before the body is read and before the CSRF check, and also for the scope's not-found handler,
 * so an unknown path answers an outsider exactly like a real page would.
 */
export function guardArea(scope: FastifyInstance, least: UserRole) {
  scope.decorate('areaRole', least);
  scope.addHook('onRequest', (request, reply, done) => {
    const needed = strongest(least, request.routeOptions.config?.role) ?? least;
    if (request.user && hasRole(request.user.role, needed)) return done();
    deny(request, reply, needed).then(() => done(), done);
  });
}
