import { describe, expect, it } from 'vitest';
import { assertRupiah, formatRupiah } from '../../src/lib/money';

describe('formatRupiah', () => {
  it('formats whole rupiah with dots and no decimals', () => {
    expect(formatRupiah(1_850_000)).toBe('Rp\u00a01.850.000');
    expect(formatRupiah(0)).toBe('Rp\u00a00');
    expect(formatRupiah(999)).toBe('Rp\u00a0999');
    expect(formatRupiah(125_000_000)).toBe('Rp\u00a0125.000.000');
  });

  it('keeps the amount on one line (non-breaking space)', () => {
    expect(formatRupiah(15_000).replace('\u00a0', ' ')).toBe('Rp 15.000');
    expect(formatRupiah(15_000)).not.toContain(' ');
  });

  it('refuses fractions and unsafe integers instead of rounding', () => {
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => assertRupiah(2 ** 53)).toThrow(RangeError);
    expect(assertRupiah(2 ** 53 - 1)).toBe(2 ** 53 - 1);
  });
});
