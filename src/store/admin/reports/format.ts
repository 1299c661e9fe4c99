/**
 * How the report names its buckets and range, shared by the page, its chart and its PDF so the
 * three always say the same: "3 Des 2026", "Minggu 30 Nov 2026", "Desember 2026".
 */
import { isMessageKey, type Locale, type Translate } from '../../../lib/i18n';
import type { Grouping } from '../../reports/schema';

export const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A calendar date written out ("3 Desember 2026"); the date is WIB already, so it is formatted as UTC. */
export function longDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(utc(iso));
}

export function bucketLabel(start: string, per: Grouping, locale: Locale, t: Translate): string {
  const intl = INTL_LOCALE[locale];
  if (per === 'bulan') return new Intl.DateTimeFormat(intl, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(start));
  const day = new Intl.DateTimeFormat(intl, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc(start));
  return per === 'minggu' ? t('reports.bucket.week', { date: day }) : day;
}

export function rangeText(from: string, to: string, locale: Locale, t: Translate): string {
  return from === to ? longDate(from, locale) : t('reports.range', { from: longDate(from, locale), to: longDate(to, locale) });
}

/** A payment method's short name as the orders desk shows it ("Transfer bank", "Midtrans"), else its code. */
export function methodLabel(method: string, t: Translate): string {
  const key = `ordersDesk.payment.${method}`;
  return isMessageKey(key) ? t(key) : method;
}
