import { integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/**
 * One row per background job (order expiry, reconciliation, email outbox, …): the lease that makes
 * each run happen once however many store instances run. An instance runs a job only after an
 * UPDATE that moves `next_run_at` a period ahead and takes the lease (`locked_until`) succeeds, so
 * of several instances asking at once exactly one wins; a crashed runner's lease simply expires.
 */
export const jobLeases = pgTable('job_leases', {
  name: varchar('name', { length: 60 }).primaryKey(),
  /** When an instance first scheduled the job: its lag counts from here until a first success. */
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  /** The next run is due at this time (the claim moves it one period ahead). */
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
  /** While in the future, a run holds the job (null = nobody). */
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  /** The instance holding (or that last held) the lease: host and process id. */
  lockedBy: varchar('locked_by', { length: 120 }),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastSucceededAt: timestamp('last_succeeded_at', { withTimezone: true }),
  lastFailedAt: timestamp('last_failed_at', { withTimezone: true }),
  lastError: text('last_error'),
  lastDurationMs: integer('last_duration_ms'),
});
