/**
 * Online payments (P3, P4, P7): starting an attempt, and the ONE function that applies a verified
 * provider event (`apply`). It stores the event under its unique (provider, event key) in the same
 * transaction as everything it changes, checks the amount in whole rupiah, moves the attempt only
 * forward and the order only through the orders' `transition()` — so duplicates, replays, races and
 * late deliveries change nothing twice. Webhooks, reconciliation, return pages and refunds all end
 * here.
 */
import type { StoreTx } from '../../db/store-db';
import { type AuditActor, recordAudit, SYSTEM_ACTOR } from '../audit/record';
import type { OrdersService } from '../orders/service';
import { OrderTransitionError } from '../orders/state-machine';
import type { OrderRow } from '../orders/types';
import { attemptAccepts, attemptStatusOf, isOpenAttempt } from './attempt-status';
import type { ProviderSettings } from './provider-settings';
import { createStatusChecks } from './status-checks';
import type { PaymentsRepository } from './repository';
import {
  type ApplyOutcome,
  type AttemptRow,
  PaymentRefused,
  type AttemptStatus,
  type Gateway,
  ProviderUnavailable,
  type VerifiedEvent,
} from './types';

export { type ApplyOutcome, PaymentRefused } from './types';

/** First look at a still-open attempt this long after it started (a notification should have come). */
const FIRST_CHECK_MS = 10 * 60_000;

export interface PaymentsServiceDeps {
  repo: PaymentsRepository;
  orders: Pick<OrdersService, 'payments'>;
  providers: ProviderSettings;
  clock?: () => Date;
  /** Warnings worth a log line (an amount that does not match, a provider that did not answer). */
  warn?: (details: Record<string, unknown>, message: string) => void;
}

type Move = Parameters<Parameters<OrdersService['payments']['inTransaction']>[0]>[1];

/** Thrown inside apply's transaction to roll it back and record "refund needed" instead. */
class CannotKeepPayment extends Error {}

