import { describe, expect, it } from 'vitest';
import { checkTransition, nextStatuses, ORDER_STATUSES, type OrderActor, type OrderStatus } from '../../src/store/orders/state-machine';

/** Every move the shop allows, and who may make it; everything else must be refused. */
const ALLOWED: Record<string, OrderActor[]> = {
  'awaiting_payment>paid': ['staff', 'system'],
  'awaiting_payment>cancelled': ['customer', 'staff'],
  'awaiting_payment>expired': ['system'],
  // A verified gateway payment that arrives after the order closed.
  'expired>paid': ['system'],
  'cancelled>paid': ['system'],
  'paid>processing': ['staff'],
  'paid>refunded': ['staff', 'system'],
  'processing>shipped': ['staff'],
  'processing>refunded': ['staff', 'system'],
  'shipped>delivered': ['staff', 'system'],
};
const ACTORS: OrderActor[] = ['customer', 'staff', 'system'];

describe('order state machine', () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]));

  it.each(pairs)('%s → %s is allowed exactly for the listed actors', (from, to) => {
    const allowed = ALLOWED[`${from}>${to}`];
    for (const actor of ACTORS) {
      const result = checkTransition(from, to, actor);
      if (!allowed) expect(result).toEqual({ ok: false, reason: 'invalid' });
      else if (allowed.includes(actor)) expect(result.ok).toBe(true);
      else expect(result).toEqual({ ok: false, reason: 'forbidden' });
    }
  });

  it('gives stock back on cancel, expiry and refund only', () => {
    const releasing = Object.keys(ALLOWED)
      .map((k) => k.split('>') as [OrderStatus, OrderStatus])
      .filter(([from, to]) => {
        const r = checkTransition(from, to, 'staff').ok ? checkTransition(from, to, 'staff') : checkTransition(from, to, 'system');
        return r.ok && r.releasesStock;
      })
      .map(([from, to]) => `${from}>${to}`);
    expect(releasing.sort()).toEqual(['awaiting_payment>cancelled', 'awaiting_payment>expired', 'paid>refunded', 'processing>refunded']);
  });

  it('takes the stock again when a late payment reopens an order', () => {
    expect(checkTransition('expired', 'paid', 'system')).toMatchObject({ ok: true, countsAsSale: true, releasesStock: false });
  });

  it('counts units as sold when paid', () => {
    expect(checkTransition('awaiting_payment', 'paid', 'staff')).toEqual({ ok: true, releasesStock: false, countsAsSale: true });
  });

  it('ends in delivered, cancelled, expired and refunded; only a late verified payment reopens cancelled or expired', () => {
    for (const end of ['delivered', 'cancelled', 'expired', 'refunded'] as const) {
      for (const actor of ['customer', 'staff'] as const) expect(nextStatuses(end, actor)).toEqual([]);
    }
    for (const end of ['delivered', 'refunded'] as const) expect(nextStatuses(end, 'system')).toEqual([]);
    for (const closed of ['cancelled', 'expired'] as const) expect(nextStatuses(closed, 'system')).toEqual(['paid']);
    expect(nextStatuses('awaiting_payment', 'customer')).toEqual(['cancelled']);
  });
});
