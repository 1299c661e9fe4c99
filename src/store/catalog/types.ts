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

/** A brand in the catalogue's filter, with how many products the other filters leave it. */
export interface BrandCount {
  brand: string;
  count: number;
}

export interface CategoryTileRow {
  id: number;
  slug: string;
  name: string;
  icon: string;
  /** Active products in this category and all its descendants. */
  productCount: number;
  /** Its picture, shown on the tile instead of the icon when there is one. */
  image: CategoryImage | null;
}

/** A category as the back office sees it (A3): every field, active or not, with its own products. */
/** A category's picture: its renditions' key and real sizes (as for product images). */
export interface CategoryImage {
  storageKey: string;
  sizes: ImageSize[];
}

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
  image: CategoryImage | null;
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
