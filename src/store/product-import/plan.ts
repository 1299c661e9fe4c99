/**
 * Turns a sheet into a plan: for every row, create or update (matched by SKU, case-insensitively)
 * and exactly what changes, or the problems that stop the import (row, column, message). Pure:
 * the caller looks up what the database knows first (`lookupKeys`, then `Lookups`).
 */
import { slugify } from '../../lib/slug';
import { type CellValue, type ColumnKey, isColumnKey, parseCell, REQUIRED_FOR_NEW } from './schema';
import type { Sheet } from './sheet';
import type { ImportChange, ImportIssue, ImportPlan, ImportRowPlan, ProductWrite, SheetProduct } from './types';

export interface Lookups {
  /** By upper-cased SKU. */
  existing: Map<string, SheetProduct>;
  categories: Map<string, number>;
  /** By lower-cased name. */
  suppliers: Map<string, number>;
  /** Slug → upper-cased SKU of the product that has it. */
  slugOwners: Map<string, string>;
}

export interface PlannedCreate {
  row: number;
  write: ProductWrite;
  stock: number;
}

export interface PlannedUpdate {
  row: number;
  id: number;
  write: Partial<ProductWrite>;
  /** The stock the sheet asks for, when it differs from the product's. */
  stock?: number;
}

export interface PlanResult {
  plan: ImportPlan;
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
}

type ParsedRow = { row: number; values: Partial<Record<ColumnKey, CellValue>> };

/** Reads the header and every cell; header problems are row-1 issues. */
function parseRows(sheet: Sheet, issues: ImportIssue[]): ParsedRow[] {
  const columns: (ColumnKey | null)[] = [];
  for (const name of sheet.header) {
    if (name === '') columns.push(null);
    else if (!isColumnKey(name)) {
      issues.push({ row: 1, column: null, message: 'import.error.unknownColumn', params: { name } });
      columns.push(null);
    } else if (columns.includes(name)) {
      issues.push({ row: 1, column: name, message: 'import.error.duplicateColumn', params: { name } });
      columns.push(null);
    } else columns.push(name);
  }
  if (!columns.includes('sku')) issues.push({ row: 1, column: 'sku', message: 'import.error.noSku' });
  return sheet.rows.map(({ row, cells }) => {
    const values: ParsedRow['values'] = {};
    columns.forEach((column, i) => {
      const raw = cells[i] ?? '';
      if (!column || raw === '') return;
      const parsed = parseCell(column, raw);
      if (parsed.ok) values[column] = parsed.value;
      else issues.push({ row, column, message: parsed.message });
    });
    return { row, values };
  });
}

/** The SKUs and candidate slugs the plan needs the database to answer for. */
export function lookupKeys(sheet: Sheet): { skus: string[]; slugs: string[] } {
  const rows = parseRows(sheet, []);
  const skus = new Set<string>();
  const slugs = new Set<string>();
  for (const { values } of rows) {
    if (typeof values.sku === 'string') skus.add(values.sku.toUpperCase());
    if (typeof values.slug === 'string') slugs.add(values.slug);
    if (typeof values.name === 'string') {
      slugs.add(slugify(values.name, 200));
      if (typeof values.sku === 'string') slugs.add(slugify(`${values.name} ${values.sku}`, 220));
    }
  }
  return { skus: [...skus], slugs: [...slugs] };
}

const text = (value: unknown) => (typeof value === 'boolean' ? (value ? 'ya' : 'tidak') : String(value ?? ''));

/** Product columns by sheet column (category and supplier are resolved to ids separately). */
const WRITE_FIELD: Partial<Record<ColumnKey, keyof ProductWrite>> = {
  name: 'name',
  slug: 'slug',
  brand: 'brand',
  model: 'model',
  price: 'price',
  min_stock: 'minStock',
  low_stock_threshold: 'lowStockThreshold',
  weight_grams: 'weightGrams',
  length_cm: 'lengthCm',
  width_cm: 'widthCm',
  height_cm: 'heightCm',
  featured: 'isFeatured',
  active: 'isActive',
  description: 'description',
};

