/**
 * Typo tolerance of the catalogue search (PRODUCT S3), the dedicated engines' rule: one typo for
 * words of 5+ letters, two for 9+, a typo being an inserted, deleted, substituted or transposed
 * letter, also while a word is typed (prefix); shorter words stay exact prefixes. Every brand of the
 * sample data is misspelt every way the budget allows, through the autocomplete on a real database.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, products, searchWords } from '../../src/db/schema';
import { sampleProducts } from '../../src/store/seed/sample-products';
import { typoBudget } from '../../src/lib/typo-tolerance';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

interface Suggested {
  name: string;
  brand: string;
  slug: string;
}

/** Letters to insert or substitute: never the letter already there or next to it. */
function otherLetter(...around: (string | undefined)[]): string {
  return [...'qxzkvwj'].find((c) => !around.includes(c))!;
}

/** Every single typo of `word`: a deletion, insertion, substitution and transposition at each position. */
function singleTypos(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  for (let i = 0; i <= word.length; i++) out.add(word.slice(0, i) + otherLetter(word[i - 1], word[i]) + word.slice(i));
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + otherLetter(word[i]) + word.slice(i + 1));
  for (let i = 0; i + 1 < word.length; i++) {
    if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  out.delete(word);
  return [...out];
}

/** Two typos of `word`, one of each kind near the start combined with each kind near the end. */
function doubleTypos(word: string): string[] {
  const out = new Set<string>();
  const starts = singleTypos(word.slice(0, 4));
  const ends = singleTypos(word.slice(-4));
  for (const s of starts) for (const e of ends) out.add(s + word.slice(4, -4) + e);
  return [...out];
}

const brands = [...new Set(sampleProducts.map((p) => p.brand))];

