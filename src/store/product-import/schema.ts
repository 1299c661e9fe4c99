/**
 * The catalogue sheet's columns: the header names (the export writes them, the import reads them
 * in any order), and how each cell becomes a value. A cell left empty keeps the product's current
 * value (or the default for a new product); a required column must be filled for a new product.
 */
import type { MessageKey } from '../../lib/i18n';

export type ColumnKey =
  | 'sku'
  | 'name'
  | 'slug'
  | 'brand'
  | 'model'
  | 'category'
  | 'supplier'
  | 'price'
  | 'stock'
  | 'min_stock'
  | 'low_stock_threshold'
  | 'weight_grams'
  | 'length_cm'
  | 'width_cm'
  | 'height_cm'
  | 'featured'
  | 'active'
  | 'description';

/** Export order; also the template's header. */
export const COLUMNS: readonly ColumnKey[] = [
  'sku',
  'name',
  'slug',
  'brand',
  'model',
  'category',
  'supplier',
  'price',
  'stock',
  'min_stock',
  'low_stock_threshold',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
  'featured',
  'active',
  'description',
];

/** Needed to create a product (an update may leave them out). */
export const REQUIRED_FOR_NEW: readonly ColumnKey[] = [
  'sku',
  'name',
  'brand',
  'category',
  'price',
  'weight_grams',
  'length_cm',
  'width_cm',
  'height_cm',
];

export type CellValue = string | number | boolean;
export type CellResult = { ok: true; value: CellValue } | { ok: false; message: MessageKey };

const LIMITS: Partial<Record<ColumnKey, number>> = { name: 200, slug: 220, brand: 80, model: 120, category: 120, supplier: 150 };
const MAX_PRICE = 1_000_000_000_000;
const MAX_COUNT = 1_000_000;

/** "1.850.000", "Rp 1.850.000", "1850000" → 1850000: whole rupiah or whole units, Indonesian digit grouping allowed. */
function wholeNumber(raw: string, { min, max }: { min: number; max: number }): CellResult {
  const compact = raw.replace(/^rp\.?\s*/i, '').replace(/[\s.]/g, '');
  if (!/^\d+$/.test(compact)) return { ok: false, message: 'import.error.number' };
  const value = Number(compact);
  if (value < min || value > max) return { ok: false, message: 'import.error.range' };
  return { ok: true, value };
}

function yesNo(raw: string): CellResult {
  const v = raw.toLowerCase();
  if (['1', 'ya', 'y', 'yes', 'true', 'aktif'].includes(v)) return { ok: true, value: true };
  if (['0', 'tidak', 't', 'no', 'n', 'false', 'nonaktif'].includes(v)) return { ok: true, value: false };
  return { ok: false, message: 'import.error.yesNo' };
}

/** Parses a non-empty cell of a column. */
export function parseCell(column: ColumnKey, raw: string): CellResult {
  switch (column) {
    case 'sku':
      return /^[A-Za-z0-9._-]{1,60}$/.test(raw) ? { ok: true, value: raw } : { ok: false, message: 'import.error.sku' };
    case 'slug':
      return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw) && raw.length <= 220
        ? { ok: true, value: raw }
        : { ok: false, message: 'import.error.slug' };
    case 'price':
      return wholeNumber(raw, { min: 1, max: MAX_PRICE });
    case 'stock':
    case 'min_stock':
    case 'low_stock_threshold':
      return wholeNumber(raw, { min: 0, max: MAX_COUNT });
    case 'weight_grams':
    case 'length_cm':
    case 'width_cm':
    case 'height_cm':
      return wholeNumber(raw, { min: 1, max: MAX_COUNT });
    case 'featured':
    case 'active':
      return yesNo(raw);
    case 'description':
      return raw.length <= 10_000 ? { ok: true, value: raw } : { ok: false, message: 'import.error.tooLong' };
    default: {
      const max = LIMITS[column] ?? 200;
      if (/[\u0000-\u001f\u007f]/.test(raw)) return { ok: false, message: 'import.error.characters' };
      return raw.length <= max ? { ok: true, value: raw } : { ok: false, message: 'import.error.tooLong' };
    }
  }
}

export const isColumnKey = (value: string): value is ColumnKey => (COLUMNS as readonly string[]).includes(value);
