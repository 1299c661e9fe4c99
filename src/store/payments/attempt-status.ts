/**
 * Attempt statuses only move forward: a late "pending" after "paid", or an "expire" after a
 * "settlement", changes nothing. Final failures (failed, canceled, expired) may still become paid
 * (Midtrans can settle a transaction it first denied on review), and paid may become refunded.
 */
import type { AttemptStatus, PaymentSignal } from './types';

const OPEN: ReadonlySet<AttemptStatus> = new Set(['created', 'pending', 'review']);
const ENDED: ReadonlySet<AttemptStatus> = new Set(['failed', 'canceled', 'expired']);

/** Whether an attempt in `current` takes `next`; anything else is a late or repeated signal. */
export function attemptAccepts(current: AttemptStatus, next: AttemptStatus): boolean {
  if (current === next) return false;
  if (OPEN.has(current)) {
    if (next === 'created') return false;
    if (current === 'review' && next === 'pending') return false;
    return next !== 'refunded';
  }
  if (ENDED.has(current)) return next === 'paid';
  if (current === 'paid') return next === 'refunded';
  return false;
}

export const isOpenAttempt = (status: string): boolean => OPEN.has(status as AttemptStatus);

/** The attempt status a signal asks for, if it names one. */
export function attemptStatusOf(signal: PaymentSignal): AttemptStatus | undefined {
  return signal === 'partial_refund' || signal === 'chargeback' || signal === 'none' ? undefined : signal;
}
