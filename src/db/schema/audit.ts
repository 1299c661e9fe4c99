import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * The audit log (A11): one row per sensitive action, written in the same transaction as the
 * change it records. Rows are append-only: a trigger (migration 0011) refuses UPDATE and DELETE,
 * so not even a bug in the application can rewrite history. The actor is a copy (id, email,
 * role) rather than a foreign key, so the entry outlives any change to the account.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null for actions of nobody signed in (a failed staff login names the account as the subject). */
    actorId: integer('actor_id'),
    actorEmail: varchar('actor_email', { length: 254 }),
    actorRole: varchar('actor_role', { length: 10 }),
    /** The client's address as the proxy chain reports it (Fastify's request.ip). */
    ip: varchar('ip', { length: 64 }),
    /** A dotted name from AUDIT_ACTIONS, e.g. "user.role", "product.price". */
    action: varchar('action', { length: 40 }).notNull(),
    subjectType: varchar('subject_type', { length: 30 }),
    subjectId: varchar('subject_id', { length: 60 }),
    /** A human name for the subject at the time (product name, order number, email). */
    subjectLabel: varchar('subject_label', { length: 200 }),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at, t.id),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    index('audit_log_action_idx').on(t.action, t.at),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId).where(sql`${t.subjectId} IS NOT NULL`),
  ],
);
