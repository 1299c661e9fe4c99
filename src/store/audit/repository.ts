/** Reads the audit log (writing is record.ts, inside the caller's transaction). */
import { and, count, desc, eq, gte, isNotNull, lt, type SQL } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { AuditFilters } from './schema';
import { AUDIT_PAGE_SIZE } from './schema';
import type { AuditRow } from './types';

function conditions(filters: AuditFilters): SQL | undefined {
  const where: SQL[] = [];
  if (filters.actorId !== undefined) where.push(eq(auditLog.actorId, filters.actorId));
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  if (filters.until) where.push(lt(auditLog.at, filters.until));
  return where.length > 0 ? and(...where) : undefined;
}

export function createAuditRepository(db: StoreDb) {
  return {
    /** One page, newest first, and the number of entries matching. */
    async list(filters: AuditFilters): Promise<{ rows: AuditRow[]; total: number }> {
      const where = conditions(filters);
      const [rows, [counted]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(AUDIT_PAGE_SIZE)
          .offset((filters.page - 1) * AUDIT_PAGE_SIZE),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return { rows: rows as AuditRow[], total: Number(counted?.n ?? 0) };
    },

    /** Everyone who has acted, for the person filter (the latest email each id used). */
    async actors(): Promise<{ id: number; email: string }[]> {
      const rows = await db
        .selectDistinctOn([auditLog.actorId], { id: auditLog.actorId, email: auditLog.actorEmail })
        .from(auditLog)
        .where(isNotNull(auditLog.actorId))
        .orderBy(auditLog.actorId, desc(auditLog.at));
      return rows
        .filter((r): r is { id: number; email: string } => r.id !== null && r.email !== null)
        .sort((a, b) => a.email.localeCompare(b.email));
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
