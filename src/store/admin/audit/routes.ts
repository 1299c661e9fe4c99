/** A11 `/admin/audit` (admin only): the read-only audit log. A refused filter re-renders with 400. */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { parseAuditFilters } from '../../audit/schema';
import type { AuditService } from '../../audit/service';
import { adminPage } from '../render';
import { AuditLogPage } from './page';

export function registerAdminAuditRoutes(admin: FastifyInstance, deps: { audit: AuditService }) {
  admin.get('/audit', { config: { role: 'admin' } }, async (request, reply) => {
    const parsed = parseAuditFilters(request.query);
    const data = await deps.audit.page(parsed.filters);
    const status = Object.keys(parsed.errors).length > 0 ? 400 : 200;
    return adminPage(reply, h(AuditLogPage, { parsed, data }), status);
  });
}
