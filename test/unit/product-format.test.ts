import { describe, expect, it } from 'vitest';
import { formatDimensionsCm, formatWeightKg, isProductSlug, metaDescription } from '../../src/store/product/format';

describe('specification formatting', () => {
  it('weight in kilograms, with the locale decimal mark and a non-breaking space', () => {
    expect(formatWeightKg(4500, 'id')).toBe('4,5\u00a0kg');
    expect(formatWeightKg(4500, 'en')).toBe('4.5\u00a0kg');
    expect(formatWeightKg(8000, 'id')).toBe('8\u00a0kg');
    expect(formatWeightKg(125, 'id')).toBe('0,13\u00a0kg');
    expect(formatWeightKg(12_345_000, 'id')).toBe('12.345\u00a0kg');
  });

  it('dimensions as L × W × H cm', () => {
    expect(formatDimensionsCm(105, 40, 12, 'id')).toBe('105 × 40 × 12\u00a0cm');
    expect(formatDimensionsCm(1200, 40, 12, 'en')).toBe('1,200 × 40 × 12\u00a0cm');
  });
});

describe('metaDescription', () => {
  it('keeps short text, collapsing whitespace', () => {
    expect(metaDescription('  Gitar   keren\n\nbanget ')).toBe('Gitar keren banget');
  });

  it('cuts long text at a word boundary within 155 characters and adds an ellipsis', () => {
    const text =
      'Legenda shred buatan Jepang dengan neck Super Wizard yang tipis dan cepat. ' +
      'Konfigurasi HSH plus tremolo Edge bikin dive bomb tetap stabil di tuning. Cocok buat kamu.';
    const result = metaDescription(text);
    expect(result.length).toBeLessThanOrEqual(155);
    expect(result.endsWith('…')).toBe(true);
    expect(text.startsWith(result.slice(0, -1))).toBe(true);
    expect(result).toBe(
      'Legenda shred buatan Jepang dengan neck Super Wizard yang tipis dan cepat. ' +
        'Konfigurasi HSH plus tremolo Edge bikin dive bomb tetap stabil di tuning…',
    );
  });

  it('drops trailing punctuation before the ellipsis and cuts one giant word', () => {
    expect(metaDescription('aaaa bbbb, cccc dddd', 12)).toBe('aaaa bbbb…');
    expect(metaDescription('x'.repeat(400))).toBe(`${'x'.repeat(154)}…`);
  });
});

describe('isProductSlug', () => {
  it('accepts lower-case hyphenated words only, up to 220 characters', () => {
    expect(isProductSlug('ibanez-rg550-genesis')).toBe(true);
    for (const bad of ['', 'Ibanez', 'a--b', '-a', 'a-', 'a b', '<script>', "x' or 1=1", 'a'.repeat(221), 'é']) {
      expect(isProductSlug(bad), bad).toBe(false);
    }
  });
});
