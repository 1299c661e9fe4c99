/** The email outbox's queries: enqueue (in the caller's transaction when given), claim due rows, record the result. */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import { emailOutbox } from '../../db/schema';
import type { StoreExecutor } from '../../db/store-db';
import type { OutgoingEmail } from '../../lib/mail/transport';

export interface ClaimedEmail {
  id: number;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

/** A row stuck in `sending` this long (instance crashed mid-send) is claimable again. */
const STALE_SENDING_SECONDS = 300;

export function createOutboxRepository(db: StoreExecutor) {
  return {
    async enqueue(email: OutgoingEmail, tx: StoreExecutor = db): Promise<void> {
      await tx.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, textBody: email.text, htmlBody: email.html });
    },

    /** Claims up to `limit` due rows; rows another instance is claiming are skipped. */
    async claimDue(limit: number): Promise<ClaimedEmail[]> {
      return rowsOf<ClaimedEmail>(
        await db.execute(sql`
          UPDATE email_outbox SET status = 'sending', attempts = attempts + 1,
                 next_attempt_at = now() + make_interval(secs => ${STALE_SENDING_SECONDS})
          WHERE id IN (
            SELECT id FROM email_outbox
            WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
            ORDER BY id LIMIT ${limit}
            FOR UPDATE SKIP LOCKED)
          RETURNING id, to_address, subject, text_body, html_body, attempts`),
      );
    },

    async markSent(id: number): Promise<void> {
      await db.execute(sql`UPDATE ${emailOutbox} SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ${id}`);
    },

    async markFailed(id: number, error: string, final: boolean, retryInSeconds: number): Promise<void> {
      await db.execute(sql`
        UPDATE ${emailOutbox} SET status = ${final ? 'failed' : 'pending'}, last_error = ${error.slice(0, 1000)},
               next_attempt_at = now() + make_interval(secs => ${retryInSeconds})
        WHERE id = ${id}`);
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
