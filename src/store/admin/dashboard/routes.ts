/** A1: `/admin`, where staff and admins land after logging in: the shop's figures at a glance. */
import type { FastifyInstance } from 'fastify';
import type { DashboardService } from '../../reports/service';
import { adminPage } from '../render';
import { dashboardView } from './page';

export function registerDashboardRoutes(admin: FastifyInstance, deps: { dashboard: DashboardService }) {
  admin.get('/', async (_request, reply) => {
    const overview = await deps.dashboard.overview();
    reply.header('cache-control', 'no-store');
    return adminPage(reply, dashboardView(overview));
  });
}
