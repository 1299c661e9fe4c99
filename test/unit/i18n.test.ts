import { describe, expect, it } from 'vitest';
import { catalogs, isLocale, translator } from '../../src/lib/i18n';

describe('message catalog', () => {
  it('has every Indonesian key in English and nothing extra', () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.id).sort());
    for (const text of [...Object.values(catalogs.id), ...Object.values(catalogs.en)]) expect(text.trim()).not.toBe('');
  });

  it('translates and fills parameters', () => {
    expect(translator('id')('product.stock.low', { count: 2 })).toBe('Sisa 2');
    expect(translator('en')('product.stock.low', { count: 2 })).toBe('Only 2 left');
    expect(translator('en')('nav.home')).toBe('Home');
  });

  it('uses the singular form for exactly one', () => {
    expect(translator('en')('home.categories.count', { count: 1 })).toBe('1 product');
    expect(translator('en')('home.categories.count', { count: 2 })).toBe('2 products');
    expect(translator('id')('home.categories.count', { count: 1 })).toBe('1 produk');
  });

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(translator('en')('product.stock.low', {})).toBe('Only {count} left');
  });

  it('accepts only the supported locales', () => {
    expect(isLocale('id')).toBe(true);
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
