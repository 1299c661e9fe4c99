/**
 * The stock forms' inputs (zod): a hand adjustment, a restock order's lines and a receipt. Each
 * answers one message key per field, as `parseForm` expects.
 */
import { z } from 'zod';
import type { FieldErrors } from '../ui/form';
import { ALERT_LEVELS, ALERT_SORTS, RESTOCK_STATUSES, type RestockLineInput } from './types';

const wholeNumber = /^[+-]?\d{1,9}$/;

export const adjustSchema = z.object({
  delta: z
    .string()
    .trim()
    .regex(wholeNumber, 'stock.error.deltaInteger')
    .transform(Number)
    .refine((n) => n !== 0, 'stock.error.deltaZero'),
  note: z.string().trim().min(1, 'stock.error.noteRequired').max(300, 'stock.error.noteLong'),
});

export const alertsQuerySchema = z.object({
  level: z.enum(ALERT_LEVELS).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  urut: z.enum(ALERT_SORTS).catch('level').default('level'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const pageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1) });

export const restockListQuerySchema = z.object({
  status: z.enum(RESTOCK_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const idParamSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const productParamSchema = z.object({ productId: z.coerce.number().int().min(1).max(2_147_483_647) });

/** How many line rows a restock form has at most (blank rows are skipped). */
export const MAX_RESTOCK_LINES = 40;

export interface RestockForm {
  supplierId: number;
  notes: string;
  lines: RestockLineInput[];
}

const field = (body: Record<string, unknown>, name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');

/** A restock order's form: `supplierId`, `notes`, then rows `productId_i`, `quantity_i`, `unitCost_i` (blank rows skipped). */
export function parseRestockForm(raw: unknown): { ok: true; data: RestockForm } | { ok: false; errors: FieldErrors } {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const supplierId = Number(field(body, 'supplierId'));
  if (!Number.isSafeInteger(supplierId) || supplierId < 1) errors.supplierId = 'restock.error.supplier';
  const notes = field(body, 'notes');
  if (notes.length > 2000) errors.notes = 'restock.error.notesLong';
  const lines: RestockLineInput[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < MAX_RESTOCK_LINES; i++) {
    const product = field(body, `productId_${i}`);
    const quantity = field(body, `quantity_${i}`);
    const cost = field(body, `unitCost_${i}`).replace(/[.\s]/g, '');
    if (!product && !quantity && !cost) continue;
    const productId = Number(product);
    if (!product || !Number.isSafeInteger(productId) || productId < 1) errors[`productId_${i}`] = 'restock.error.product';
    else if (seen.has(productId)) errors[`productId_${i}`] = 'restock.error.productTwice';
    seen.add(productId);
    if (!/^\d{1,6}$/.test(quantity) || Number(quantity) < 1) errors[`quantity_${i}`] = 'restock.error.quantity';
    if (!/^\d{1,12}$/.test(cost)) errors[`unitCost_${i}`] = 'restock.error.unitCost';
    lines.push({ productId, quantityOrdered: Number(quantity), unitCost: Number(cost) });
  }
  if (lines.length === 0 && !errors.productId_0) errors.productId_0 = 'restock.error.noLines';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: { supplierId, notes, lines } };
}

export interface ReceiptForm {
  /** Units received so far when the form was shown: a stale or repeated submission no longer matches. */
  seen: number;
  /** Units arriving now, by line id (blank = 0). */
  quantities: Map<number, number>;
}

/** A receipt form: `seen`, then `received_<lineId>` per line. */
export function parseReceiptForm(raw: unknown): { ok: true; data: ReceiptForm } | { ok: false; errors: FieldErrors } {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const errors: FieldErrors = {};
  const seenText = field(body, 'seen');
  const quantities = new Map<number, number>();
  for (const key of Object.keys(body)) {
    const match = /^received_(\d{1,9})$/.exec(key);
    if (!match) continue;
    const value = field(body, key);
    if (value === '') continue;
    if (!/^\d{1,6}$/.test(value)) errors[key] = 'restock.error.receivedInteger';
    else quantities.set(Number(match[1]), Number(value));
  }
  if (!/^\d{1,9}$/.test(seenText)) errors._form = 'restock.error.stale';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: { seen: Number(seenText), quantities } };
}
