/**
 * Turns weekly opening periods into the lines a customer reads, grouping consecutive days with
 * the same hours: "Senin–Jumat 09.30–18.00", "Sabtu 09.30–17.00", "Minggu: Tutup".
 */
import type { Locale } from './i18n';
import type { OpeningPeriod } from './time';

export interface OpeningHoursLine {
  firstDay: number;
  lastDay: number;
  /** e.g. "09.30–18.00", or null when closed all day. */
  hours: string | null;
}

/** Indonesian week order: Monday first, Sunday last. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

function formatTime(value: string, locale: Locale): string {
  return locale === 'id' ? value.replace(':', '.') : value;
}

export function openingHoursLines(periods: readonly OpeningPeriod[], locale: Locale): OpeningHoursLine[] {
  const hoursOf = (day: number) => {
    const ofDay = periods
      .filter((p) => p.day === day)
      .sort((a, b) => a.open.localeCompare(b.open))
      .map((p) => `${formatTime(p.open, locale)}–${formatTime(p.close, locale)}`);
    return ofDay.length ? ofDay.join(', ') : null;
  };
  const lines: OpeningHoursLine[] = [];
  for (const day of WEEK_ORDER) {
    const hours = hoursOf(day);
    const last = lines.at(-1);
    if (last && last.hours === hours) last.lastDay = day;
    else lines.push({ firstDay: day, lastDay: day, hours });
  }
  return lines;
}

/** A day the shop is closed although its weekday is open; `date` is "YYYY-MM-DD" in WIB. */
export interface HolidayDate {
  date: string;
  label: string;
}

/** The holiday falling on `today` ("YYYY-MM-DD", WIB), if any: the shop is closed all that day. */
export function holidayOn<H extends HolidayDate>(holidays: readonly H[], today: string): H | undefined {
  return holidays.find((h) => h.date === today);
}

/**
 * Holidays from `today` on (today included), soonest first, at most `limit`: what the store page
 * announces. Past ones stay stored (the admin removes them) but are never shown.
 */
export function upcomingHolidays<H extends HolidayDate>(holidays: readonly H[], today: string, limit = 5): H[] {
  return holidays
    .filter((h) => h.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, limit);
}

/**
 * Why one weekday's hours are refused, as a message key's last part: a closing time not after the
 * opening time (hours never run past midnight).
 */
export function dayHoursProblem(open: string, close: string): 'closeBeforeOpen' | undefined {
  return close <= open ? 'closeBeforeOpen' : undefined;
}
