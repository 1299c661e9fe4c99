/** The catalog's read models: what a product card and a category tile show. */
import type { ImageSize } from '../../db/schema';

export interface ProductCardRow {
  id: number;
  slug: string;
  name: string;
  brand: string;
  model: string;
  price: number;
  stock: number;
  lowStockThreshold: number;
  isFeatured: boolean;
  image: { storageKey: string; alt: string; sizes: ImageSize[] } | null;
}

export interface CategoryTileRow {
  id: number;
  slug: string;
  name: string;
  icon: string;
  /** Active products in this category and all its descendants. */
  productCount: number;
}

/** A category as the back office sees it (A3): every field, active or not, with its own products. */
export interface AdminCategoryRow {
  id: number;
  parentId: number | null;
  name: string;
  slug: string;
  description: string;
  icon: string;
  position: number;
  isActive: boolean;
  /** Products (active or not) directly in this category. */
  productCount: number;
}

/** What the category form writes. */
export interface CategoryFields {
  parentId: number | null;
  name: string;
  slug: string;
  description: string;
  icon: string;
  position: number;
  isActive: boolean;
}
