/**
 * The one role guard. A route declares who may call it with `config: { role }`; everything under
 * /admin defaults to `admin` (deny by default), so a new admin route is never open by accident.
 * Anonymous visitors are sent to the login page (`next=` brings them back), or get 401 JSON;
 * logged-in users without the role get a 403 page or JSON.
 *
 *   app.get('/admin/orders', { config: { role: 'staff' } }, handler)
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
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  role: UserRole | undefined;
}

const RANK: Record<UserRole, number> = { customer: 1, staff: 2, admin: 3 };

export function hasRole(userRole: UserRole, needed: UserRole): boolean {
  return RANK[userRole] >= RANK[needed];
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
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ??= {}) as { role?: UserRole };
    if (/^\/admin(\/|$)/.test(route.url) && !config.role) config.role = 'admin';
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // HEAD routes are Fastify's automatic twins of GET routes.
      if (method !== 'HEAD') routes.push({ method, url: route.url, role: config.role });
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
