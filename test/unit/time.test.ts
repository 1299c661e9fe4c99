import { describe, expect, it } from 'vitest';
import { formatDateTimeWib, isOpenAt, parseClockTime, wibClock } from '../../src/lib/time';

const HOURS = [...[1, 2, 3, 4, 5].map((day) => ({ day, open: '09:30', close: '18:00' })), { day: 6, open: '09:30', close: '17:00' }];

describe('WIB time', () => {
  it('converts UTC to WIB (UTC+7) including the day change', () => {
    // 2026-11-24 20:30 UTC is Wednesday 25 Nov 03:30 WIB.
    expect(wibClock(new Date('2026-11-24T20:30:00Z'))).toEqual({ day: 3, minutes: 3 * 60 + 30 });
  });

  it('formats dates in WIB for both languages', () => {
    const date = new Date('2026-01-31T03:05:00Z');
    expect(formatDateTimeWib(date, 'id')).toMatch(/^31 Januari 2026.*10\.05 WIB$/);
    expect(formatDateTimeWib(date, 'en')).toMatch(/^31 January 2026.*10:05 WIB$/);
  });

  it('knows when the shop is open, in WIB', () => {
    // Monday 09:29 WIB = 02:29 UTC: still closed; 09:30 WIB: open.
    expect(isOpenAt(HOURS, new Date('2026-11-23T02:29:00Z'))).toBe(false);
    expect(isOpenAt(HOURS, new Date('2026-11-23T02:30:00Z'))).toBe(true);
    // Monday 17:59 WIB open, 18:00 closed.
    expect(isOpenAt(HOURS, new Date('2026-11-23T10:59:00Z'))).toBe(true);
    expect(isOpenAt(HOURS, new Date('2026-11-23T11:00:00Z'))).toBe(false);
    // Saturday closes at 17:00, Sunday closed all day.
    expect(isOpenAt(HOURS, new Date('2026-11-28T09:30:00Z'))).toBe(true);
    expect(isOpenAt(HOURS, new Date('2026-11-28T10:00:00Z'))).toBe(false);
    expect(isOpenAt(HOURS, new Date('2026-11-29T05:00:00Z'))).toBe(false);
  });

  it('parses only valid HH:MM clock times', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('23:59')).toBe(1439);
    for (const bad of ['24:00', '9:30', '09:60', 'abc', '']) expect(() => parseClockTime(bad)).toThrow(RangeError);
  });
});
