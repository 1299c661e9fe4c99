/**
 * The typo rule of the catalogue search, the one dedicated search engines (Meilisearch, Typesense)
 * apply: a word of 5+ letters forgives one typo, a word of 9+ two; a typo is one inserted, deleted,
 * substituted or transposed letter (optimal string alignment distance, "restricted Damerau").
 * A query word also matches while it is still being typed: within its budget of a word's prefix.
 * The database finds candidate words (db/search-vocabulary.ts); the exact rule is applied here.
 */

/** Typos a word of this many letters forgives. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

/** The shortest query word that may match a longer word's prefix with a typo ("ibnae" → Ibanez). */
export const MIN_FUZZY_PREFIX_LENGTH = 5;
/** The shortest query word corrected at all: "perl" → Pearl (a 5-letter word, one typo). */
export const MIN_CORRECTED_LENGTH = 4;
/** Corrections kept per query word (best first), so the search stays small. */
export const MAX_CORRECTIONS = 3;

/**
 * The OSA distance table of `a` against `b`: row i, column j is the distance between the first i
 * letters of `a` and the first j letters of `b`. Letters are code points.
 */
function osaTable(a: readonly string[], b: readonly string[]): number[][] {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => {
    const row = new Array<number>(b.length + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i]!;
    const prev = d[i - 1]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
  }
  return d;
}

/** Inserted, deleted, substituted or transposed (adjacent) letters between `a` and `b`. */
export function osaDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  return osaTable(x, y)[x.length]![y.length]!;
}

/** The fewest typos that turn `typed` into some prefix of `word` ("ibnae" → "ibane" of "ibanez": 1). */
export function osaPrefixDistance(typed: string, word: string): number {
  const x = [...typed];
  return Math.min(...osaTable(x, [...word])[x.length]!);
}

export interface VocabularyWord {
  word: string;
  /** Products and categories that use the word: the tie-break between equally close words. */
  uses: number;
}

/**
 * The catalogue words a query word stands for, best first; empty when it needs no correction (it
 * is a catalogue word or the start of one) or nothing is close enough. A whole word is allowed the
 * budget of the longer of the two words, so "perl" finds Pearl and "menl" Meinl; a prefix the budget
 * of the typed word, and only from 5 letters on (a short query word stays an exact prefix).
 */
export function correctionsFor(term: string, candidates: readonly VocabularyWord[]): string[] {
  const n = [...term].length;
  if (n < MIN_CORRECTED_LENGTH) return [];
  if (candidates.some((c) => c.word.startsWith(term))) return [];
  const scored: { word: string; uses: number; score: number }[] = [];
  for (const c of candidates) {
    const length = [...c.word].length;
    let score = Number.POSITIVE_INFINITY;
    const whole = osaDistance(term, c.word);
    if (whole <= typoBudget(Math.max(n, length))) score = whole * 2;
    if (n >= MIN_FUZZY_PREFIX_LENGTH) {
      // A prefix match counts half a typo more than the same distance to the whole word.
      const prefix = osaPrefixDistance(term, c.word);
      if (prefix <= typoBudget(n)) score = Math.min(score, prefix * 2 + 1);
    }
    if (Number.isFinite(score)) scored.push({ word: c.word, uses: c.uses, score });
  }
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score === best)
    .sort((a, b) => b.uses - a.uses || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, MAX_CORRECTIONS)
    .map((s) => s.word);
}