describe.each(dbTargets)('search typos on %s', (target) => {
  let store: TestStore;
  const suggest = async (q: string): Promise<Suggested[]> => {
    const res = await store.app.inject({ method: 'GET', url: `/api/v1/products/suggest?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, q).toBe(200);
    return res.json().products;
  };
  const firstBrand = async (q: string) => (await suggest(q))[0]?.brand;

  beforeAll(async () => {
    // The autocomplete is hit hundreds of times here: its per-client limit is not the subject.
    store = await createTestStore(target, { env: { SUGGEST_RATE_LIMIT: '1000000' } });
  });
  afterAll(() => store?.close());

  it('finds the issue examples that used to find nothing', async () => {
    const examples: [string, string][] = [
      ['ibnez', 'Ibanez'],
      ['gison', 'Gibson'],
      ['yaaha', 'Yamaha'],
      ['roand', 'Roland'],
      ['perl', 'Pearl'],
      ['ornge', 'Orange'],
      ['dulop', 'Dunlop'],
      ['menl', 'Meinl'],
      ['mashall', 'Marshall'],
      ['zidjian', 'Zildjian'],
    ];
    for (const [q, brand] of examples) expect(await firstBrand(q), q).toBe(brand);
  });

  it('forgives every kind of typo within the budget in every word of every sample brand', async () => {
    const misses: string[] = [];
    let asked = 0;
    for (const brand of brands) {
      const words = brand.split(/[^\p{L}\p{N}]+/u);
      for (const [w, original] of words.entries()) {
        const word = original.toLowerCase();
        const budget = typoBudget(word.length);
        if (budget === 0) continue;
        const typos = budget >= 2 ? [...singleTypos(word), ...doubleTypos(word)] : singleTypos(word);
        for (const typo of typos) {
          const q = words.map((x, i) => (i === w ? typo : x)).join(' ');
          asked++;
          const got = await firstBrand(q);
          if (got !== brand) misses.push(`${q} → ${got ?? 'nothing'} (wanted ${brand})`);
        }
      }
    }
    expect(asked).toBeGreaterThan(500);
    expect(misses).toEqual([]);
  });

  it('forgives two typos in a word of nine letters or more', async () => {
    for (const typo of ['stratocastr', 'sratocaster', 'startocaster', 'stratcoastre', 'strtocastr', 'stratocasterr']) {
      const found = await suggest(typo);
      expect(found[0]?.name, typo).toMatch(/Stratocaster/);
    }
    // Three typos are too many.
    expect(await suggest('sratcoastr')).toEqual([]);
  });

  it('matches a word while it is typed, with a typo from five letters on', async () => {
    expect(await firstBrand('ibane')).toBe('Ibanez');
    expect(await firstBrand('marsh')).toBe('Marshall');
    expect(await firstBrand('marshal')).toBe('Marshall');
    expect(await firstBrand('mrasha')).toBe('Marshall');
    // A whole word one typo away beats a prefix one typo away ("mrash": crash, not marsh…).
    expect(await firstBrand('mrash')).toBe('Zildjian');
    expect(await firstBrand('ibnae')).toBe('Ibanez');
    expect(await firstBrand('zildj')).toBe('Zildjian');
    expect(await firstBrand('zilj')).toBe(undefined);
  });

  it('keeps words of four letters or fewer to exact prefixes', async () => {
    for (const q of ['bsos', 'boos', 'tmaa', 'tamx', 'crot', 'cotr', 'ibz', 'zilj', 'ibnz']) expect(await suggest(q), q).toEqual([]);
    expect(await firstBrand('bos')).toBe('Boss');
    expect(await firstBrand('tam')).toBe('Tama');
    expect(await firstBrand('cort')).toBe('Cort');
  });

  it('corrects in Indonesian and English words of names and categories', async () => {
    // "gitar akustik" (category words), "snare", "drum stick" in product names.
    const acoustic = await store.app.inject({ method: 'GET', url: '/api/v1/products?q=akusitk&per_page=48' });
    expect(acoustic.json().data.length).toBeGreaterThan(0);
    expect((await suggest('gitra'))[0]).toBeDefined();
    expect((await suggest('keybaord'))[0]).toBeDefined();
  });

  it('ranks the exact match first and follows the catalogue as it changes', async () => {
    const db = store.database.db;
    const [ibanez] = await db.select().from(products).where(eq(products.brand, 'Ibanez')).limit(1);
    const { id: _id, slug, sku, createdAt: _c, updatedAt: _u, soldCount: _s, ...fields } = ibanez!;
    // A brand spelt one typo away from Ibanez: typing it exactly shows it first, Ibanez after.
    await db.insert(products).values({ ...fields, slug: `${slug}-ibanes`, sku: `${sku}-S`, brand: 'Ibanes', name: 'Ibanes Copy RG' });
    const exact = await suggest('ibanes');
    expect(exact[0]?.brand).toBe('Ibanes');
    expect(exact.map((p) => p.brand)).toContain('Ibanez');
    // A new word is in the vocabulary at once, a renamed one leaves it.
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'ibanes'))).toHaveLength(1);
    await db
      .update(products)
      .set({ brand: 'Kemper', name: 'Kemper Profiler Stage' })
      .where(eq(products.slug, `${slug}-ibanes`));
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'ibanes'))).toHaveLength(0);
    expect(await firstBrand('kmeper')).toBe('Kemper');
    await db.delete(products).where(eq(products.slug, `${slug}-ibanes`));
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'kemper'))).toHaveLength(0);
    // Category names count too; a renamed category's old word goes, a deleted one's too.
    const [ukulele] = await db.insert(categories).values({ name: 'Ukulele', slug: 'ukulele' }).returning();
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'ukulele'))).toHaveLength(1);
    await db.update(categories).set({ name: 'Mandolin' }).where(eq(categories.id, ukulele!.id));
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'ukulele'))).toHaveLength(0);
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'mandolin'))).toEqual([{ word: 'mandolin', uses: 1 }]);
    await db.delete(categories).where(eq(categories.id, ukulele!.id));
    expect(await db.select().from(searchWords).where(eq(searchWords.word, 'mandolin'))).toHaveLength(0);
  });

  it('keeps the vocabulary equal to the words of the catalogue', async () => {
    const words = new Map<string, number>();
    const add = (text: string) => {
      const seen = new Set(
        text
          .normalize('NFKD')
          .replace(/\p{M}+/gu, '')
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
      );
      for (const w of seen) words.set(w, (words.get(w) ?? 0) + 1);
    };
    const db = store.database.db;
    for (const p of await db.select().from(products)) add(`${p.name} ${p.brand} ${p.model}`);
    for (const c of await db.select().from(categories)) add(c.name);
    const stored = async () => new Map((await db.select().from(searchWords)).map((r) => [r.word, r.uses]));
    expect(await stored()).toEqual(words);
    // What migration 0013 (and a TRUNCATE) runs over an existing catalogue gives the same.
    await db.execute(sql`SELECT hr_rebuild_search_words()`);
    expect(await stored()).toEqual(words);
  });

  it('offers "did you mean" on the results page when the correction finds more', async () => {
    const page = await store.app.inject({ method: 'GET', url: '/produk?q=ibnez' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ibanez RG550');
    expect(page.body).toMatch(/href="\/produk\?q=ibanez"/);
    const english = await store.app.inject({ method: 'GET', url: '/produk?q=ibnez&lang=en' });
    expect(english.body).toContain('Did you mean');
    const exact = await store.app.inject({ method: 'GET', url: '/produk?q=ibanez' });
    expect(exact.body).not.toMatch(/data-did-you-mean/);
  });
});
