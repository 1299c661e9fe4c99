/**
 * The orders desk's filters as they travel in the URL (`/admin/pesanan?status=paid&bayar=…&dari=…
 * &sampai=…&q=…&page=2`), parsed without ever throwing: a bad value is dropped from the filter and
 * named in `errors` (a message key per field) so the page shows it beside the field, keeping what
 * was typed. Dates are WIB calendar days; `sampai` includes its whole day.
 */
import type { MessageKey } from '../../lib/i18n';
import { wibDay } from '../../lib/time';
import { isOrderStatus, type OrderStatus, PAYMENT_METHODS } from './state-machine';

export const DESK_PAGE_SIZE = 25;
export const MAX_QUERY_LENGTH = 100;
/** The longest range a filter may span (beyond it a typo is likelier than intent). */
export const MAX_RANGE_YEARS = 5;

export interface DeskFilters {
  status?: OrderStatus;
  paymentMethod?: string;
  /** Inclusive start (midnight WIB) and exclusive end (midnight WIB after `sampai`). */
  from?: Date;
  until?: Date;
  q?: string;
  page: number;
}

/** The filters as the form shows them again (strings, as typed). */
export interface DeskFilterValues {
  status: string;
  bayar: string;
  dari: string;
  sampai: string;
  q: string;
}

export type DeskFilterField = keyof DeskFilterValues;

export interface ParsedDeskFilters {
  filters: DeskFilters;
  values: DeskFilterValues;
  errors: Partial<Record<DeskFilterField, MessageKey>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? text(value[0]) : '');

export function parseDeskFilters(query: unknown): ParsedDeskFilters {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const values: DeskFilterValues = {
    status: text(raw.status).trim().slice(0, 40),
    bayar: text(raw.bayar).trim().slice(0, 40),
    dari: text(raw.dari).trim().slice(0, 20),
    sampai: text(raw.sampai).trim().slice(0, 20),
    q: text(raw.q).trim().slice(0, 200),
  };
  const errors: ParsedDeskFilters['errors'] = {};
  const page = Number(text(raw.page));
  const filters: DeskFilters = { page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };

  if (values.status) {
    if (isOrderStatus(values.status)) filters.status = values.status;
    else errors.status = 'ordersDesk.error.status';
  }
  if (values.bayar) {
    if ((PAYMENT_METHODS as readonly string[]).includes(values.bayar)) filters.paymentMethod = values.bayar;
    else errors.bayar = 'ordersDesk.error.payment';
  }
  const from = values.dari ? wibDay(values.dari) : undefined;
  const to = values.sampai ? wibDay(values.sampai) : undefined;
  if (values.dari && !from) errors.dari = 'ordersDesk.error.date';
  if (values.sampai && !to) errors.sampai = 'ordersDesk.error.date';
  if (from && to && to < from) errors.sampai = 'ordersDesk.error.rangeOrder';
  else if (from && to && to.getTime() - from.getTime() > MAX_RANGE_YEARS * 366 * 86_400_000) errors.sampai = 'ordersDesk.error.rangeLong';
  else {
    if (from) filters.from = from;
    if (to) filters.until = new Date(to.getTime() + 86_400_000);
  }
  if (values.q) {
    if (values.q.length > MAX_QUERY_LENGTH) errors.q = 'ordersDesk.error.query';
    else filters.q = values.q;
  }
  return { filters, values, errors };
}

/** The query string of a filter set (empty values left out), e.g. for tabs and the pager. */
export function deskQuery(values: Partial<DeskFilterValues>, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...values, ...extra })) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
