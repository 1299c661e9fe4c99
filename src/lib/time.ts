/**
 * Time is stored in UTC and shown in WIB (Asia/Jakarta, UTC+7, no daylight saving).
 */
export const SHOP_TIME_ZONE = 'Asia/Jakarta';

const dateTimeFormats = {
  id: new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: SHOP_TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: SHOP_TIME_ZONE }),
};
const dateFormats = {
  id: new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: SHOP_TIME_ZONE }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: SHOP_TIME_ZONE }),
};

/** "25 November 2026 pukul 11.32 WIB" / "25 November 2026 at 11:32 WIB". */
export function formatDateTimeWib(date: Date, locale: 'id' | 'en' = 'id'): string {
  return `${dateTimeFormats[locale].format(date)} WIB`;
}

export function formatDateWib(date: Date, locale: 'id' | 'en' = 'id'): string {
  return dateFormats[locale].format(date);
}

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: SHOP_TIME_ZONE,
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** Weekday (0 = Sunday) and minutes since midnight of a moment, in WIB. */
export function wibClock(date: Date): { day: number; minutes: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    day: WEEKDAYS.indexOf(parts.weekday!),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** "HH:MM" → minutes since midnight; throws on anything else. */
export function parseClockTime(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new RangeError(`Not a HH:MM time: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export interface OpeningPeriod {
  day: number;
  open: string;
  close: string;
}

/** Whether the shop is open at `now`, given its weekly opening periods in WIB. */
export function isOpenAt(periods: readonly OpeningPeriod[], now: Date): boolean {
  const { day, minutes } = wibClock(now);
  return periods.some((p) => p.day === day && minutes >= parseClockTime(p.open) && minutes < parseClockTime(p.close));
}

/** Calendar date of a moment in WIB (UTC+7 all year: Indonesia has no daylight saving). */
export function wibDateParts(date: Date): { year: number; month: number; day: number } {
  const shifted = new Date(date.getTime() + 7 * 3600_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

const WIB_OFFSET_MS = 7 * 3_600_000;

/** Midnight WIB of the day containing `date`, `offsetDays` days later (negative: earlier). */
export function wibDayStart(date: Date, offsetDays = 0): Date {
  const { year, month, day } = wibDateParts(date);
  return new Date(Date.UTC(year, month - 1, day + offsetDays) - WIB_OFFSET_MS);
}

/** Midnight WIB of the first day of the month containing `date`. */
export function wibMonthStart(date: Date): Date {
  const { year, month } = wibDateParts(date);
  return new Date(Date.UTC(year, month - 1, 1) - WIB_OFFSET_MS);
}

/** The WIB calendar date of a moment as `YYYY-MM-DD` (how SQL's `to_char` writes it too). */
export function wibIsoDate(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight WIB of a `YYYY-MM-DD` calendar day; undefined for anything that is not a real date. */
export function wibDay(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const check = new Date(utc);
  if (year < 2000 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return new Date(utc - WIB_OFFSET_MS);
}
