import { describe, expect, it } from 'vitest';
import { correctionsFor, osaDistance, osaPrefixDistance, typoBudget } from '../../src/lib/typo-tolerance';

const words = (...list: string[]) => list.map((word) => ({ word, uses: 1 }));

describe('typo tolerance', () => {
  it('allows one typo from five letters, two from nine', () => {
    expect([1, 4, 5, 8, 9, 20].map(typoBudget)).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('counts an inserted, deleted, substituted or transposed letter as one typo', () => {
    expect(osaDistance('ibanez', 'ibanez')).toBe(0);
    expect(osaDistance('ibnez', 'ibanez')).toBe(1);
    expect(osaDistance('ibaanez', 'ibanez')).toBe(1);
    expect(osaDistance('ibanex', 'ibanez')).toBe(1);
    expect(osaDistance('ibaenz', 'ibanez')).toBe(1);
    expect(osaDistance('ca', 'abc')).toBe(3); // restricted Damerau: no edit inside a transposition
    expect(osaDistance('stratcoastre', 'stratocaster')).toBe(2);
    expect(osaDistance('ñandú', 'nandu')).toBe(2);
  });

  it('measures a word being typed against the closest prefix', () => {
    expect(osaPrefixDistance('ibane', 'ibanez')).toBe(0);
    expect(osaPrefixDistance('ibnae', 'ibanez')).toBe(1);
    expect(osaPrefixDistance('mrasha', 'marshall')).toBe(1);
    expect(osaPrefixDistance('zzzzz', 'marshall')).toBe(5);
  });

  it('corrects to the closest catalogue words within the budget', () => {
    expect(correctionsFor('ibnez', words('ibanez', 'gibson'))).toEqual(['ibanez']);
    expect(correctionsFor('perl', words('pearl', 'pedal'))).toEqual(['pearl']);
    expect(correctionsFor('stratcoastre', words('stratocaster'))).toEqual(['stratocaster']);
    expect(correctionsFor('sratcoastr', words('stratocaster'))).toEqual([]);
    expect(correctionsFor('ibnae', words('ibanez'))).toEqual(['ibanez']);
    // A whole word beats a prefix at the same distance; ties go to the more used word.
    expect(correctionsFor('mrash', words('crash', 'marshall'))).toEqual(['crash']);
    const ties = [
      { word: 'orange', uses: 2 },
      { word: 'ornate', uses: 1 },
      { word: 'ornage', uses: 3 },
    ];
    expect(correctionsFor('ornge', ties)).toEqual(['ornage', 'orange']);
  });

  it('leaves words that are in the catalogue, or start one, and short words alone', () => {
    expect(correctionsFor('marsh', words('marshall', 'march'))).toEqual([]);
    expect(correctionsFor('pearl', words('pearl', 'pedal'))).toEqual([]);
    expect(correctionsFor('bsos', words('boss'))).toEqual([]);
    expect(correctionsFor('tmaa', words('tama'))).toEqual([]);
    expect(correctionsFor('ibz', words('ibanez'))).toEqual([]);
    // Four letters may match a whole five-letter word, never a prefix of a longer one.
    expect(correctionsFor('mrsh', words('marshall'))).toEqual([]);
  });
});
