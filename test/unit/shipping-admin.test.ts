/** A7 rules without I/O: the service form's fields, the threshold, and the grouped ordering of services. */
import { describe, expect, it } from 'vitest';
import { parseForm } from '../../src/store/ui/form';
import { groupByCourier, inGroupedOrder, moveCourier, moveService } from '../../src/store/shipping/model';
import { isTrackingTemplate, parseRupiahInput, shippingServiceFormSchema, thresholdFormSchema } from '../../src/store/shipping/schema';
import { createShippingService, previewRate } from '../../src/store/shipping/service';
import type { ShippingRepository } from '../../src/store/shipping/repository';
import type { ShippingServiceListRow } from '../../src/store/shipping/types';

const VALID = {
  code: 'jne-reg',
  courier: 'JNE',
  name: 'JNE Reguler',
  basePrice: '15.000',
  pricePerKg: '5000',
  volumeDivisor: '6000',
  minDays: '2',
  maxDays: '4',
  trackingUrlTemplate: 'https://www.jne.co.id/tracking-package?awb={awb}',
  isActive: 'on',
};

function errorsOf(change: Record<string, string>) {
  const result = parseForm(shippingServiceFormSchema, { ...VALID, ...change });
  return result.ok ? {} : result.errors;
}

describe('rupiah as people type it', () => {
  it.each([
    ['15000', 15_000],
    ['15.000', 15_000],
    ['1.500.000', 1_500_000],
    [' Rp 15.000 ', 15_000],
    ['rp15000', 15_000],
    ['15 000', 15_000],
    ['0', 0],
  ])('%j is %d', (text, amount) => expect(parseRupiahInput(text)).toBe(amount));

  it.each(['', '15,5', '15.5', '150.00', '15.000,50', '-5000', 'abc', '1e5', '12345678901234567'])('%j is refused', (text) =>
    expect(parseRupiahInput(text)).toBeUndefined(),
  );
});

describe('tracking templates', () => {
  it('need https and {awb}', () => {
    expect(isTrackingTemplate('https://jet.co.id/track?awb={awb}')).toBe(true);
    expect(isTrackingTemplate('https://kurir.example/lacak/{awb}')).toBe(true);
    expect(isTrackingTemplate('http://jet.co.id/track?awb={awb}')).toBe(false);
    expect(isTrackingTemplate('https://jet.co.id/track?awb=')).toBe(false);
    expect(isTrackingTemplate('javascript:alert(1)//{awb}')).toBe(false);
    expect(isTrackingTemplate('jet.co.id/track?awb={awb}')).toBe(false);
    expect(isTrackingTemplate('https://localhost/{awb}')).toBe(false);
  });
});

describe('the service form', () => {
  it('reads a valid form: amounts in whole rupiah, an empty template as none', () => {
    const result = parseForm(shippingServiceFormSchema, { ...VALID, code: ' JNE_Reg ', trackingUrlTemplate: '' });
    expect(result).toEqual({
      ok: true,
      data: {
        code: 'jne_reg',
        courier: 'JNE',
        name: 'JNE Reguler',
        basePrice: 15_000,
        pricePerKg: 5_000,
        volumeDivisor: 6000,
        minDays: 2,
        maxDays: 4,
        trackingUrlTemplate: '',
        isActive: true,
      },
    });
    const inactive = parseForm(shippingServiceFormSchema, { ...VALID, isActive: undefined });
    expect(inactive.ok && inactive.data.isActive).toBe(false);
  });

  it.each([
    [{ code: '' }, 'code', 'adminShipping.error.code'],
    [{ code: 'jne reg' }, 'code', 'adminShipping.error.code'],
    [{ code: '-jne' }, 'code', 'adminShipping.error.code'],
    [{ code: 'jne.reg' }, 'code', 'adminShipping.error.code'],
    [{ code: 'a'.repeat(41) }, 'code', 'adminShipping.error.code'],
    [{ courier: '  ' }, 'courier', 'adminShipping.error.courier'],
    [{ name: 'x'.repeat(81) }, 'name', 'adminShipping.error.name'],
    [{ basePrice: '-1' }, 'basePrice', 'adminShipping.error.price'],
    [{ basePrice: '15.000,50' }, 'basePrice', 'adminShipping.error.price'],
    [{ basePrice: '' }, 'basePrice', 'adminShipping.error.price'],
    [{ pricePerKg: '200.000.000' }, 'pricePerKg', 'adminShipping.error.price'],
    [{ volumeDivisor: '0' }, 'volumeDivisor', 'adminShipping.error.divisor'],
    [{ volumeDivisor: '-6000' }, 'volumeDivisor', 'adminShipping.error.divisor'],
    [{ volumeDivisor: '6000.5' }, 'volumeDivisor', 'adminShipping.error.divisor'],
    [{ volumeDivisor: 'Rp 6000' }, 'volumeDivisor', 'adminShipping.error.divisor'],
    [{ minDays: 'x' }, 'minDays', 'adminShipping.error.days'],
    [{ maxDays: '61' }, 'maxDays', 'adminShipping.error.days'],
    [{ minDays: '5', maxDays: '3' }, 'maxDays', 'adminShipping.error.dayOrder'],
    [{ trackingUrlTemplate: 'https://jet.co.id/track' }, 'trackingUrlTemplate', 'adminShipping.error.template'],
    [{ trackingUrlTemplate: 'http://jet.co.id/track?awb={awb}' }, 'trackingUrlTemplate', 'adminShipping.error.template'],
  ])('%j → %s: %s', (change, field, key) => {
    expect(errorsOf(change)[field]).toBe(key);
  });

  it('says every wrong field at once, the day order included', () => {
    expect(errorsOf({ code: 'Bad!', minDays: '5', maxDays: '2' })).toEqual({
      code: 'adminShipping.error.code',
      maxDays: 'adminShipping.error.dayOrder',
    });
    expect(errorsOf({ minDays: 'x', maxDays: '2' })).toEqual({ minDays: 'adminShipping.error.days' });
  });

  it('accepts zero prices and the same day as fastest and slowest', () => {
    expect(errorsOf({ basePrice: '0', pricePerKg: '0', minDays: '1', maxDays: '1' })).toEqual({});
    expect(errorsOf({ volumeDivisor: '6.000' })).toEqual({});
  });
});

