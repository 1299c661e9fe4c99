/** The back office's view of products (A2): list rows, the edit form's record, images, filters. */
import type { ImageSize } from '../../db/schema';
import type { ProductSearchScope } from '../../db/product-search';

export const ADMIN_SORTS = ['newest', 'name', 'price_asc', 'price_desc', 'stock_asc', 'stock_desc', 'relevance'] as const;
export type AdminProductSort = (typeof ADMIN_SORTS)[number];
export const STOCK_STATES = ['out', 'low', 'ok'] as const;
export type StockState = (typeof STOCK_STATES)[number];
export const BULK_ACTIONS = ['activate', 'deactivate', 'feature', 'unfeature'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many images per product. */
export const MAX_PRODUCT_IMAGES = 8;
/** At most this many bytes per uploaded image. */
export const MAX_PRODUCT_IMAGE_BYTES = 10 * 1024 * 1024;
/** Highest price the form accepts (exclusive): 10^12 rupiah. */
export const MAX_PRODUCT_PRICE = 1_000_000_000_000;
export const ADMIN_PAGE_SIZE = 20;

export interface AdminProductQuery {
  q: string;
  categoryId: number | undefined;
  stock: StockState | undefined;
  active: boolean | undefined;
  featured: boolean | undefined;
  sort: AdminProductSort;
  page: number;
}

export interface AdminProductFilters extends Omit<AdminProductQuery, 'q'> {
  /**
   * The search, with the categories whose name it matched (their products match too) and the
   * catalogue words its typos were corrected to (db/product-search.ts).
   */
  search: ({ q: string } & ProductSearchScope) | undefined;
  perPage: number;
}

export interface AdminProductRow {
  id: number;
  slug: string;
  name: string;
  sku: string;
  categoryName: string;
  price: number;
  stock: number;
  lowStockThreshold: number;
  isActive: boolean;
  isFeatured: boolean;
  image: { storageKey: string; alt: string; sizes: ImageSize[] } | null;
}

/** Every editable field of a product. */
export interface ProductFields {
  name: string;
  slug: string;
  sku: string;
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
  description: string;
  isFeatured: boolean;
  isActive: boolean;
}

export interface AdminProduct extends ProductFields {
  id: number;
  stock: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface AdminProductImage {
  id: number;
  storageKey: string;
  alt: string;
  position: number;
  isMain: boolean;
  sizes: ImageSize[];
}

export interface ChoiceRow {
  id: number;
  name: string;
  isActive: boolean;
}

export function stockState(stock: number, lowStockThreshold: number): StockState {
  if (stock <= 0) return 'out';
  return stock <= lowStockThreshold ? 'low' : 'ok';
}
