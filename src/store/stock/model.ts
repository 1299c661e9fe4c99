/** Pure stock rules other areas and the back office may use. */
import type { StockLevel } from './types';

/** The level of a stock against a product's own thresholds (the tightest that applies). */
export function stockLevel(p: { stock: number; minStock: number; lowStockThreshold: number }): StockLevel {
  if (p.stock <= 0) return 'out';
  if (p.stock <= p.minStock) return 'critical';
  if (p.stock <= p.lowStockThreshold) return 'low';
  return 'ok';
}