describe('the free-shipping threshold', () => {
  it('is empty for none, or whole rupiah', () => {
    expect(parseForm(thresholdFormSchema, { freeShippingFrom: '  ' })).toEqual({ ok: true, data: { freeShippingFrom: null } });
    expect(parseForm(thresholdFormSchema, { freeShippingFrom: '1.500.000' })).toEqual({ ok: true, data: { freeShippingFrom: 1_500_000 } });
    for (const bad of ['-1', '1,5 juta', 'gratis'])
      expect(parseForm(thresholdFormSchema, { freeShippingFrom: bad })).toMatchObject({
        ok: false,
        errors: { freeShippingFrom: 'adminShipping.error.threshold' },
      });
  });
});

function row(id: number, courier: string): ShippingServiceListRow {
  return {
    id,
    code: `s${id}`,
    courier,
    name: `S${id}`,
    basePrice: 10_000,
    pricePerKg: 5_000,
    volumeDivisor: 6000,
    minDays: 1,
    maxDays: 2,
    trackingUrlTemplate: null,
    isActive: true,
    position: id,
    orderCount: 0,
  };
}

describe('ordering by courier', () => {
  const rows = [row(1, 'JNE'), row(2, 'J&T'), row(3, 'JNE'), row(4, 'POS')];
  const groups = groupByCourier(rows);

  it('groups by courier in the order of each courier’s first service', () => {
    expect(groups.map((g) => [g.courier, g.services.map((s) => s.id)])).toEqual([
      ['JNE', [1, 3]],
      ['J&T', [2]],
      ['POS', [4]],
    ]);
    expect(inGroupedOrder(rows)).toBe(false);
    expect(inGroupedOrder([row(1, 'JNE'), row(3, 'JNE'), row(2, 'J&T')])).toBe(true);
  });

  it('moves a service within its courier only', () => {
    expect(moveService(groups, 3, 'up')).toEqual([3, 1, 2, 4]);
    expect(moveService(groups, 1, 'down')).toEqual([3, 1, 2, 4]);
    expect(moveService(groups, 1, 'up')).toBeUndefined();
    expect(moveService(groups, 3, 'down')).toBeUndefined();
    expect(moveService(groups, 2, 'up')).toBeUndefined();
    expect(moveService(groups, 99, 'up')).toBeUndefined();
  });

  it('moves a courier with all its services', () => {
    expect(moveCourier(groups, 'J&T', 'up')).toEqual([2, 1, 3, 4]);
    expect(moveCourier(groups, 'JNE', 'down')).toEqual([2, 1, 3, 4]);
    expect(moveCourier(groups, 'POS', 'down')).toBeUndefined();
    expect(moveCourier(groups, 'TIKI', 'up')).toBeUndefined();
  });
});

describe('the rate preview', () => {
  it('prices a parcel as checkout does: the larger of actual and volumetric weight, rounded up', () => {
    // A guitar case: 3.5 kg, 110 × 45 × 15 cm = 74 250 cm³ → 12.375 kg at 6000 → 13 kg billed.
    const rate = { basePrice: 15_000, pricePerKg: 5_000, volumeDivisor: 6000 };
    const preview = previewRate(rate, { weightGrams: 3500, lengthCm: 110, widthCm: 45, heightCm: 15 });
    expect(preview).toEqual({ actualGrams: 3500, volumetricGrams: 12_375, billableKg: 13, cost: 15_000 + 12 * 5_000 });
    // A smaller divisor bills the same box heavier.
    expect(previewRate({ ...rate, volumeDivisor: 4000 }, { weightGrams: 3500, lengthCm: 110, widthCm: 45, heightCm: 15 }).billableKg).toBe(
      19,
    );
  });
});

describe('the free-shipping threshold setter', () => {
  it('writes whole rupiah or null through the audited settings editor, and refuses anything else before it', async () => {
    const writes: unknown[] = [];
    const actor = { id: 1, email: 'owner@hurtrock.example', role: 'admin', ip: '203.0.113.1' };
    const shipping = createShippingService({
      repo: {} as unknown as ShippingRepository,
      settings: { get: async () => ({}) as never },
      saveSettings: async (values, by) => {
        writes.push([values, by]);
        return true;
      },
      transaction: (async () => undefined) as never,
    });
    await shipping.setFreeShippingFrom(1_500_000, actor);
    await shipping.setFreeShippingFrom(null, actor);
    expect(writes).toEqual([
      [{ freeShippingFrom: 1_500_000 }, actor],
      [{ freeShippingFrom: null }, actor],
    ]);
    await expect(shipping.setFreeShippingFrom(-1, actor)).rejects.toThrow(RangeError);
    await expect(shipping.setFreeShippingFrom(1.5, actor)).rejects.toThrow(RangeError);
    expect(writes).toHaveLength(2);
  });
});
