/**
 * Asking the providers instead of waiting for them (P3, P4): the background job looks at open
 * attempts whose notification never came and closes payments whose order closed meanwhile, and a
 * customer back from a provider's page gets one look. Every answer goes through the service's
 * `apply()`, so asking twice, or a notification arriving too, changes nothing twice.
 */
import type { OrdersService } from '../orders/service';
import { isOpenAttempt } from './attempt-status';
import type { ProviderSettings } from './provider-settings';
import type { PaymentsRepository } from './repository';
import { type ApplyOutcome, type AttemptRow, GATEWAYS, type Gateway, type VerifiedEvent } from './types';

/** Then again this often, until the attempt ends or is well past its expiry. */
const RECHECK_MS = 30 * 60_000;
/** Stop asking about an attempt this long after it expired. */
const GIVE_UP_AFTER_EXPIRY_MS = 6 * 3_600_000;

export function createStatusChecks(deps: {
  repo: PaymentsRepository;
  hooks: OrdersService['payments'];
  providers: ProviderSettings;
  apply: (event: VerifiedEvent) => Promise<ApplyOutcome>;
  now: () => Date;
  warn: (details: Record<string, unknown>, message: string) => void;
}) {
  const { repo, hooks, apply, now, warn } = deps;

  /** Asks the provider where an attempt stands and applies the answer (same idempotent path). */
  async function check(attempt: AttemptRow): Promise<ApplyOutcome | undefined> {
    if (!isOpenAttempt(attempt.status)) return undefined;
    const provider = await deps.providers.configured(attempt.provider as Gateway);
    if (!provider) return undefined;
    const event = await provider.status(attempt);
    return event ? apply(event) : undefined;
  }

  /**
   * The background job: first close payments whose order closed, then look at open attempts due
   * for a check (missed notifications), each claimed once across instances.
   */
  async function reconcile(limit = 20): Promise<number> {
    let applied = await closeAbandoned(limit);
    const at = now();
    const due = await hooks.inTransaction((tx) => repo.claimDueChecks(tx, at, new Date(at.getTime() + RECHECK_MS), limit));
    for (const attempt of due) {
      if (at.getTime() - attempt.expiresAt.getTime() > GIVE_UP_AFTER_EXPIRY_MS) {
        await hooks.inTransaction((tx) => repo.updateAttempt(tx, attempt.id, { checkAfter: null }));
        continue;
      }
      try {
        if ((await check(attempt)) === 'applied') applied++;
      } catch (error) {
        warn({ provider: attempt.provider, reference: attempt.reference, err: error }, 'payment status check failed');
      }
    }
    return applied;
  }

  /**
   * The order expired or was cancelled while a payment was open: close it at the provider (Stripe
   * sessions live at least 30 minutes, which may outlast a short reservation) and apply the answer.
   * A payment that completed just before still arrives, through the late-payment path.
   */
  async function closeAbandoned(limit = 20): Promise<number> {
    const at = now();
    const ready = await deps.providers.ready();
    const cancellable = GATEWAYS.filter((g) => ready.get(g)?.cancel);
    const abandoned = await hooks.inTransaction((tx) =>
      repo.claimAbandoned(tx, cancellable, new Date(at.getTime() - GIVE_UP_AFTER_EXPIRY_MS), limit),
    );
    let closed = 0;
    for (const attempt of abandoned) {
      try {
        const event = await ready.get(attempt.provider as Gateway)!.cancel!(attempt);
        if (event && (await apply(event)) === 'applied') closed++;
      } catch (error) {
        warn({ provider: attempt.provider, reference: attempt.reference, err: error }, 'closing an abandoned payment failed');
      }
    }
    return closed;
  }

  /** A customer back from the provider's page: look once at the latest open attempt (the webhook may be late). */
  async function confirmOnReturn(orderId: number): Promise<void> {
    const latest = (await repo.attemptsOf(orderId)).at(-1);
    if (!latest || !isOpenAttempt(latest.status)) return;
    try {
      await check(latest);
    } catch (error) {
      warn({ provider: latest.provider, reference: latest.reference, err: error }, 'payment status check on return failed');
    }
  }

  return { reconcile, confirmOnReturn };
}
