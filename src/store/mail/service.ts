/**
 * The email outbox: callers insert a row (in their own transaction if they like); the scheduler's
 * "email outbox" job (src/store/jobs/schedule.ts) sends due rows. Rows are claimed with FOR UPDATE
 * SKIP LOCKED so several store instances never send the same email twice; a failed send is retried
 * with exponential back-off, so an SMTP outage loses nothing.
 */
import type { StoreExecutor } from '../../db/store-db';
import type { MailTransport, OutgoingEmail } from '../../lib/mail/transport';
import { createOutboxRepository } from './outbox-repository';

export const MAX_ATTEMPTS = 8;

export function retryDelaySeconds(attempts: number): number {
  // 30 s, 1 min, 2 min, … capped at 1 h.
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}

/** Queues an email; pass a transaction to queue it with the change it reports (it is sent only if that commits). */
export async function enqueueEmail(db: StoreExecutor, email: OutgoingEmail): Promise<void> {
  await createOutboxRepository(db).enqueue(email);
}

/** Sends every due email once; returns how many were sent. Tests call it directly. */
export async function drainOutbox(db: StoreExecutor, transport: MailTransport, batchSize = 20): Promise<number> {
  const outbox = createOutboxRepository(db);
  let sent = 0;
  for (;;) {
    const claimed = await outbox.claimDue(batchSize);
    if (claimed.length === 0) return sent;
    for (const row of claimed) {
      try {
        await transport.send({ to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
        await outbox.markSent(row.id);
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await outbox.markFailed(row.id, message, row.attempts >= MAX_ATTEMPTS, retryDelaySeconds(row.attempts));
      }
    }
    if (claimed.length < batchSize) return sent;
  }
}
