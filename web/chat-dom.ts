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

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * An icon from the page's SVG sprite, the markup src/store/ui/icon.tsx draws on the server (the
 * layout names the sprite in <html data-icon-sprite>). Decorative: hidden from screen readers.
 */
export function icon(name: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('class', `icon icon-${name}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const use = document.createElementNS(SVG_NS, 'use');
  use.setAttribute('href', `${document.documentElement.dataset.iconSprite ?? ''}#${name}`);
  svg.append(use);
  return svg;
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

/**
 * Keeps a message log scrolled to its newest message while the reader has not scrolled up: the
 * panel's layout keeps changing after a message is shown (the support line appears, the panel
 * opens, read receipts and images arrive), and a one-off scroll left the newest message cut in
 * half. Returns `toBottom()`, which new messages call.
 */
export function pinToBottom(log: HTMLElement): { toBottom(force?: boolean): void } {
  let atBottom = true;
  // Where we last put the scroll: a scroll event is only the reader's when it went above that (our
  // own scroll's event arrives a frame later, when more content may already have made it look "up").
  let pinnedAt = 0;
  const toBottom = (force = false) => {
    if (force) atBottom = true;
    if (!atBottom) return;
    log.scrollTop = log.scrollHeight;
    pinnedAt = log.scrollTop;
  };
  log.addEventListener('scroll', () => {
    if (log.scrollHeight - log.scrollTop - log.clientHeight < 8) atBottom = true;
    else if (log.scrollTop < pinnedAt - 1) atBottom = false;
  });
  // The log's own box changes size (the panel opens, a line above it appears or goes)…
  new ResizeObserver(() => toBottom()).observe(log);
  // …or its content grows after the message (a read receipt, a date line).
  new MutationObserver(() => toBottom()).observe(log, { childList: true, subtree: true, characterData: true });
  // An image finished loading and made the content taller.
  log.addEventListener('load', () => toBottom(), true);
  return { toBottom };
}
