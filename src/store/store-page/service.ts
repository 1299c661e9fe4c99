/**
 * Whether the shop is open at a moment, and the week's hours per day, in WIB. Pure: the route
 * passes the clock's time, so tests fix it.
 */
import { isOpenAt, type OpeningPeriod, parseClockTime, wibClock } from '../../lib/time';

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
  | { open: false; nextOpening: { day: number; time: string; inDays: number } | null };

export interface StoreHours {
  status: StoreStatus;
  today: number;
  week: DayHours[];
}

function periodsOf(periods: readonly OpeningPeriod[], day: number) {
  return periods
    .filter((p) => p.day === day)
    .map(({ open, close }) => ({ open, close }))
    .sort((a, b) => parseClockTime(a.open) - parseClockTime(b.open));
}

export function storeHours(periods: readonly OpeningPeriod[], now: Date): StoreHours {
  const { day: today } = wibClock(now);
  const week = WEEK_ORDER.map((day) => ({ day, periods: periodsOf(periods, day), isToday: day === today }));
  return { status: storeStatus(periods, now), today, week };
}

export function storeStatus(periods: readonly OpeningPeriod[], now: Date): StoreStatus {
  const { day: today, minutes } = wibClock(now);
  if (isOpenAt(periods, now)) {
    const current = periodsOf(periods, today).find((p) => minutes >= parseClockTime(p.open) && minutes < parseClockTime(p.close));
    return { open: true, closesAt: current!.close };
  }
  // The next period that starts after now: later today, or on one of the next seven days.
  for (let inDays = 0; inDays <= 7; inDays++) {
    const day = (today + inDays) % 7;
    const next = periodsOf(periods, day).find((p) => inDays > 0 || parseClockTime(p.open) > minutes);
    if (next) return { open: false, nextOpening: { day, time: next.open, inDays } };
  }
  return { open: false, nextOpening: null };
}
