import { describe, expect, it } from 'vitest';
import type { OpeningPeriod } from '../../src/lib/time';
import { storeHours, storeStatus } from '../../src/store/store-page/service';

const weekdays: OpeningPeriod[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:30', close: '18:00' }));
const hours: OpeningPeriod[] = [...weekdays, { day: 6, open: '09:30', close: '17:00' }];
/** A moment given in WIB (UTC+7). */
const wib = (local: string) => new Date(`${local}+07:00`);

describe('storeStatus', () => {
  it('open during a period, with its closing time', () => {
    expect(storeStatus(hours, wib('2026-11-25T10:00'))).toEqual({ open: true, closesAt: '18:00' });
    expect(storeStatus(hours, wib('2026-11-25T09:30'))).toEqual({ open: true, closesAt: '18:00' });
  });

  it('closed at closing time; next opening tomorrow', () => {
    expect(storeStatus(hours, wib('2026-11-25T18:00'))).toEqual({ open: false, nextOpening: { day: 4, time: '09:30', inDays: 1 } });
  });

  it('before opening: opens later today', () => {
    expect(storeStatus(hours, wib('2026-11-25T07:00'))).toEqual({ open: false, nextOpening: { day: 3, time: '09:30', inDays: 0 } });
  });

  it('Saturday evening and Sunday: next opening is Monday', () => {
    expect(storeStatus(hours, wib('2026-11-28T17:30'))).toEqual({ open: false, nextOpening: { day: 1, time: '09:30', inDays: 2 } });
    expect(storeStatus(hours, wib('2026-11-29T12:00'))).toEqual({ open: false, nextOpening: { day: 1, time: '09:30', inDays: 1 } });
  });

  it('split days (lunch break) and a shop with no hours at all', () => {
    const split: OpeningPeriod[] = [
      { day: 3, open: '13:00', close: '17:00' },
      { day: 3, open: '09:00', close: '12:00' },
    ];
    expect(storeStatus(split, wib('2026-11-25T12:30'))).toEqual({ open: false, nextOpening: { day: 3, time: '13:00', inDays: 0 } });
    expect(storeStatus(split, wib('2026-11-25T13:30'))).toEqual({ open: true, closesAt: '17:00' });
    expect(storeStatus([], wib('2026-11-25T12:30'))).toEqual({ open: false, nextOpening: null });
  });
});

describe('storeHours', () => {
  it('lists Monday to Sunday, marks today (in WIB) and sorts periods', () => {
    // 2026-11-28 23:30 UTC is Sunday morning in Bandung.
    const result = storeHours(hours, new Date('2026-11-28T23:30:00Z'));
    expect(result.week.map((d) => d.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(result.week.filter((d) => d.isToday).map((d) => d.day)).toEqual([0]);
    expect(result.week.at(-1)!.periods).toEqual([]);
    expect(result.week[5]!.periods).toEqual([{ open: '09:30', close: '17:00' }]);
    expect(result.today).toBe(0);
  });
});
