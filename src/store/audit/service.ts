/** The audit log as the back office reads it: a filtered page and the people to filter by. */
import { AUDIT_PAGE_SIZE, type AuditFilters } from './schema';
import type { AuditRepository } from './repository';

export function createAuditService(deps: { repo: AuditRepository }) {
  return {
    async page(filters: AuditFilters) {
      const [{ rows, total }, actors] = await Promise.all([deps.repo.list(filters), deps.repo.actors()]);
      return { rows, total, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), actors };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
