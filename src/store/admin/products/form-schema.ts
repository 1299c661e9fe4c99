/**
 * What the product pages accept: the list's URL (lenient: a bad value falls back to the default)
 * and the product form (strict: one message per field).
 */
import { z } from 'zod';
import type { MessageKey } from '../../../lib/i18n';
import {
  ADMIN_SORTS,
  type AdminProductQuery,
  type AdminProductSort,
  BULK_ACTIONS,
  MAX_PRODUCT_PRICE,
  STOCK_STATES,
  type StockState,
} from '../../product/types';

const MAX_COUNT = 1_000_000;
const MAX_PAGE = 1000;

/** URL words of the list's sort and stock filter. */
export const SORT_PARAM: Record<AdminProductSort, string> = {
  newest: 'terbaru',
  name: 'nama',
  price_asc: 'harga-naik',
  price_desc: 'harga-turun',
  stock_asc: 'stok-naik',
  stock_desc: 'stok-turun',
  relevance: 'relevan',
};
export const STOCK_PARAM: Record<StockState, string> = { out: 'habis', low: 'menipis', ok: 'aman' };

const first = (value: unknown): string => (Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value : '');
const yesNo = (value: string): boolean | undefined => (value === 'ya' ? true : value === 'tidak' ? false : undefined);
const intOr = (value: string, min: number, max: number): number | undefined => {
  if (!/^\d{1,7}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};

export function parseListQuery(raw: unknown): AdminProductQuery {
  const q = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const text = first(q.q)
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, 100);
  const sortWord = first(q.urut);
  const sort = ADMIN_SORTS.find((s) => SORT_PARAM[s] === sortWord) ?? (text ? 'relevance' : 'newest');
  return {
    q: text,
    categoryId: intOr(first(q.kategori), 1, 2 ** 31 - 1),
    stock: STOCK_STATES.find((s) => STOCK_PARAM[s] === first(q.stok)),
    active: yesNo(first(q.aktif)),
    featured: yesNo(first(q.unggulan)),
    sort,
    page: intOr(first(q.hal), 1, MAX_PAGE) ?? 1,
  };
}

/** The list's URL for a query (default values left out). */
export function listUrl(query: AdminProductQuery, change: Partial<AdminProductQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.categoryId !== undefined) params.set('kategori', String(next.categoryId));
  if (next.stock) params.set('stok', STOCK_PARAM[next.stock]);
  if (next.active !== undefined) params.set('aktif', next.active ? 'ya' : 'tidak');
  if (next.featured !== undefined) params.set('unggulan', next.featured ? 'ya' : 'tidak');
  if (next.sort !== (next.q ? 'relevance' : 'newest')) params.set('urut', SORT_PARAM[next.sort]);
  if (next.page > 1) params.set('hal', String(next.page));
  const search = params.toString();
  return search ? `/admin/produk?${search}` : '/admin/produk';
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

function textField(max: number, key: MessageKey, min = 0) {
  return z.preprocess(
    (v) =>
      str(v)
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
        .trim(),
    z.string().min(min, key).max(max, key),
  );
}

/** A whole number as people type it ("1.500.000" is fine). */
function intField(min: number, max: number, key: MessageKey) {
  return z.preprocess(
    (v) => str(v).replace(/[.\s]/g, ''),
    z
      .string()
      .regex(/^\d{1,13}$/, key)
      .transform(Number)
      .pipe(z.number().int().min(min, key).max(max, key)),
  );
}

const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());

export const productFormSchema = z.object({
  name: textField(200, 'adminProducts.error.name', 1),
  slug: z.preprocess((v) => str(v).trim().toLowerCase(), z.string().max(220, 'adminProducts.error.slug')),
  sku: textField(60, 'adminProducts.error.sku', 1),
  brand: textField(80, 'adminProducts.error.brand', 1),
  model: textField(120, 'adminProducts.error.model'),
  categoryId: intField(1, 2 ** 31 - 1, 'adminProducts.error.category'),
  supplierId: z.preprocess(
    (v) => (str(v) === '' ? null : str(v)),
    z.union([
      z.null(),
      z
        .string()
        .regex(/^\d{1,9}$/, 'adminProducts.error.supplier')
        .transform(Number),
    ]),
  ),
  price: intField(1, MAX_PRODUCT_PRICE - 1, 'adminProducts.error.price'),
  stock: intField(0, MAX_COUNT, 'adminProducts.error.stock'),
  minStock: intField(0, MAX_COUNT, 'adminProducts.error.count'),
  lowStockThreshold: intField(0, MAX_COUNT, 'adminProducts.error.count'),
  weightGrams: intField(1, MAX_COUNT, 'adminProducts.error.weight'),
  lengthCm: intField(1, 10_000, 'adminProducts.error.size'),
  widthCm: intField(1, 10_000, 'adminProducts.error.size'),
  heightCm: intField(1, 10_000, 'adminProducts.error.size'),
  description: textField(10_000, 'adminProducts.error.description'),
  isFeatured: checkbox,
  isActive: checkbox,
});
export type ProductForm = z.infer<typeof productFormSchema>;

/** The stock count the edit form showed (hidden field), to move stock by the difference. */
export const stockWasSchema = z.object({ stockWas: intField(0, 2 ** 31 - 1, 'adminProducts.error.stock') });

export const bulkSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]),
    z
      .array(
        z
          .string()
          .regex(/^\d{1,9}$/)
          .transform(Number),
      )
      .min(1)
      .max(200),
  ),
  back: z.string().max(1000).optional(),
});

export const idParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});
export const imageParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
  imageId: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});
export const moveSchema = z.object({ direction: z.enum(['up', 'down']) });

/** The images' new order after dragging: their ids, comma-separated, first = shown first. */
export const imageOrderSchema = z.object({
  urutan: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){0,49}$/)
    .transform((value) => value.split(',').map(Number)),
});
