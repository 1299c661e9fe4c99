/**
 * Whether the shop is open at a moment, and the week's hours per day, in WIB. Pure: the route
 * passes the clock's time, so tests fix it.
 */
import { type HolidayDate, holidayOn, upcomingHolidays } from '../../lib/opening-hours';
import { isOpenAt, type OpeningPeriod, parseClockTime, wibClock, wibIsoDate } from '../../lib/time';

/** Indonesian week order: Monday first, Sunday last. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export interface DayHours {
  day: number;
  /** Periods of the day, sorted, as "HH:MM" pairs; empty when closed all day. */
  periods: { open: string; close: string }[];
  isToday: boolean;
}

export type StoreStatus =
  | { open: true; closesAt: string }
  | { open: false; nextOpening: { day: number; time: string; inDays: number } | null; holiday?: string };

export interface StoreHours {
  status: StoreStatus;
  today: number;
  week: DayHours[];
  /** Holidays from today on, soonest first. */
  holidays: HolidayDate[];
}

const DAY_MS = 86_400_000;

function periodsOf(periods: readonly OpeningPeriod[], day: number) {
  return periods
    .filter((p) => p.day === day)
    .map(({ open, close }) => ({ open, close }))
    .sort((a, b) => parseClockTime(a.open) - parseClockTime(b.open));
}

export function storeHours(periods: readonly OpeningPeriod[], now: Date, holidays: readonly HolidayDate[] = []): StoreHours {
  const { day: today } = wibClock(now);
  const week = WEEK_ORDER.map((day) => ({ day, periods: periodsOf(periods, day), isToday: day === today }));
  return { status: storeStatus(periods, now, holidays), today, week, holidays: upcomingHolidays(holidays, wibIsoDate(now)) };
}

/** Open now, or closed and when it opens next; a holiday closes its whole day (and is skipped when looking ahead). */
export function storeStatus(periods: readonly OpeningPeriod[], now: Date, holidays: readonly HolidayDate[] = []): StoreStatus {
  const { day: today, minutes } = wibClock(now);
  const holidayIn = (inDays: number) => holidayOn(holidays, wibIsoDate(new Date(now.getTime() + inDays * DAY_MS)));
  const todayHoliday = holidayIn(0);
  if (todayHoliday) {
    for (let inDays = 1; inDays <= 14; inDays++) {
      const day = (today + inDays) % 7;
      const next = holidayIn(inDays) ? undefined : periodsOf(periods, day)[0];
      if (next) return { open: false, nextOpening: { day, time: next.open, inDays }, holiday: todayHoliday.label };
    }
    return { open: false, nextOpening: null, holiday: todayHoliday.label };
  }
  if (isOpenAt(periods, now)) {
    const current = periodsOf(periods, today).find((p) => minutes >= parseClockTime(p.open) && minutes < parseClockTime(p.close));
    return { open: true, closesAt: current!.close };
  }
  // The next period that starts after now: later today, or on one of the next seven days.
  for (let inDays = 0; inDays <= 14; inDays++) {
    const day = (today + inDays) % 7;
    if (inDays > 0 && holidayIn(inDays)) continue;
    const next = periodsOf(periods, day).find((p) => inDays > 0 || parseClockTime(p.open) > minutes);
    if (next) return { open: false, nextOpening: { day, time: next.open, inDays } };
  }
  return { open: false, nextOpening: null };
}
