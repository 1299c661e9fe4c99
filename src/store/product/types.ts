/** The product page's read models. */
import type { ImageSize } from '../../db/schema';

export interface ProductDetailRow {
  id: number;
  categoryId: number;
  slug: string;
  name: string;
  sku: string;
  brand: string;
  model: string;
  description: string;
  price: number;
  stock: number;
  lowStockThreshold: number;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  isFeatured: boolean;
  updatedAt: Date;
}

export interface ProductImageRow {
  id: number;
  storageKey: string;
  alt: string;
  sizes: ImageSize[];
}

export interface CategoryCrumb {
  id: number;
  slug: string;
  name: string;
}

export * from './admin-types';
