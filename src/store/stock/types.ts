/** The stock area's vocabulary, shared with the areas that call it (orders, the back office). */

/** Why a product's stock changed; every change writes one movement with its reason. */
export type StockReason = 'order_reserved' | 'order_released' | 'order_refunded' | 'adjustment' | 'restock';

/** One line of an order as stock sees it. */
export interface StockLine {
  productId: number;
  quantity: number;
}

/** What a reservation learned about the product it took units from (priced and named for the order line). */
export interface ReservedProduct {
  id: number;
  slug: string;
  name: string;
  sku: string;
  brand: string;
  price: number;
}

export interface StockMovement {
  productId: number;
  change: number;
  reason: StockReason;
  orderId?: number | null;
  userId?: number | null;
  note?: string;
}
