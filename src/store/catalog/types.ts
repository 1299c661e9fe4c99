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