export function createPaymentsService(deps: PaymentsServiceDeps) {
  const { repo } = deps;
  const hooks = deps.orders.payments;
  const now = deps.clock ?? (() => new Date());
  const warn = deps.warn ?? (() => {});

  /** The attempt reference: the order number for the first try, `HR-…-2` after (Midtrans pays an order_id once). */
  const referenceFor = (order: OrderRow, seq: number) => (seq === 1 ? order.number : `${order.number}-${seq}`);

  async function flag(tx: StoreTx, order: OrderRow, flagName: 'refund_needed' | 'chargeback', event: VerifiedEvent, actor: AuditActor) {
    await hooks.setFlag(tx, order.id, flagName);
    await recordAudit(tx, actor, {
      action: flagName === 'refund_needed' ? 'payment.refund_needed' : 'payment.chargeback',
      subject: { type: 'order', id: order.number, label: order.number },
      before: { status: order.status, paymentFlag: order.paymentFlag },
      after: { paymentFlag: flagName, provider: event.provider, event: event.kind, amount: event.amount ?? null },
    });
  }

  /**
   * Applies one verified event. `actor` names a person for the audit log when one caused it (a
   * refund from the back office); provider events are the system.
   */
  async function apply(event: VerifiedEvent, actor: AuditActor = SYSTEM_ACTOR): Promise<ApplyOutcome> {
    // Most repeats are answered here, without waiting for the attempt's lock behind the first copy.
    if (await repo.hasEvent(event.provider, event.eventKey)) return 'duplicate';
    try {
      return await hooks.inTransaction(async (tx, move) =>
        applyLocked(tx, move, await repo.lockAttempt(tx, event.provider, event), event, actor),
      );
    } catch (error) {
      if (!(error instanceof CannotKeepPayment)) throw error;
      // The money arrived for units that were sold meanwhile: keep the event, mark the attempt paid
      // and flag the order for a refund, in a transaction of its own (the move's was rolled back).
      return hooks.inTransaction(async (tx) => {
        const attempt = (await repo.lockAttempt(tx, event.provider, event))!;
        const eventId = await repo.insertEvent(tx, {
          provider: event.provider,
          eventKey: event.eventKey,
          attemptId: attempt.id,
          orderId: attempt.orderId,
          kind: event.kind,
          source: event.source,
          outcome: 'refund_needed',
          payload: event.payload ?? {},
        });
        if (eventId === undefined) return 'duplicate';
        await repo.updateAttempt(tx, attempt.id, attemptPatch(event, 'paid'));
        await flag(tx, (await hooks.lock(tx, attempt.orderId))!, 'refund_needed', event, actor);
        return 'refund_needed';
      });
    }
  }

  /** Stores the event and acts on it, with its attempt (if any) locked by this transaction. */
  async function applyLocked(tx: StoreTx, move: Move, attempt: AttemptRow | undefined, event: VerifiedEvent, actor: AuditActor) {
    const eventId = await repo.insertEvent(tx, {
      provider: event.provider,
      eventKey: event.eventKey,
      attemptId: attempt?.id ?? null,
      orderId: attempt?.orderId ?? null,
      kind: event.kind,
      source: event.source,
      outcome: 'received',
      payload: event.payload ?? {},
    });
    if (eventId === undefined) return 'duplicate';
    const outcome: ApplyOutcome = attempt ? await decide(tx, move, attempt, event, actor) : 'unknown_attempt';
    await repo.setEventOutcome(tx, eventId, outcome);
    return outcome;
  }

  const hasNews = (attempt: AttemptRow, event: VerifiedEvent) =>
    (!!event.instructions?.length && JSON.stringify(event.instructions) !== JSON.stringify(attempt.instructions ?? [])) ||
    (!!event.channel && event.channel !== attempt.channel);

  function attemptPatch(event: VerifiedEvent, status: AttemptStatus) {
    return {
      status,
      ...(event.channel ? { channel: event.channel } : {}),
      ...(event.instructions && event.instructions.length > 0 ? { instructions: event.instructions } : {}),
      ...(event.paymentRef ? { paymentRef: event.paymentRef } : {}),
      ...(isOpenAttempt(status) ? {} : { checkAfter: null }),
    };
  }

  async function decide(tx: StoreTx, move: Move, attempt: AttemptRow, event: VerifiedEvent, actor: AuditActor): Promise<ApplyOutcome> {
    const order = (await hooks.lock(tx, attempt.orderId))!;
    if (event.signal === 'chargeback') {
      await flag(tx, order, 'chargeback', event, actor);
      return 'flagged';
    }
    if (event.signal === 'partial_refund') return 'recorded';
    const next = attemptStatusOf(event.signal);
    if (!next) return 'ignored';
    // Never mark paid for a different sum: a tampered or mistaken amount is kept for staff to see.
    if (next === 'paid' && event.amount !== attempt.amount) {
      warn(
        { provider: event.provider, reference: attempt.reference, expected: attempt.amount, got: event.amount },
        'payment amount mismatch',
      );
      return 'amount_mismatch';
    }
    if (!attemptAccepts(attempt.status as AttemptStatus, next)) {
      // Same status with news (the virtual account number of a payment already pending): keep it.
      if (next === attempt.status && hasNews(attempt, event)) {
        await repo.updateAttempt(tx, attempt.id, attemptPatch(event, next));
        return 'recorded';
      }
      return 'ignored';
    }
    await repo.updateAttempt(tx, attempt.id, attemptPatch(event, next));

    const input = { userId: actor.id, auditActor: actor, note: `${event.provider} ${attempt.reference}: ${event.kind}` };
    if (next === 'paid') {
      if (order.status === 'awaiting_payment') {
        await move(order.id, 'paid', 'system', input);
        return 'applied';
      }
      if (order.status === 'expired' || order.status === 'cancelled') {
        try {
          await move(order.id, 'paid', 'system', input);
          return 'applied';
        } catch (error) {
          if (error instanceof OrderTransitionError && error.reason === 'unavailable') throw new CannotKeepPayment();
          throw error;
        }
      }
      // Paid already through another attempt (or refunded): this second payment must go back.
      await flag(tx, order, 'refund_needed', event, actor);
      return 'refund_needed';
    }
    if (next === 'review') return 'review';
    if (next === 'refunded') {
      if (order.status === 'paid' || order.status === 'processing') {
        // The provider's confirmed refund moves the order (staff may not refund online money by hand);
        // the audit entry still names the staff member who asked for it.
        await move(order.id, 'refunded', 'system', input);
      }
      return 'applied';
    }
    return 'applied';
  }

  /** Gateways checkout may offer now. */
  async function available(): Promise<Gateway[]> {
    return [...(await deps.providers.ready()).keys()];
  }

  /**
   * Starts (or resumes) paying an order online: an open attempt with the same provider is reused
   * while it lasts; otherwise a new attempt is made and the provider asked for its page. Returns
   * where to send the customer, and the provider's id of the payment (Midtrans: the Snap token a
   * popup opens). The order must still be awaiting payment within its reservation.
   */
  async function start(orderId: number, gateway: Gateway, returnUrl: string): Promise<{ redirectUrl: string; externalId: string }> {
    const provider = (await deps.providers.ready()).get(gateway);
    if (!provider) throw new PaymentRefused('unavailable');
    const at = now();
    const prepared = await hooks.inTransaction(async (tx) => {
      const order = await hooks.lock(tx, orderId);
      if (order?.status !== 'awaiting_payment') throw new PaymentRefused('status');
      if (order.expiresAt.getTime() <= at.getTime()) throw new PaymentRefused('expired');
      const attempts = await repo.attemptsOf(orderId, tx);
      if (attempts.some((a) => a.status === 'review' || a.status === 'paid')) throw new PaymentRefused('inProgress');
      const reusable = attempts.find((a) => a.provider === gateway && isOpenAttempt(a.status) && a.redirectUrl && a.expiresAt > at);
      if (reusable?.redirectUrl && reusable.externalId) {
        return { reuse: { redirectUrl: reusable.redirectUrl, externalId: reusable.externalId } as const };
      }
      if (order.paymentMethod !== gateway) await hooks.setMethod(tx, orderId, gateway);
      const seq = await repo.nextSeq(tx, orderId);
      const attempt = await repo.insertAttempt(tx, {
        orderId,
        provider: gateway,
        seq,
        reference: referenceFor(order, seq),
        amount: order.total,
        expiresAt: order.expiresAt,
        checkAfter: new Date(at.getTime() + FIRST_CHECK_MS),
      });
      return { order, attempt, items: await hooks.items(orderId, tx) };
    });
    if ('reuse' in prepared && prepared.reuse) return prepared.reuse;
    if ('reuse' in prepared) throw new PaymentRefused('status');
    const { order, attempt, items } = prepared;
    try {
      const started = await provider.start({
        order,
        items,
        attempt: { reference: attempt.reference, seq: attempt.seq, amount: attempt.amount, expiresAt: attempt.expiresAt },
        returnUrl,
        now: at,
      });
      await hooks.inTransaction((tx) =>
        repo.updateAttempt(tx, attempt.id, { externalId: started.externalId, redirectUrl: started.redirectUrl, status: 'pending' }),
      );
      return started;
    } catch (error) {
      warn({ provider: gateway, reference: attempt.reference, err: error }, 'payment could not be started');
      await hooks.inTransaction((tx) => repo.updateAttempt(tx, attempt.id, { status: 'failed', checkAfter: null }));
      throw error instanceof ProviderUnavailable
        ? error
        : new ProviderUnavailable('the provider did not start the payment', { cause: error });
    }
  }

  /**
   * The customer switches an unpaid order to bank transfer (a card declined, no e-wallet at hand).
   * Refused while a payment is under review or already in: that money would have to go back.
   */
  async function chooseBankTransfer(orderId: number): Promise<void> {
    const at = now();
    await hooks.inTransaction(async (tx) => {
      const order = await hooks.lock(tx, orderId);
      if (order?.status !== 'awaiting_payment') throw new PaymentRefused('status');
      if (order.expiresAt.getTime() <= at.getTime()) throw new PaymentRefused('expired');
      const attempts = await repo.attemptsOf(orderId, tx);
      if (attempts.some((a) => a.status === 'review' || a.status === 'paid')) throw new PaymentRefused('inProgress');
      if (order.paymentMethod !== 'bank_transfer') await hooks.setMethod(tx, orderId, 'bank_transfer');
    });
  }

  const checks = createStatusChecks({ repo, hooks, providers: deps.providers, apply, now, warn });

  /**
   * Staff refund a paid online order in full: the provider gives the money back, then the answer
   * is applied (order refunded through `transition()`: stock back, audit entry). A provider that
   * refuses leaves the order as it was.
   */
  async function refund(orderId: number, actor: AuditActor): Promise<ApplyOutcome> {
    const order = await hooks.find(orderId);
    if (!order || (order.status !== 'paid' && order.status !== 'processing')) throw new PaymentRefused('status');
    const paid = (await repo.attemptsOf(orderId)).find((a) => a.status === 'paid');
    if (!paid) throw new PaymentRefused('noPayment');
    const provider = await deps.providers.configured(paid.provider as Gateway);
    if (!provider) throw new PaymentRefused('unavailable');
    // The attempt stays locked while the provider gives the money back: its own notification of the
    // refund waits behind this transaction, so the refund is recorded once, as the person's.
    return hooks.inTransaction(async (tx, move) => {
      const attempt = await repo.lockAttempt(tx, paid.provider, { reference: paid.reference });
      if (attempt?.status !== 'paid') throw new PaymentRefused('noPayment');
      const event = await provider.refund(attempt, attempt.amount, `Refund of order ${order.number}`);
      return applyLocked(tx, move, attempt, { ...event, reference: attempt.reference }, actor);
    });
  }

  return {
    apply,
    available,
    start,
    chooseBankTransfer,
    reconcile: checks.reconcile,
    confirmOnReturn: checks.confirmOnReturn,
    refund,
    /** The order's attempts and provider events (raw payloads included), for the back office. */
    async forOrder(orderId: number) {
      const [attempts, events] = await Promise.all([repo.attemptsOf(orderId), repo.eventsOf(orderId)]);
      return { attempts, events };
    },
    latestAttempt: async (orderId: number) => (await repo.attemptsOf(orderId)).at(-1),
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;

// The back office's side (provider settings, connection test) lives in admin.ts; other areas reach it here.
export { createPaymentsAdmin, type PaymentsAdmin } from './admin';
