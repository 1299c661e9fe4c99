/**
 * How many products of each brand match a set of categories, a price range and the stock filter:
 * the listing's total and its brand facet (catalog-facts.ts), without a pass over every product.
 *
 * Counts are kept per category and brand (all products, and in-stock ones). A price range only
 * cuts off a category's cheapest and dearest products: they are found by binary search in the
 * category's price order, and whichever is fewer is visited, the products cut off (subtracted from
 * the kept counts) or the products left (counted afresh). A shopper's price floor usually cuts off
 * few products, so a page costs about the categories it covers, not the size of the catalogue.
 */

/** The listing index's columns, one entry per product. */
export interface CountedColumns {
  category: Int32Array;
  brand: Uint32Array;
  price: Float64Array;
  inStock: Uint8Array;
}

export interface BrandCounter {
  /** Per brand number, the products in these categories within [min, max] (in stock only if asked). */
  count(categoryIds: readonly number[], min: number, max: number, inStockOnly: boolean): Uint32Array;
}

export function buildBrandCounter(columns: CountedColumns, brandCount: number): BrandCounter {
  const { category, brand, price, inStock } = columns;
  const size = category.length;
  // Categories numbered densely (their ids may be large after years of edits).
  const slotOf = new Map<number, number>();
  for (let i = 0; i < size; i++) if (!slotOf.has(category[i]!)) slotOf.set(category[i]!, slotOf.size);
  const categories = slotOf.size;
  const slot = Int32Array.from(category, (id) => slotOf.get(id)!);

  const all = new Uint32Array(categories * brandCount);
  const stocked = new Uint32Array(categories * brandCount);
  // Each category's products, cheapest first, one after the other: category c has [start[c], start[c + 1]).
  const start = new Int32Array(categories + 1);
  for (let i = 0; i < size; i++) {
    const cell = slot[i]! * brandCount + brand[i]!;
    all[cell]! += 1;
    if (inStock[i] === 1) stocked[cell]! += 1;
    start[slot[i]! + 1]! += 1;
  }
  for (let c = 0; c < categories; c++) start[c + 1]! += start[c]!;
  const next = start.slice(0, categories);
  const byPrice = new Int32Array(size);
  for (const i of Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => price[a]! - price[b]!)) {
    byPrice[next[slot[i]!]!++] = i;
  }
  const priceAt = Float64Array.from(byPrice, (i) => price[i]!);

  /** The first position in [from, to) whose price is not below `value` (or above it, when `strict`). */
  function firstPast(from: number, to: number, value: number, strict: boolean): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (priceAt[mid]! < value || (strict && priceAt[mid] === value)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  return {
    count(categoryIds, min, max, inStockOnly) {
      const perBrand = new Uint32Array(brandCount);
      const done = new Uint8Array(categories);
      const kept = inStockOnly ? stocked : all;
      const tally = (from: number, to: number, step: 1 | -1) => {
        for (let p = from; p < to; p++) {
          const i = byPrice[p]!;
          if (!inStockOnly || inStock[i] === 1) perBrand[brand[i]!]! += step;
        }
      };
      for (const id of categoryIds) {
        const c = slotOf.get(id);
        if (c === undefined || done[c] === 1) continue;
        done[c] = 1;
        const from = start[c]!;
        const to = start[c + 1]!;
        const lo = firstPast(from, to, min, false);
        const hi = Math.max(lo, firstPast(lo, to, max, true));
        if (hi - lo <= to - from - (hi - lo)) {
          tally(lo, hi, 1);
        } else {
          for (let b = 0, cell = c * brandCount; b < brandCount; b++, cell++) perBrand[b]! += kept[cell]!;
          tally(from, lo, -1);
          tally(hi, to, -1);
        }
      }
      return perBrand;
    },
  };
}
