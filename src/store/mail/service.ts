/**
 * The email outbox: callers insert a row (in their own transaction if they like); a worker sends
 * due rows. Rows are claimed with FOR UPDATE SKIP LOCKED so several store instances never send
 * the same email twice; a failed send is retried with exponential back-off, so an SMTP outage
 * loses nothing.
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

export interface OutboxWorker {
  /** Wakes the worker now (after enqueueing) instead of at the next tick. */
  poke(): void;
  stop(): Promise<void>;
}

/** Polls the outbox every `intervalMs`; `onTick` runs other light maintenance (expired sessions). */
export function startOutboxWorker(opts: {
  db: StoreExecutor;
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
        // Each on its own: a mail server that is down must not stop the maintenance, nor the reverse.
        await drainOutbox(opts.db, opts.transport).catch((error: unknown) => opts.log?.(error));
        await opts.onTick?.().catch((error: unknown) => opts.log?.(error));
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
