import type { auditLog } from '../../db/schema';

export type AuditRow = typeof auditLog.$inferSelect;
