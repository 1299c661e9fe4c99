/** A1 placeholder: `/admin`, where staff and admins land after logging in. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { adminPage } from '../render';
import { DashboardPage } from './page';

export function registerDashboardRoutes(admin: FastifyInstance) {
  admin.get('/', (_request, reply) => adminPage(reply, h(DashboardPage, {})));
}
