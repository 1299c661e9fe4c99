import { highlightParts } from '../../lib/search-terms';

/** Text with the search terms marked (<mark>); plain text when there are none. */
export function Highlight({ text, terms }: { text: string; terms?: readonly string[] }) {
  if (!terms || terms.length === 0) return <>{text}</>;
  return <>{highlightParts(text, terms).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}</>;
}
