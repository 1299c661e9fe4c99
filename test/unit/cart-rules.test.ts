import { describe, expect, it } from 'vitest';
import { combinedQuantity, parseProductId, parseQuantity, reviewLine } from '../../src/store/cart/rules';

describe('cart quantity', () => {
  it('accepts plain whole numbers from 1 up to the stock', () => {
    expect(parseQuantity('1', 4)).toEqual({ ok: true, quantity: 1 });
    expect(parseQuantity(' 4 ', 4)).toEqual({ ok: true, quantity: 4 });
    expect(parseQuantity(3, 4)).toEqual({ ok: true, quantity: 3 });
  });

  it.each(['0', '-1', '1.5', 'abc', '', '1e3', '0x10', '+2', '01', null, undefined, {}, 1.5, -1, 0])('refuses %j as invalid', (raw) => {
    expect(parseQuantity(raw, 10)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('refuses more than the stock, however large', () => {
    expect(parseQuantity('5', 4)).toEqual({ ok: false, problem: 'tooMany' });
    expect(parseQuantity('1000000000000', 4)).toEqual({ ok: false, problem: 'tooMany' });
    expect(parseQuantity(10 ** 12, 4)).toEqual({ ok: false, problem: 'tooMany' });
  });

  it('says sold out when there is no stock', () => {
    expect(parseQuantity('1', 0)).toEqual({ ok: false, problem: 'soldOut' });
  });
});

describe('cart product id', () => {
  it('accepts positive integers only', () => {
    expect(parseProductId('12')).toBe(12);
    expect(parseProductId(7)).toBe(7);
    for (const raw of ['0', '-3', '1.5', 'abc', '', '99999999999', undefined]) expect(parseProductId(raw)).toBeUndefined();
  });
});

describe('merging and adding', () => {
  it('sums quantities but never beyond the stock', () => {
    expect(combinedQuantity(2, 1, 10)).toBe(3);
    expect(combinedQuantity(3, 3, 4)).toBe(4);
    expect(combinedQuantity(0, 5, 2)).toBe(2);
    expect(combinedQuantity(1, 1, 0)).toBe(0);
  });
});

describe('reviewing a line against the product now (K4)', () => {
  const line = { quantity: 3, priceSeen: 1_000_000, stockSeen: 10 };

  it('keeps an unchanged line as it is', () => {
    expect(reviewLine(line, { price: 1_000_000, stock: 10, isActive: true })).toEqual({ action: 'keep', quantity: 3 });
  });

  it('flags a price change with the old and new price', () => {
    expect(reviewLine(line, { price: 1_250_000, stock: 10, isActive: true })).toEqual({
      action: 'keep',
      quantity: 3,
      priceChange: { from: 1_000_000, to: 1_250_000 },
    });
  });

  it('caps the quantity when the stock dropped below it, with old and new values', () => {
    expect(reviewLine(line, { price: 1_000_000, stock: 2, isActive: true })).toEqual({
      action: 'keep',
      quantity: 2,
      quantityCapped: { from: 3, to: 2, stockSeen: 10 },
    });
  });

  it('a lower stock that still covers the quantity is no change for the customer', () => {
    expect(reviewLine(line, { price: 1_000_000, stock: 3, isActive: true })).toEqual({ action: 'keep', quantity: 3 });
  });

  it('removes inactive and sold-out products', () => {
    expect(reviewLine(line, { price: 1_000_000, stock: 10, isActive: false })).toEqual({ action: 'remove', reason: 'inactive' });
    expect(reviewLine(line, { price: 1_000_000, stock: 0, isActive: true })).toEqual({ action: 'remove', reason: 'soldOut' });
  });
});