export function planImport(sheet: Sheet, lookups: Lookups): PlanResult {
  const issues: ImportIssue[] = [];
  const parsed = parseRows(sheet, issues);
  const rows: ImportRowPlan[] = [];
  const creates: PlannedCreate[] = [];
  const updates: PlannedUpdate[] = [];
  const seenSku = new Map<string, number>();
  const slugClaims = new Map(lookups.slugOwners);

  for (const { row, values } of parsed) {
    const rowIssues: ImportIssue[] = [];
    const issue = (column: ColumnKey | null, message: ImportIssue['message'], params?: ImportIssue['params']) =>
      rowIssues.push({ row, column, message, params });
    const sku = typeof values.sku === 'string' ? values.sku : '';
    if (!sku) {
      if (!issues.some((i) => i.row === row && i.column === 'sku')) issue('sku', 'import.error.required');
      issues.push(...rowIssues);
      continue;
    }
    const key = sku.toUpperCase();
    const earlier = seenSku.get(key);
    if (earlier !== undefined) issue('sku', 'import.error.duplicateSku', { row: earlier });
    seenSku.set(key, row);

    let categoryId: number | undefined;
    if (typeof values.category === 'string') {
      categoryId = lookups.categories.get(values.category);
      if (categoryId === undefined) issue('category', 'import.error.category');
    }
    let supplierId: number | null | undefined;
    if (typeof values.supplier === 'string') {
      supplierId = lookups.suppliers.get(values.supplier.toLowerCase()) ?? null;
      if (supplierId === null) issue('supplier', 'import.error.supplier');
    }

    const current = lookups.existing.get(key);
    let slug = typeof values.slug === 'string' ? values.slug : undefined;
    if (!current && !slug && typeof values.name === 'string') {
      // A generated slug that another product has gets the SKU appended, so creating never fails on it.
      slug = slugify(values.name, 200);
      const owner = slugClaims.get(slug);
      if (!slug || (owner !== undefined && owner !== key)) slug = slugify(`${values.name} ${sku}`, 220);
    }
    if (slug) {
      const owner = slugClaims.get(slug);
      if (owner !== undefined && owner !== key) issue('slug', 'import.error.slugTaken');
      else slugClaims.set(slug, key);
    }

    if (!current) {
      for (const column of REQUIRED_FOR_NEW) {
        if (values[column] === undefined && !issues.some((i) => i.row === row && i.column === column))
          issue(column, 'import.error.required');
      }
    }
    issues.push(...rowIssues);
    if (rowIssues.length > 0 || issues.some((i) => i.row === row)) continue;

    if (!current) {
      const v = values as Record<string, CellValue | undefined>;
      creates.push({
        row,
        stock: (v.stock as number | undefined) ?? 0,
        write: {
          sku,
          name: v.name as string,
          slug: slug!,
          brand: v.brand as string,
          model: (v.model as string | undefined) ?? '',
          categoryId: categoryId!,
          supplierId: supplierId ?? null,
          price: v.price as number,
          minStock: (v.min_stock as number | undefined) ?? 0,
          lowStockThreshold: (v.low_stock_threshold as number | undefined) ?? 3,
          weightGrams: v.weight_grams as number,
          lengthCm: v.length_cm as number,
          widthCm: v.width_cm as number,
          heightCm: v.height_cm as number,
          isFeatured: (v.featured as boolean | undefined) ?? false,
          isActive: (v.active as boolean | undefined) ?? true,
          description: (v.description as string | undefined) ?? '',
        },
      });
      rows.push({ row, sku, action: 'create', changes: [] });
      continue;
    }

    const changes: ImportChange[] = [];
    const write: Partial<ProductWrite> = {};
    for (const [column, field] of Object.entries(WRITE_FIELD) as [ColumnKey, keyof ProductWrite][]) {
      const value = values[column];
      if (value === undefined || value === current[column as keyof SheetProduct]) continue;
      changes.push({ column, from: text(current[column as keyof SheetProduct]), to: text(value) });
      (write as Record<string, unknown>)[field] = value;
    }
    if (categoryId !== undefined && values.category !== current.category) {
      changes.push({ column: 'category', from: current.category, to: String(values.category) });
      write.categoryId = categoryId;
    }
    if (supplierId !== undefined && supplierId !== null && String(values.supplier).toLowerCase() !== current.supplier.toLowerCase()) {
      changes.push({ column: 'supplier', from: current.supplier, to: String(values.supplier) });
      write.supplierId = supplierId;
    }
    const stock = values.stock as number | undefined;
    if (stock !== undefined && stock !== current.stock) changes.push({ column: 'stock', from: String(current.stock), to: String(stock) });
    if (changes.length > 0) updates.push({ row, id: current.id, write, stock: stock !== current.stock ? stock : undefined });
    rows.push({ row, sku, action: changes.length > 0 ? 'update' : 'unchanged', changes });
  }

  issues.sort((a, b) => a.row - b.row);
  const count = (action: ImportRowPlan['action']) => rows.filter((r) => r.action === action).length;
  return {
    plan: { rows, issues, counts: { create: count('create'), update: count('update'), unchanged: count('unchanged') } },
    creates,
    updates,
  };
}
