/**
 * The email outbox: callers insert a row (in their own transaction if they like); a worker sends
 * due rows. Rows are claimed with FOR UPDATE SKIP LOCKED so several store instances never send
 * the same email twice; a failed send is retried with exponential back-off, so an SMTP outage
 * loses nothing.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import { emailOutbox } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { MailTransport, OutgoingEmail } from './transport';

export const MAX_ATTEMPTS = 8;
/** A row stuck in `sending` this long (instance crashed mid-send) is claimable again. */
const STALE_SENDING_SECONDS = 300;

export function retryDelaySeconds(attempts: number): number {
  // 30 s, 1 min, 2 min, … capped at 1 h.
  return Math.min(30 * 2 ** (attempts - 1), 3600);
}

export async function enqueueEmail(db: StoreDb, email: OutgoingEmail): Promise<void> {
  await db.insert(emailOutbox).values({ toAddress: email.to, subject: email.subject, textBody: email.text, htmlBody: email.html });
}

interface ClaimedRow {
  id: number;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

/** Sends every due email once; returns how many were sent. Tests call it directly. */
export async function drainOutbox(db: StoreDb, transport: MailTransport, batchSize = 20): Promise<number> {
  let sent = 0;
  for (;;) {
    const claimed = rowsOf<ClaimedRow>(
      await db.execute(sql`
        UPDATE email_outbox SET status = 'sending', attempts = attempts + 1,
               next_attempt_at = now() + make_interval(secs => ${STALE_SENDING_SECONDS})
        WHERE id IN (
          SELECT id FROM email_outbox
          WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
          ORDER BY id LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, html_body, attempts`),
    );
    if (claimed.length === 0) return sent;
    for (const row of claimed) {
      try {
        await transport.send({ to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
        await db.execute(sql`UPDATE ${emailOutbox} SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = ${row.id}`);
        sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const failed = row.attempts >= MAX_ATTEMPTS;
        await db.execute(sql`
          UPDATE ${emailOutbox} SET status = ${failed ? 'failed' : 'pending'}, last_error = ${message.slice(0, 1000)},
                 next_attempt_at = now() + make_interval(secs => ${retryDelaySeconds(row.attempts)})
          WHERE id = ${row.id}`);
      }
    }
    if (claimed.length < batchSize) return sent;
  }
}

export interface OutboxWorker {
  /** Wakes the worker now (after enqueueing) instead of at the next tick. */
  poke(): void;
  stop(): Promise<void>;
}

/** Polls the outbox every `intervalMs`; `onTick` runs other light maintenance (expired sessions). */
export function startOutboxWorker(opts: {
  db: StoreDb;
  transport: MailTransport;
  intervalMs?: number;
  log?: (error: unknown) => void;
  onTick?: () => Promise<void>;
}): OutboxWorker {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = (async () => {
      try {
        await drainOutbox(opts.db, opts.transport);
        await opts.onTick?.();
      } catch (error) {
        opts.log?.(error);
      } finally {
        running = undefined;
      }
    })();
  };
  const timer = setInterval(tick, opts.intervalMs ?? 5_000);
  timer.unref();
  return {
    poke: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      opts.transport.close();
    },
  };
}
