/** What the metrics read from the database when scraped. */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb } from '../../db/store-db';
import type { JobLag, OutboxFigures } from './registry';

export function createMetricsRepository(db: StoreDb) {
  return {
    /** The email outbox: how many wait, and how long the oldest has (one index range on status). */
    async outbox(): Promise<OutboxFigures> {
      const [row] = rowsOf<{ pending: number | string; oldest: number | string | null }>(
        await db.execute(sql`
          SELECT count(*) AS pending, extract(epoch FROM now() - min(created_at)) AS oldest
          FROM email_outbox WHERE status = 'pending'`),
      );
      return { pending: Number(row?.pending ?? 0), oldestSeconds: Math.max(0, Number(row?.oldest ?? 0)) };
    },

    /** Each scheduled job: seconds since its last success (since it was first scheduled, if never). */
    async jobs(): Promise<JobLag[]> {
      const rows = rowsOf<{ name: string; seconds: number | string }>(
        await db.execute(sql`
          SELECT name, extract(epoch FROM now() - coalesce(last_succeeded_at, registered_at)) AS seconds
          FROM job_leases ORDER BY name`),
      );
      return rows.map((r) => ({ name: r.name, secondsSinceSuccess: Math.max(0, Number(r.seconds)) }));
    },
  };
}
