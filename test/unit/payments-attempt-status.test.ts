/**
 * Which status an online payment attempt may take next (attempt-status.ts). The rules, as written there:
 * - an open attempt (created, pending, review) takes any later state: review, paid, failed, canceled, expired, and
 *   pending from created; never created again, never pending once under review, never refunded (nothing was paid);
 * - an ended attempt (failed, canceled, expired) takes only paid: Midtrans may settle a transaction it first denied
 *   on review, and the money must then be recorded; a second ending (deny then expire) changes nothing;
 * - paid takes only refunded; refunded is final.
 * Every other pair (the same status again included) is a late or repeated signal and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { attemptAccepts, attemptStatusOf, isOpenAttempt } from '../../src/store/payments/attempt-status';
import { ATTEMPT_STATUSES, type AttemptStatus, type PaymentSignal } from '../../src/store/payments/types';

/** The whole table, written out: for each current status, the statuses it accepts. */
const ACCEPTS: Record<AttemptStatus, AttemptStatus[]> = {
  created: ['pending', 'review', 'paid', 'failed', 'canceled', 'expired'],
  pending: ['review', 'paid', 'failed', 'canceled', 'expired'],
  review: ['paid', 'failed', 'canceled', 'expired'],
  paid: ['refunded'],
  failed: ['paid'],
  canceled: ['paid'],
  expired: ['paid'],
  refunded: [],
};

describe('attemptAccepts', () => {
  it('knows every status', () => {
    expect(Object.keys(ACCEPTS).sort()).toEqual([...ATTEMPT_STATUSES].sort());
  });

  const pairs = ATTEMPT_STATUSES.flatMap((from) => ATTEMPT_STATUSES.map((to) => [from, to, ACCEPTS[from].includes(to)] as const));
  it.each(pairs)('%s → %s: %s', (from, to, expected) => {
    expect(attemptAccepts(from, to)).toBe(expected);
  });

  it('never repeats a status and never goes back to created', () => {
    for (const s of ATTEMPT_STATUSES) {
      expect(attemptAccepts(s, s)).toBe(false);
      expect(attemptAccepts(s, 'created')).toBe(false);
    }
  });

  it('paid never goes back: not to an open status, not to an ending; only a refund follows it', () => {
    expect(ATTEMPT_STATUSES.filter((s) => attemptAccepts('paid', s))).toEqual(['refunded']);
  });

  it('an ended attempt can still be paid (a late settlement) but not end again', () => {
    for (const ended of ['failed', 'canceled', 'expired'] as const) {
      expect(ATTEMPT_STATUSES.filter((s) => attemptAccepts(ended, s))).toEqual(['paid']);
    }
  });

  it('nothing not paid can be refunded', () => {
    expect(ATTEMPT_STATUSES.filter((s) => attemptAccepts(s, 'refunded'))).toEqual(['paid']);
  });

  it('the accepted moves form no cycle, so any stream of late and repeated signals changes an attempt a bounded number of times', () => {
    const longest = new Map<AttemptStatus, number>();
    const visiting = new Set<AttemptStatus>();
    const depth = (s: AttemptStatus): number => {
      if (visiting.has(s)) throw new Error(`cycle through ${s}`);
      const known = longest.get(s);
      if (known !== undefined) return known;
      visiting.add(s);
      const d = Math.max(0, ...ATTEMPT_STATUSES.filter((n) => attemptAccepts(s, n)).map((n) => 1 + depth(n)));
      visiting.delete(s);
      longest.set(s, d);
      return d;
    };
    // created → pending → review → failed → paid → refunded is the longest possible history.
    expect(depth('created')).toBe(5);
    for (const s of ATTEMPT_STATUSES) expect(() => depth(s)).not.toThrow();
  });
});

describe('isOpenAttempt', () => {
  it('is true for created, pending and review only', () => {
    expect(ATTEMPT_STATUSES.filter((s) => isOpenAttempt(s))).toEqual(['created', 'pending', 'review']);
    expect(isOpenAttempt('whatever')).toBe(false);
  });
});

describe('attemptStatusOf', () => {
  it('names the attempt status of a signal, none for signals that leave the attempt as it is', () => {
    for (const s of ATTEMPT_STATUSES) expect(attemptStatusOf(s)).toBe(s);
    for (const s of ['partial_refund', 'chargeback', 'none'] as PaymentSignal[]) expect(attemptStatusOf(s)).toBeUndefined();
  });
});
