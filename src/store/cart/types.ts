/** The cart area's types: who owns a cart and what its lines hold. */
import type { ProductCardRow } from '../catalog/types';

export type CartOwner = { userId: number } | { sessionKey: string };

export interface CartProduct {
  id: number;
  name: string;
  price: number;
  stock: number;
  isActive: boolean;
}

export interface CartLineRow {
  productId: number;
  slug: string;
  name: string;
  brand: string;
  price: number;
  stock: number;
  isActive: boolean;
  quantity: number;
  priceSeen: number;
  stockSeen: number;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  image: ProductCardRow['image'];
}
