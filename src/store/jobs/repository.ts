/** The `job_leases` rows behind the scheduler (src/lib/jobs.ts): one conditional UPDATE per claim. */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb } from '../../db/store-db';
import type { JobLeases } from '../../lib/jobs';

export function createJobLeaseRepository(db: StoreDb): JobLeases {
  return {
    async register(names) {
      for (const name of names) {
        await db.execute(sql`INSERT INTO job_leases (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`);
      }
    },

    // PostgreSQL re-checks the WHERE on the row's newest version after waiting for a concurrent
    // claim's lock, so of several instances claiming at once exactly one gets a row back.
    async claim(name, { everyMs, leaseMs, owner, force }) {
      const result = await db.execute(sql`
        UPDATE job_leases
        SET next_run_at = now() + make_interval(secs => ${everyMs / 1000}),
            locked_until = now() + make_interval(secs => ${leaseMs / 1000}),
            locked_by = ${owner},
            last_started_at = now()
        WHERE name = ${name}
          AND (${force} OR next_run_at <= now())
          AND (locked_until IS NULL OR locked_until <= now())
        RETURNING name`);
      return rowsOf(result).length === 1;
    },

    async finish(name, owner, outcome) {
      await db.execute(
        outcome.ok
          ? sql`UPDATE job_leases SET locked_until = NULL, last_succeeded_at = now(), last_duration_ms = ${outcome.durationMs}
                WHERE name = ${name} AND locked_by = ${owner}`
          : sql`UPDATE job_leases SET locked_until = NULL, last_failed_at = now(), last_duration_ms = ${outcome.durationMs},
                  last_error = ${outcome.error}
                WHERE name = ${name} AND locked_by = ${owner}`,
      );
    },
  };
}
