/** A10 report ranges: WIB boundaries, defaults and quick ranges, bad input per field, the 5-year cap, week and month buckets. */
import { describe, expect, it } from 'vitest';
import { fillBuckets } from '../../src/store/reports/service';
import { bucketStart, bucketStarts, parseRange, quickRange, rangeQuery } from '../../src/store/reports/schema';

/** Thursday 3 December 2026, 00:30 WIB (2 Dec 17:30 UTC): already "today" in Jakarta, still yesterday in UTC. */
const NOW = new Date('2026-12-02T17:30:00Z');

describe('report range', () => {
  it('defaults to this month so far in WIB, by day', () => {
    const parsed = parseRange({}, NOW);
    expect(parsed.ok && parsed.range).toMatchObject({ from: '2026-12-01', to: '2026-12-03', per: 'hari' });
  });

  it('runs from WIB midnight of the first day to WIB midnight after the last', () => {
    const parsed = parseRange({ dari: '2026-11-01', sampai: '2026-11-30', per: 'minggu' }, NOW);
    if (!parsed.ok) throw new Error('should parse');
    expect(parsed.range.period.from.toISOString()).toBe('2026-10-31T17:00:00.000Z');
    expect(parsed.range.period.to.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('refuses malformed and impossible dates on their own field, keeping the values', () => {
    const parsed = parseRange({ dari: '2026-02-30', sampai: '3 Des', per: 'hari' }, NOW);
    expect(parsed).toEqual({
      ok: false,
      values: { dari: '2026-02-30', sampai: '3 Des', per: 'hari' },
      errors: { dari: 'reports.error.date', sampai: 'reports.error.date' },
    });
  });

  it('refuses an end before the start and an unknown grouping', () => {
    const parsed = parseRange({ dari: '2026-12-03', sampai: '2026-12-02', per: 'jam' }, NOW);
    expect(!parsed.ok && parsed.errors).toEqual({ sampai: 'reports.error.order', per: 'reports.error.per' });
  });

  it('accepts exactly five years and refuses one day more', () => {
    expect(parseRange({ dari: '2021-03-01', sampai: '2026-02-28' }, NOW).ok).toBe(true);
    const over = parseRange({ dari: '2021-03-01', sampai: '2026-03-01' }, NOW);
    expect(!over.ok && over.errors).toEqual({ sampai: 'reports.error.tooLong' });
    // From a leap day, five years later there is no 29 February: the range ends on the 28th.
    expect(parseRange({ dari: '2024-02-29', sampai: '2029-02-28' }, NOW).ok).toBe(true);
    expect(parseRange({ dari: '2024-02-29', sampai: '2029-03-01' }, NOW).ok).toBe(false);
  });

  it('offers quick ranges in WIB', () => {
    expect(quickRange('today', NOW)).toEqual({ from: '2026-12-03', to: '2026-12-03', per: 'hari' });
    expect(quickRange('week', NOW)).toEqual({ from: '2026-11-27', to: '2026-12-03', per: 'hari' });
    expect(quickRange('lastMonth', NOW)).toEqual({ from: '2026-11-01', to: '2026-11-30', per: 'hari' });
    expect(quickRange('year', NOW)).toEqual({ from: '2026-01-01', to: '2026-12-03', per: 'bulan' });
    expect(quickRange('lastMonth', new Date('2026-01-15T00:00:00Z'))).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(rangeQuery(quickRange('today', NOW))).toBe('dari=2026-12-03&sampai=2026-12-03&per=hari');
  });

  it('groups weeks from Monday and months from the 1st', () => {
    expect(bucketStart('2026-12-03', 'minggu')).toBe('2026-11-30'); // a Thursday → its Monday
    expect(bucketStart('2026-11-30', 'minggu')).toBe('2026-11-30');
    expect(bucketStart('2026-12-06', 'minggu')).toBe('2026-11-30'); // Sunday ends the week
    expect(bucketStart('2026-12-07', 'minggu')).toBe('2026-12-07');
    expect(bucketStarts({ from: '2026-11-25', to: '2026-12-08', per: 'minggu' })).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(bucketStarts({ from: '2025-12-31', to: '2026-02-01', per: 'bulan' })).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(bucketStarts({ from: '2026-02-27', to: '2026-03-01', per: 'hari' })).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('fills buckets without sales with zero', () => {
    const filled = fillBuckets({ from: '2026-11-25', to: '2026-12-08', per: 'minggu' }, [{ start: '2026-11-30', orders: 2, amount: 5000 }]);
    expect(filled).toEqual([
      { start: '2026-11-23', orders: 0, amount: 0 },
      { start: '2026-11-30', orders: 2, amount: 5000 },
      { start: '2026-12-07', orders: 0, amount: 0 },
    ]);
  });
});
