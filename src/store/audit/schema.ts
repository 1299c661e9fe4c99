/**
 * The audit log's filters as they travel in the URL (`/admin/audit?orang=3&aksi=user.role&dari=…
 * &sampai=…&page=2`), parsed without throwing: a bad value is dropped and named per field, and
 * what was typed is shown again. Dates are WIB calendar days; `sampai` includes its whole day.
 */
import type { MessageKey } from '../../lib/i18n';
import { wibDay } from '../../lib/time';
import { type AuditAction, isAuditAction } from './actions';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorId?: number;
  action?: AuditAction;
  from?: Date;
  until?: Date;
  page: number;
}

export interface AuditFilterValues {
  orang: string;
  aksi: string;
  dari: string;
  sampai: string;
}

export interface ParsedAuditFilters {
  filters: AuditFilters;
  values: AuditFilterValues;
  errors: Partial<Record<keyof AuditFilterValues, MessageKey>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? text(value[0]) : '');

export function parseAuditFilters(query: unknown): ParsedAuditFilters {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const values: AuditFilterValues = {
    orang: text(raw.orang).trim().slice(0, 12),
    aksi: text(raw.aksi).trim().slice(0, 40),
    dari: text(raw.dari).trim().slice(0, 20),
    sampai: text(raw.sampai).trim().slice(0, 20),
  };
  const errors: ParsedAuditFilters['errors'] = {};
  const page = Number(text(raw.page));
  const filters: AuditFilters = { page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1 };

  if (values.orang) {
    const id = Number(values.orang);
    if (/^\d+$/.test(values.orang) && Number.isSafeInteger(id) && id >= 1 && id <= 2_147_483_647) filters.actorId = id;
    else errors.orang = 'adminAudit.error.person';
  }
  if (values.aksi) {
    if (isAuditAction(values.aksi)) filters.action = values.aksi;
    else errors.aksi = 'adminAudit.error.action';
  }
  const from = values.dari ? wibDay(values.dari) : undefined;
  const to = values.sampai ? wibDay(values.sampai) : undefined;
  if (values.dari && !from) errors.dari = 'adminAudit.error.date';
  if (values.sampai && !to) errors.sampai = 'adminAudit.error.date';
  if (from && to && to < from) errors.sampai = 'adminAudit.error.rangeOrder';
  else {
    if (from) filters.from = from;
    if (to) filters.until = new Date(to.getTime() + 86_400_000);
  }
  return { filters, values, errors };
}

/** The list's address for a set of filter values (empty ones left out) and a page. */
export function auditListUrl(values: Partial<AuditFilterValues>, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : '/admin/audit';
}
