/**
 * The store's background jobs, each at most once per period across all instances (the lease rows
 * of src/lib/jobs.ts). Periods are the most a job may lag; the email outbox also runs at once
 * when an email is queued (`runNow`).
 */
import type { JobDefinition } from '../../lib/jobs';

export const EMAIL_OUTBOX_JOB = 'email outbox';

export interface StoreJobDeps {
  expireOrders(): Promise<number>;
  reconcilePayments(): Promise<number>;
  purgeSessions(): Promise<void>;
  pruneUploads(): Promise<number>;
  /** Adds missing renditions to a few images stored before a width was added; returns how many. */
  completeRenditions(): Promise<number>;
  /** Sends the due emails; returns how many. */
  sendEmails(): Promise<number>;
  /** What a run did, when it did something worth a log line. */
  report(job: string, figures: Record<string, number>): void;
}

export function storeJobs(deps: StoreJobDeps): JobDefinition[] {
  const reported = (job: string, key: string, run: () => Promise<number>) => async () => {
    const count = await run();
    if (count > 0) deps.report(job, { [key]: count });
  };
  return [
    { name: EMAIL_OUTBOX_JOB, everyMs: 5_000, run: reported(EMAIL_OUTBOX_JOB, 'sent', deps.sendEmails) },
    // Unpaid orders past their deadline give their stock back.
    { name: 'expire orders', everyMs: 30_000, run: reported('expire orders', 'expired', deps.expireOrders) },
    // Online payments whose notification never came, or whose order closed: ask the provider.
    { name: 'reconcile payments', everyMs: 60_000, run: reported('reconcile payments', 'changed', deps.reconcilePayments) },
    { name: 'purge sessions', everyMs: 10 * 60_000, run: deps.purgeSessions },
    { name: 'prune uploads', everyMs: 15 * 60_000, run: reported('prune uploads', 'removed', deps.pruneUploads) },
    // Images stored before a rendition width was added get it, a few a minute (media/renditions.ts).
    {
      name: 'complete image renditions',
      everyMs: 60_000,
      run: reported('complete image renditions', 'completed', deps.completeRenditions),
    },
  ];
}
