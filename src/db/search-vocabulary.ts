/**
 * Typo correction against the catalogue's vocabulary (`search_words`, kept by triggers from the
 * products' names, brands and models and the categories' names; migration 0013). One query per
 * search finds the candidate words of every query word with `levenshtein_less_equal`
 * (fuzzystrmatch), a bound that never misses a word within the typo budget; the exact rule
 * (lib/typo-tolerance.ts) then picks the corrections. All in the database, so every store
 * instance corrects the same way.
 */
import { type SQL, sql } from 'drizzle-orm';
import { normalizeQuery, searchTerms } from '../lib/search-terms';
import { correctionsFor, MIN_CORRECTED_LENGTH, MIN_FUZZY_PREFIX_LENGTH, typoBudget, type VocabularyWord } from '../lib/typo-tolerance';
import { rowsOf } from './connection';
import type { StoreExecutor } from './store-db';

export interface SearchCorrection {
  /** Per query word (in order): the word itself, then the catalogue words it may stand for. */
  alternatives: string[][];
  /** The query with every corrected word replaced by its best correction; null when none was. */
  corrected: string | null;
}

/** Only plain words reach a tsquery (the vocabulary splits on the same characters). */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Vocabulary words that may be within the budget of `term`, plus the words it starts (to tell a
 * word being typed from a typo). Levenshtein counts a transposition as two edits, so k typos are
 * at most 2k Levenshtein edits; a prefix of the word is taken at every length the budget allows.
 */
function candidatesOf(term: string, index: number): SQL {
  const n = [...term].length;
  // The widest whole-word budget: words up to n + 1 letters (n + 2 from 7 letters) may reach 9.
  const whole = typoBudget(n >= 7 ? n + 2 : n + 1);
  const arms: SQL[] = [sql`left(word, ${n}) = ${term}`];
  if (whole > 0) {
    arms.push(sql`(length(word) BETWEEN ${n - whole} AND ${n + whole}
      AND levenshtein_less_equal(${term}, word, ${2 * whole}) <= ${2 * whole})`);
  }
  if (n >= MIN_FUZZY_PREFIX_LENGTH) {
    const k = typoBudget(n);
    const prefixes: SQL[] = [];
    for (let length = n - k; length <= n + k; length++)
      prefixes.push(sql`levenshtein_less_equal(${term}, left(word, ${length}), ${2 * k})`);
    arms.push(sql`(length(word) > ${n - k} AND least(${sql.join(prefixes, sql`, `)}) <= ${2 * k})`);
  }
  return sql`SELECT ${index}::int AS i, word, uses FROM search_words WHERE ${sql.join(arms, sql` OR `)}`;
}

/** Corrections for what a customer typed; words shorter than four letters are never corrected. */
export async function correctSearch(db: StoreExecutor, q: string): Promise<SearchCorrection> {
  const terms = searchTerms(normalizeQuery(q));
  const alternatives = terms.map((t) => [t]);
  const asked = terms.map((t, i) => ({ t, i })).filter(({ t }) => [...t].length >= MIN_CORRECTED_LENGTH);
  if (asked.length === 0) return { alternatives, corrected: null };
  const result = await db.execute(
    sql.join(
      asked.map(({ t, i }) => sql`(${candidatesOf(t, i)})`),
      sql` UNION ALL `,
    ),
  );
  const byTerm = new Map<number, VocabularyWord[]>();
  for (const r of rowsOf<{ i: number; word: string; uses: number }>(result)) {
    const list = byTerm.get(Number(r.i)) ?? [];
    list.push({ word: r.word, uses: Number(r.uses) });
    byTerm.set(Number(r.i), list);
  }
  let changed = false;
  const corrected = terms.map((t, i) => {
    const words = correctionsFor(t, byTerm.get(i) ?? []).filter((w) => PLAIN_WORD.test(w));
    alternatives[i]!.push(...words);
    if (words[0] === undefined) return t;
    changed = true;
    return words[0];
  });
  return { alternatives, corrected: changed ? corrected.join(' ') : null };
}
