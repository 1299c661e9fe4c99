import { describe, expect, it } from 'vitest';
import { highlightParts, normalizeQuery, prefixTsQuery, searchTerms } from '../../src/lib/search-terms';

describe('search terms', () => {
  it('folds case, accents and spacing', () => {
    expect(normalizeQuery('  ÉSP   LTD\tEC-1000 ')).toBe('esp ltd ec-1000');
    expect(normalizeQuery('Café')).toBe('cafe');
  });

  it('cuts very long input', () => {
    expect(normalizeQuery('a'.repeat(2048))).toHaveLength(100);
  });

  it('keeps only letters and digits in terms, so no tsquery syntax gets through', () => {
    expect(searchTerms("boss ds-1 ' | & ! :* <->")).toEqual(['boss', 'ds', '1']);
    expect(prefixTsQuery(searchTerms(normalizeQuery("strat'); DROP TABLE products;--")))).toBe('strat:* & drop:* & table:* & products:*');
    expect(prefixTsQuery([])).toBeNull();
  });

  it('limits the number of terms', () => {
    expect(searchTerms('a b c d e f g h i j k')).toHaveLength(8);
  });

  it('marks matches case- and accent-insensitively, keeping the original text', () => {
    expect(highlightParts('Fender Player Stratocaster', ['strat'])).toEqual([
      { text: 'Fender Player ', match: false },
      { text: 'Strat', match: true },
      { text: 'ocaster', match: false },
    ]);
    expect(highlightParts('Éxotic Éxotic', ['exo'])).toEqual([
      { text: 'Éxo', match: true },
      { text: 'tic ', match: false },
      { text: 'Éxo', match: true },
      { text: 'tic', match: false },
    ]);
  });

  it('ignores one-letter terms for highlighting', () => {
    expect(highlightParts('Line 6 HX Stomp', ['x'])).toEqual([{ text: 'Line 6 HX Stomp', match: false }]);
  });
});
