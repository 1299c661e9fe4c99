/** How a product's stock is presented to customers: in stock, "only N left", or out of stock. */
export type StockState = { kind: 'in' } | { kind: 'low'; count: number } | { kind: 'out' };

export function stockState(stock: number, lowStockThreshold: number): StockState {
  if (stock <= 0) return { kind: 'out' };
  if (stock <= lowStockThreshold) return { kind: 'low', count: stock };
  return { kind: 'in' };
}
