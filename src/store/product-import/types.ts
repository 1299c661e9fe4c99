/** What an import plans and reports: per row, the action and its changes, and every problem found (row, column, message). */
import type { MessageKey } from '../../lib/i18n';
import type { ColumnKey } from './schema';
import type { Sheet } from './sheet';

export interface ImportIssue {
  /** The sheet's row (the header is row 1). */
  row: number;
  column: ColumnKey | null;
  message: MessageKey;
  params?: Record<string, string | number>;
}

export interface ImportChange {
  column: ColumnKey;
  from: string;
  to: string;
}

export interface ImportRowPlan {
  row: number;
  sku: string;
  action: 'create' | 'update' | 'unchanged';
  changes: ImportChange[];
}

export interface ImportPlan {
  rows: ImportRowPlan[];
  issues: ImportIssue[];
  counts: { create: number; update: number; unchanged: number };
}

/** A product as the sheet sees it (category by slug, supplier by name). */
export interface SheetProduct {
  id: number;
  sku: string;
  name: string;
  slug: string;
  brand: string;
  model: string;
  category: string;
  supplier: string;
  price: number;
  stock: number;
  min_stock: number;
  low_stock_threshold: number;
  weight_grams: number;
  length_cm: number;
  width_cm: number;
  height_cm: number;
  featured: boolean;
  active: boolean;
  description: string;
}

/** The product columns an import writes (stock goes through the stock area). */
export interface ProductWrite {
  sku: string;
  name: string;
  slug: string;
  brand: string;
  model: string;
  categoryId: number;
  supplierId: number | null;
  price: number;
  minStock: number;
  lowStockThreshold: number;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  isFeatured: boolean;
  isActive: boolean;
  description: string;
}

/** Uploaded sheets kept between their preview and "apply" (pending.ts keeps them on disk). */
export interface PendingImports {
  save(sheet: Sheet, userId: number): Promise<string>;
  load(token: unknown, userId: number): Promise<Sheet | undefined>;
  remove(token: string): Promise<void>;
  /** Deletes the files older than their hour; returns how many (the scheduler's upload pruning). */
  prune(): Promise<number>;
}
