/**
 * Writes one audit entry. Always pass the transaction that makes the change: the entry and the
 * change commit together or not at all, so a failed change leaves no trace and a recorded one
 * cannot be lost.
 */
import type { FastifyRequest } from 'fastify';
import { auditLog } from '../../db/schema';
import type { StoreExecutor } from '../../db/store-db';
import type { AuditAction } from './actions';

/** Who did it, from where: taken from the request by `auditActor`. */
export interface AuditActor {
  id: number | null;
  email: string | null;
  role: string | null;
  ip: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  subject?: { type: string; id: string | number; label?: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** The signed-in user and the client's address (as trusted proxies report it). */
export function auditActor(request: Pick<FastifyRequest, 'user' | 'ip'>): AuditActor {
  const user = request.user;
  return { id: user?.id ?? null, email: user?.email ?? null, role: user?.role ?? null, ip: request.ip ?? null };
}

/** No actor: changes made by the system itself (a job, a provider's webhook). */
export const SYSTEM_ACTOR: AuditActor = { id: null, email: null, role: 'system', ip: null };

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

export async function recordAudit(tx: StoreExecutor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorEmail: actor.email,
    actorRole: actor.role,
    ip: actor.ip ? clip(actor.ip, 64) : null,
    action: entry.action,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject ? clip(String(entry.subject.id), 60) : null,
    subjectLabel: entry.subject?.label ? clip(entry.subject.label, 200) : null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/**
 * JSON with object keys sorted: a jsonb column gives its objects back with the keys in its own
 * order ({bank, holder, number}), which must not read as a change from {bank, number, holder}.
 */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * Only the fields that changed, as { before, after } — what an auditor wants to read. Values are
 * compared as JSON with sorted keys, so arrays and objects (bank accounts, opening hours) compare by content.
 */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | undefined {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (canonicalJson(before[key] ?? null) !== canonicalJson(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length > 0 ? { before: b, after: a } : undefined;
}
