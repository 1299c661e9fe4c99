/**
 * A report's date range (A10): WIB calendar dates from the query string (`dari`, `sampai`,
 * inclusive) and a grouping (`per`: day, ISO week from Monday, or month). Pure date arithmetic on
 * `YYYY-MM-DD` strings; the moments the database compares with are WIB midnights
 * (src/lib/time.ts). Bad input answers one message key per field, so the form shows it beside
 * the field and keeps what was typed.
 */
import { wibIsoDate } from '../../lib/time';
import type { Period } from './repository';

export const GROUPINGS = ['hari', 'minggu', 'bulan'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Longest range a report covers: five calendar years (a day-by-day table stays under 1 830 rows). */
export const MAX_YEARS = 5;

export interface ReportRange {
  /** First WIB day, `YYYY-MM-DD`. */
  from: string;
  /** Last WIB day (inclusive), `YYYY-MM-DD`. */
  to: string;
  per: Grouping;
  /** WIB midnight starting `from` up to WIB midnight after `to`. */
  period: Period;
}

export type RangeField = 'dari' | 'sampai' | 'per';
export type RangeErrorKey = 'reports.error.date' | 'reports.error.order' | 'reports.error.tooLong' | 'reports.error.per';

export type RangeResult =
  | { ok: true; range: ReportRange }
  | { ok: false; values: Record<RangeField, string>; errors: Partial<Record<RangeField, RangeErrorKey>> };

const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a real calendar date (2026-02-30 is refused), or undefined. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 2000 || year > 2999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** The date `days` after an ISO date (negative: before). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The date `months` after an ISO date's month start. */
function addMonths(iso: string, months: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/** WIB midnight starting an ISO date, as a moment. */
export const wibMidnight = (iso: string): Date => new Date(Date.parse(`${iso}T00:00:00Z`) - WIB_OFFSET_MS);

/** The first day of the bucket an ISO date falls in: itself, the Monday of its week, or the 1st of its month. */
export function bucketStart(iso: string, per: Grouping): string {
  if (per === 'hari') return iso;
  if (per === 'bulan') return `${iso.slice(0, 8)}01`;
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, -((weekday + 6) % 7));
}

/** Every bucket's first day from the one holding `from` to the one holding `to`, in order. */
export function bucketStarts(range: Pick<ReportRange, 'from' | 'to' | 'per'>): string[] {
  const out: string[] = [];
  let at = bucketStart(range.from, range.per);
  while (at <= range.to) {
    out.push(at);
    at = range.per === 'hari' ? addDays(at, 1) : range.per === 'minggu' ? addDays(at, 7) : addMonths(at, 1);
  }
  return out;
}

function toRange(from: string, to: string, per: Grouping): ReportRange {
  return { from, to, per, period: { from: wibMidnight(from), to: wibMidnight(addDays(to, 1)) } };
}

/** This month so far (WIB), by day: what `/admin/laporan` shows without a query. */
export function defaultRange(now: Date): ReportRange {
  const today = wibIsoDate(now);
  return toRange(`${today.slice(0, 8)}01`, today, 'hari');
}

export const QUICK_RANGES = ['today', 'week', 'month', 'lastMonth', 'year'] as const;
export type QuickRange = (typeof QUICK_RANGES)[number];

/** The quick choices above the form: today, the last 7 days, this month, last month, this year. */
export function quickRange(kind: QuickRange, now: Date): Pick<ReportRange, 'from' | 'to' | 'per'> {
  const today = wibIsoDate(now);
  switch (kind) {
    case 'today':
      return { from: today, to: today, per: 'hari' };
    case 'week':
      return { from: addDays(today, -6), to: today, per: 'hari' };
    case 'month':
      return { from: `${today.slice(0, 8)}01`, to: today, per: 'hari' };
    case 'lastMonth': {
      const from = addMonths(today, -1);
      return { from, to: addDays(`${today.slice(0, 8)}01`, -1), per: 'hari' };
    }
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today, per: 'bulan' };
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim().slice(0, 40) : '');

/**
 * The range asked for by a query string; missing fields take the default range's value. The end
 * may not come before the start, and the range may not pass five calendar years from its start.
 */
export function parseRange(query: unknown, now: Date): RangeResult {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const fallback = defaultRange(now);
  const values: Record<RangeField, string> = {
    dari: text(q.dari) || fallback.from,
    sampai: text(q.sampai) || fallback.to,
    per: text(q.per) || fallback.per,
  };
  const errors: Partial<Record<RangeField, RangeErrorKey>> = {};
  const from = parseIsoDate(values.dari);
  const to = parseIsoDate(values.sampai);
  if (!from) errors.dari = 'reports.error.date';
  if (!to) errors.sampai = 'reports.error.date';
  if (!(GROUPINGS as readonly string[]).includes(values.per)) errors.per = 'reports.error.per';
  if (from && to) {
    if (values.sampai < values.dari) errors.sampai = 'reports.error.order';
    else {
      // Five years from the start: 2021-03-01 may run to 2026-02-28 (2026-03-01 would be one day more).
      const limit = addDays(`${from.year + MAX_YEARS}-${values.dari.slice(5)}`.replace(/-02-29$/, '-03-01'), -1);
      if (values.sampai > limit) errors.sampai = 'reports.error.tooLong';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, range: toRange(values.dari, values.sampai, values.per as Grouping) };
}

/** The query string of a range, for links (quick ranges, exports). */
export function rangeQuery(range: Pick<ReportRange, 'from' | 'to' | 'per'>): string {
  return new URLSearchParams({ dari: range.from, sampai: range.to, per: range.per }).toString();
}
