/**
 * Small DOM and text helpers of the chat widget and console. Text from people (messages, names)
 * is only ever set with textContent, never as HTML.
 */

/** The page's chat strings (from the server's message catalog), passed in `data-strings`. */
export type Strings = Record<string, string>;

export function readStrings(root: HTMLElement): Strings {
  try {
    return JSON.parse(root.dataset.strings ?? '{}') as Strings;
  } catch {
    return {};
  }
}

export function format(text: string | undefined, params: Record<string, string | number>): string {
  return (text ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** GET JSON from the store; throws on any non-2xx so callers can show "offline". */
export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as T;
}

export function timeLabel(iso: string, locale: string): string {
  return new Date(iso).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Jakarta' });
}
