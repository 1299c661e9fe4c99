/**
 * A1 dashboard rules: which statuses count as a sale, WIB day and month boundaries, the 30 days
 * of the chart, the service gathering its figures (a dead chat service is "offline", never an
 * error), and the store's chat client giving up after its timeout.
 */
import { describe, expect, it } from 'vitest';
import { signChatServiceToken, verifyChatServiceToken, verifyChatToken, signChatToken } from '../../src/lib/chat-tokens';
import { wibDayStart, wibIsoDate, wibMonthStart } from '../../src/lib/time';
import { COUNTS_AS_SALE, LIFECYCLE } from '../../src/store/orders/state-machine';
import { createChatStatsClient } from '../../src/store/chat/stats-client';
import { createDashboardService, fillDays } from '../../src/store/reports/service';

const SECRET = 'unit-test-secret-'.padEnd(40, 'x');

describe('sales vocabulary', () => {
  it('counts paid, processing, shipped and delivered orders as sales', () => {
    expect([...COUNTS_AS_SALE].sort()).toEqual(['delivered', 'paid', 'processing', 'shipped']);
  });

  it('agrees with the lifecycle: a sale starts on payment and stops on refund only', () => {
    for (const edge of LIFECYCLE) {
      if (edge.sale === 1) expect(COUNTS_AS_SALE.has(edge.to)).toBe(true);
      if (edge.sale === -1) expect(COUNTS_AS_SALE.has(edge.to)).toBe(false);
      // Moving between two sale statuses never changes the count; leaving one for a non-sale refunds.
      if (edge.from && COUNTS_AS_SALE.has(edge.from) && COUNTS_AS_SALE.has(edge.to)) expect(edge.sale).toBeUndefined();
    }
  });
});

describe('WIB boundaries', () => {
  it('starts the day at midnight WIB (17:00 UTC the day before)', () => {
    expect(wibDayStart(new Date('2026-12-02T16:59:00Z')).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(wibDayStart(new Date('2026-12-02T17:00:00Z')).toISOString()).toBe('2026-12-02T17:00:00.000Z');
    expect(wibDayStart(new Date('2026-12-03T10:00:00Z'), 1).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(wibDayStart(new Date('2026-03-01T10:00:00Z'), -1).toISOString()).toBe('2026-02-27T17:00:00.000Z');
  });

  it('starts the month on the 1st at midnight WIB', () => {
    expect(wibMonthStart(new Date('2026-11-30T17:30:00Z')).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(wibMonthStart(new Date('2026-11-30T16:30:00Z')).toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(wibIsoDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
  });

  it('fills the 30 days ending today, oldest first', () => {
    const days = fillDays(new Date('2026-12-03T10:00:00Z'), 30, [{ date: '2026-12-01', orders: 2, amount: 5000 }]);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ date: '2026-11-04', orders: 0, amount: 0 });
    expect(days[27]).toEqual({ date: '2026-12-01', orders: 2, amount: 5000 });
    expect(days[29]!.date).toBe('2026-12-03');
  });
});

function fakeRepo() {
  const calls: string[] = [];
  const periods: Array<{ from: Date; to: Date }> = [];
  const answer =
    <T>(name: string, value: T) =>
    async () => {
      calls.push(name);
      return value;
    };
  return {
    calls,
    periods,
    repo: {
      totals: answer('totals', { activeProducts: 3, orders: 4, customers: 5 }),
      sales: async (p: { from: Date; to: Date }) => {
        periods.push(p);
        return answer('sales', { orders: 1, amount: 1000 })();
      },
      dailySales: answer('daily', [{ date: '2026-12-03', orders: 1, amount: 1000 }]),
      ordersByStatus: answer('status', [{ status: 'paid' as const, count: 1 }]),
      recentOrders: (limit: number) => answer(`recent:${limit}`, [])(),
      bestSellers: (_p: unknown, limit: number) => answer(`best:${limit}`, [])(),
      lowStock: (limit: number) => answer(`low:${limit}`, { products: [], total: 0 })(),
    },
  };
}

describe('dashboard service', () => {
  const now = new Date('2026-12-03T10:00:00Z');

  it('asks for today and this month in WIB, all at once', async () => {
    const fake = fakeRepo();
    const service = createDashboardService({ repo: fake.repo, chatStats: async () => ({ waiting: 2, open: 3 }), clock: () => now });
    const overview = await service.overview();
    expect(fake.calls.sort()).toEqual(['best:5', 'daily', 'low:8', 'recent:8', 'sales', 'sales', 'status', 'totals']);
    expect(fake.periods.map((p) => [p.from.toISOString(), p.to.toISOString()])).toEqual([
      ['2026-12-02T17:00:00.000Z', '2026-12-03T17:00:00.000Z'],
      ['2026-11-30T17:00:00.000Z', '2026-12-03T17:00:00.000Z'],
    ]);
    expect(overview.chat).toEqual({ waiting: 2, open: 3 });
    expect(overview.daily).toHaveLength(30);
    expect(overview.daily[29]).toEqual({ date: '2026-12-03', orders: 1, amount: 1000 });
  });

  it('shows the chat as offline when its figures fail', async () => {
    const service = createDashboardService({ repo: fakeRepo().repo, chatStats: () => Promise.reject(new Error('down')), clock: () => now });
    expect((await service.overview()).chat).toBeNull();
  });
});

describe('chat service tokens and client', () => {
  it('tells service tokens and people apart', async () => {
    const service = await signChatServiceToken(SECRET);
    expect(await verifyChatServiceToken(service, SECRET)).toBe(true);
    expect(await verifyChatServiceToken(service, 'other-secret'.padEnd(40, 'x'))).toBe(false);
    // A service token opens no socket, and a staff token reads no figures.
    expect(await verifyChatToken(service, SECRET)).toBeNull();
    expect(await verifyChatServiceToken(await signChatToken({ sub: 'user:1', role: 'staff', name: 'S' }, SECRET), SECRET)).toBe(false);
  });

  it('gives up after its timeout and when the chat service is unreachable', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const started = Date.now();
    expect(await createChatStatsClient({ chatUrl: 'http://chat', secret: SECRET, timeoutMs: 50, fetch: hanging })()).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
    const refused: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    expect(await createChatStatsClient({ chatUrl: 'http://chat', secret: SECRET, fetch: refused })()).toBeNull();
    const wrongShape: typeof fetch = async () => new Response(JSON.stringify({ waiting: 'many' }), { status: 200 });
    expect(await createChatStatsClient({ chatUrl: 'http://chat', secret: SECRET, fetch: wrongShape })()).toBeNull();
  });

  it('sends the service token to the stats path', async () => {
    let seen: { url: string; auth: string | null } | undefined;
    const ok: typeof fetch = async (url, init) => {
      seen = { url: String(url), auth: new Headers(init?.headers).get('authorization') };
      return new Response(JSON.stringify({ waiting: 1, open: 4 }), { status: 200 });
    };
    expect(await createChatStatsClient({ chatUrl: 'http://chat:3001', secret: SECRET, fetch: ok })()).toEqual({ waiting: 1, open: 4 });
    expect(seen?.url).toBe('http://chat:3001/api/stats');
    expect(await verifyChatServiceToken(seen?.auth?.replace('Bearer ', ''), SECRET)).toBe(true);
  });
});
