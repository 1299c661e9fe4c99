import { describe, expect, it } from 'vitest';
import { openingHoursLines } from '../../src/lib/opening-hours';

const HOURS = [...[1, 2, 3, 4, 5].map((day) => ({ day, open: '09:30', close: '18:00' })), { day: 6, open: '09:30', close: '17:00' }];

describe('openingHoursLines', () => {
  it('groups consecutive days with the same hours, Monday first', () => {
    expect(openingHoursLines(HOURS, 'id')).toEqual([
      { firstDay: 1, lastDay: 5, hours: '09.30–18.00' },
      { firstDay: 6, lastDay: 6, hours: '09.30–17.00' },
      { firstDay: 0, lastDay: 0, hours: null },
    ]);
  });

  it('uses colons in English', () => {
    expect(openingHoursLines(HOURS, 'en')[0]?.hours).toBe('09:30–18:00');
  });

  it('lists split shifts in order', () => {
    const lines = openingHoursLines(
      [
        { day: 1, open: '13:00', close: '17:00' },
        { day: 1, open: '09:00', close: '12:00' },
      ],
      'en',
    );
    expect(lines[0]).toEqual({ firstDay: 1, lastDay: 1, hours: '09:00–12:00, 13:00–17:00' });
  });
});
