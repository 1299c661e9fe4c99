/**
 * What a customer typed, turned into safe search terms. Only letters and digits reach the
 * full-text query (so no tsquery syntax can be injected), accents and case are folded the same
 * way the database folds the product text.
 */
export const MAX_QUERY_LENGTH = 100;
const MAX_TERMS = 8;

/** Lower case, accents removed, whitespace collapsed, cut to MAX_QUERY_LENGTH. */
export function normalizeQuery(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
}

/** Alphanumeric words of a normalised query ("boss ds-1" → ["boss", "ds", "1"]). */
export function searchTerms(normalized: string): string[] {
  return (normalized.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_TERMS);
}

/** Prefix full-text query: every word must start a word of the product ("strat" → "strat:*"). */
export function prefixTsQuery(terms: readonly string[]): string | null {
  return terms.length ? terms.map((t) => `${t}:*`).join(' & ') : null;
}

export interface TextPart {
  text: string;
  match: boolean;
}

/** Splits `text` into parts where search terms match (case and accent insensitive), for <mark>. */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  const wanted = terms.filter((t) => t.length >= 2);
  if (wanted.length === 0) return [{ text, match: false }];
  // Fold each character on its own so positions in the folded text map back to the original.
  const folded = [...text].map(
    (ch) =>
      ch
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .charAt(0) || ch,
  );
  const chars = [...text];
  const marked = new Array<boolean>(chars.length).fill(false);
  const haystack = folded.join('');
  for (const term of wanted) {
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(term, from);
      if (at < 0) break;
      for (let i = at; i < at + term.length; i++) marked[i] = true;
      from = at + term.length;
    }
  }
  const parts: TextPart[] = [];
  chars.forEach((ch, i) => {
    const last = parts.at(-1);
    if (last && last.match === marked[i]) last.text += ch;
    else parts.push({ text: ch, match: marked[i]! });
  });
  return parts;
}
