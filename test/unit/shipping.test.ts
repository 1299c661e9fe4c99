import { describe, expect, it } from 'vitest';
import { parcelWeight, shippingCharge, shippingCost } from '../../src/store/checkout/shipping';

const jneReg = { basePrice: 15_000, pricePerKg: 5_000, volumeDivisor: 6000 };
const pedal = { weightGrams: 350, lengthCm: 12, widthCm: 7, heightCm: 5, quantity: 1 };
// A guitar in its box: 3.6 kg, 110 × 45 × 15 cm → 74 250 cm³ / 6000 = 12.375 kg volumetric.
const guitar = { weightGrams: 3600, lengthCm: 110, widthCm: 45, heightCm: 15, quantity: 1 };
// A small heavy amp: 9.5 kg, 40 × 25 × 35 = 35 000 cm³ → 5.834 kg volumetric.
const amp = { weightGrams: 9500, lengthCm: 40, widthCm: 25, heightCm: 35, quantity: 1 };

describe('parcel weight', () => {
  it('bills at least one kilogram for a light, small parcel', () => {
    expect(parcelWeight([pedal], 6000)).toEqual({ actualGrams: 350, volumetricGrams: 70, billableKg: 1 });
  });

  it('bills the volumetric weight when the box is bulky, rounded up to whole kilograms', () => {
    const w = parcelWeight([guitar], 6000);
    expect(w.volumetricGrams).toBe(12_375);
    expect(w.billableKg).toBe(13);
  });

  it('bills the actual weight when the parcel is heavy for its size', () => {
    const w = parcelWeight([amp], 6000);
    expect(w.actualGrams).toBe(9500);
    expect(w.volumetricGrams).toBe(5834);
    expect(w.billableKg).toBe(10);
  });

  it('multiplies by quantity and sums the items', () => {
    const w = parcelWeight([{ ...pedal, quantity: 3 }, amp], 6000);
    expect(w.actualGrams).toBe(3 * 350 + 9500);
    expect(w.billableKg).toBe(11); // 10 550 g actual > 6 086 g volumetric
  });

  it('uses the service divisor (a larger divisor makes bulky parcels cheaper)', () => {
    expect(parcelWeight([guitar], 5000).billableKg).toBe(15); // 14.85 kg
    expect(parcelWeight([guitar], 6000).billableKg).toBe(13);
  });

  it('rounds up an exact kilogram boundary only past it', () => {
    expect(parcelWeight([{ ...pedal, weightGrams: 2000 }], 6000).billableKg).toBe(2);
    expect(parcelWeight([{ ...pedal, weightGrams: 2001 }], 6000).billableKg).toBe(3);
  });

  it('refuses a zero divisor', () => {
    expect(() => parcelWeight([pedal], 0)).toThrow(RangeError);
  });
});

describe('shipping cost', () => {
  it('charges the base price for the first kilogram and the per-kg price for each further one', () => {
    expect(shippingCost(jneReg, 1)).toBe(15_000);
    expect(shippingCost(jneReg, 13)).toBe(15_000 + 12 * 5_000);
  });

  it('refuses fractional or zero kilograms (the caller must round first)', () => {
    expect(() => shippingCost(jneReg, 0)).toThrow(RangeError);
    expect(() => shippingCost(jneReg, 1.5)).toThrow(RangeError);
  });

  it('is free from the threshold on, and charged below it or when the shop has none', () => {
    expect(shippingCharge(75_000, 5_000_000, 5_000_000)).toBe(0);
    expect(shippingCharge(75_000, 4_999_999, 5_000_000)).toBe(75_000);
    expect(shippingCharge(75_000, 50_000_000, null)).toBe(75_000);
  });
});
