/**
 * Shipping cost (P1), with no I/O. Indonesian couriers bill the larger of the actual weight and
 * the volumetric weight (L × W × H in cm ÷ the service's divisor, usually 6000), rounded up to
 * whole kilograms with a minimum of 1 kg: the first kilogram costs `basePrice`, every further
 * one `pricePerKg`. A guitar case is light but bulky, so its volume usually decides.
 */

export interface ParcelItem {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  quantity: number;
}

export interface ShippingRate {
  basePrice: number;
  pricePerKg: number;
  volumeDivisor: number;
}

export interface ParcelWeight {
  actualGrams: number;
  /** Volumetric weight in grams (each unit packed in its own box, boxes summed). */
  volumetricGrams: number;
  /** Whole kilograms the courier bills: max(actual, volumetric), rounded up, at least 1. */
  billableKg: number;
}

export function parcelWeight(items: readonly ParcelItem[], volumeDivisor: number): ParcelWeight {
  if (!(volumeDivisor > 0)) throw new RangeError(`volume divisor must be positive, got ${volumeDivisor}`);
  let actualGrams = 0;
  let volumeCm3 = 0;
  for (const item of items) {
    actualGrams += item.weightGrams * item.quantity;
    volumeCm3 += item.lengthCm * item.widthCm * item.heightCm * item.quantity;
  }
  // kg = cm³ / divisor, so grams = cm³ × 1000 / divisor (kept in integers until the division).
  const volumetricGrams = Math.ceil((volumeCm3 * 1000) / volumeDivisor);
  const billableKg = Math.max(1, Math.ceil(Math.max(actualGrams, volumetricGrams) / 1000));
  return { actualGrams, volumetricGrams, billableKg };
}

/** Cost in whole rupiah for a parcel billed at `billableKg`. */
export function shippingCost(rate: ShippingRate, billableKg: number): number {
  if (!Number.isSafeInteger(billableKg) || billableKg < 1)
    throw new RangeError(`billable kg must be a whole number ≥ 1, got ${billableKg}`);
  return rate.basePrice + rate.pricePerKg * (billableKg - 1);
}

/**
 * The shipping the customer pays: free when the subtotal reaches the shop's threshold (when it
 * has one), otherwise the courier's cost.
 */
export function shippingCharge(cost: number, subtotal: number, freeShippingFrom: number | null): number {
  return freeShippingFrom !== null && subtotal >= freeShippingFrom ? 0 : cost;
}
