/**
 * Cart rules with no I/O, so each one is unit-tested on its own: what a valid quantity is, how
 * two carts merge, and how a line compares with the product as it is now (K3, K4).
 */

/** Upper bound for any quantity field, far above any stock, so parsing never leaves safe integers. */
export const MAX_QUANTITY_DIGITS = 6;

export type QuantityProblem = 'invalid' | 'tooMany' | 'soldOut';

/**
 * A quantity from a form or JSON: only a plain positive whole number ("1", 3) up to `stock`.
 * "0", "-1", "1.5", "1e3", "abc" and 10^12 are refused, never rounded or clamped silently.
 */
export function parseQuantity(raw: unknown, stock: number): { ok: true; quantity: number } | { ok: false; problem: QuantityProblem } {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!new RegExp(`^[1-9]\\d{0,${MAX_QUANTITY_DIGITS - 1}}$`).test(text)) {
    return { ok: false, problem: /^\d{7,}$/.test(text) ? 'tooMany' : 'invalid' };
  }
  if (stock <= 0) return { ok: false, problem: 'soldOut' };
  const quantity = Number(text);
  return quantity <= stock ? { ok: true, quantity } : { ok: false, problem: 'tooMany' };
}

/** A product id field: a positive integer that fits the database column. */
export function parseProductId(raw: unknown): number | undefined {
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^[1-9]\d{0,8}$/.test(text)) return undefined;
  return Number(text);
}

/** Adding to a line that exists, or merging two carts: summed, but never more than the stock. */
export function combinedQuantity(existing: number, added: number, stock: number): number {
  return Math.max(0, Math.min(existing + added, stock));
}

export interface StoredLine {
  quantity: number;
  priceSeen: number;
  stockSeen: number;
}

export interface CurrentProduct {
  price: number;
  stock: number;
  isActive: boolean;
}

export type LineReview =
  | { action: 'remove'; reason: 'inactive' | 'soldOut' }
  | {
      action: 'keep';
      quantity: number;
      /** Set when the price differs from the one the customer saw when adding. */
      priceChange?: { from: number; to: number };
      /** Set when the stock dropped below the quantity: the quantity was lowered to the stock. */
      quantityCapped?: { from: number; to: number; stockSeen: number };
    };

/** Compares a stored line with the product now. Inactive or sold-out products leave the cart. */
export function reviewLine(line: StoredLine, product: CurrentProduct): LineReview {
  if (!product.isActive) return { action: 'remove', reason: 'inactive' };
  if (product.stock <= 0) return { action: 'remove', reason: 'soldOut' };
  const review: LineReview = { action: 'keep', quantity: Math.min(line.quantity, product.stock) };
  if (product.price !== line.priceSeen) review.priceChange = { from: line.priceSeen, to: product.price };
  if (line.quantity > product.stock) review.quantityCapped = { from: line.quantity, to: product.stock, stockSeen: line.stockSeen };
  return review;
}
