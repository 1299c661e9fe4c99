/**
 * Shared by the customer widget and the staff console: the socket connection through the store's
 * origin and safe DOM helpers. Message text is only ever set with textContent, never as HTML.
 */
import { io, type Socket } from 'socket.io-client';

export interface ChatMessage {
  id: number;
  conversationId: number;
  senderRole: 'customer' | 'guest' | 'staff' | 'admin' | 'system';
  body: string;
  /** A product card built by the chat service from the store's catalog (never from a browser). */
  product?: { slug: string; name: string; brand: string; priceText: string; url: string; image: string | null } | null;
  createdAt: string;
}

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

/**
 * Connects through the store's proxy. `auth` is a function so every reconnect asks the store for
 * a fresh token (they live 15 minutes). WebSocket only: no sticky sessions needed behind a balancer.
 */
export function connectChat(getToken: () => Promise<string>): Socket {
  return io({
    path: '/chat/socket.io',
    transports: ['websocket'],
    auth: (cb) => {
      getToken().then(
        (token) => cb({ token }),
        () => cb({}),
      );
    },
  });
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

/** One message bubble; `mine` decides the side. Body via textContent: HTML stays text. */
export function messageNode(message: ChatMessage, mine: boolean, who: string, locale: string): HTMLLIElement {
  const item = el('li', `chat-msg ${mine ? 'chat-msg-mine' : 'chat-msg-theirs'}`);
  item.dataset.id = String(message.id);
  const meta = el('span', 'chat-msg-meta', `${who} · ${timeLabel(message.createdAt, locale)}`);
  // A card sent alone carries the product's name as its text: the card already says it.
  if (!message.product || message.body !== message.product.name) item.append(el('p', 'chat-msg-body', message.body));
  if (message.product) item.append(productCard(message.product));
  item.append(meta);
  return item;
}

/** A product card: image, brand, name, price, link to the product page (all set as text or path). */
function productCard(p: NonNullable<ChatMessage['product']>): HTMLAnchorElement {
  const card = el('a', 'chat-product');
  // Only store paths reach a card (checked by the chat service); keep it that way here too.
  card.href = p.url.startsWith('/produk/') ? p.url : '/produk';
  card.target = '_blank';
  card.rel = 'noopener';
  if (p.image?.startsWith('/media/')) {
    const img = el('img', 'chat-product-img');
    img.src = p.image;
    img.alt = '';
    img.width = 56;
    img.height = 56;
    img.loading = 'lazy';
    card.append(img);
  }
  const text = el('span', 'chat-product-text');
  text.append(el('span', 'chat-product-brand', p.brand), el('span', 'chat-product-name', p.name), el('span', 'chat-product-price', p.priceText));
  card.append(text);
  return card;
}

interface Suggestion {
  slug: string;
  name: string;
  price_formatted: string;
  image: { jpg: string } | null;
}

/**
 * "Attach a product": a search box over the store's autocomplete API; picking a result shows it
 * as the pending attachment (`picked()`), sent with the next message as its slug only.
 */
export function productPicker(s: Strings): { root: HTMLElement; picked(): string | undefined; clear(): void } {
  const root = el('div', 'chat-picker');
  const toggle = el('button', 'btn btn-sm btn-outline-rock chat-picker-toggle', s['product.attach']);
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  const panel = el('div', 'chat-picker-panel');
  panel.hidden = true;
  const label = el('label', 'visually-hidden', s['product.search']);
  const input = el('input', 'form-control form-control-sm');
  input.type = 'search';
  input.id = `chat-picker-${Math.random().toString(36).slice(2, 8)}`;
  input.placeholder = s['product.search'] ?? '';
  input.maxLength = 100;
  label.htmlFor = input.id;
  const results = el('ul', 'chat-picker-results list-unstyled');
  const chosen = el('p', 'chat-picker-chosen small');
  chosen.hidden = true;
  panel.append(label, input, results);
  root.append(toggle, chosen, panel);

  let slug: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  function choose(item: Suggestion | undefined) {
    slug = item?.slug;
    chosen.replaceChildren();
    chosen.hidden = !item;
    if (!item) return;
    const remove = el('button', 'btn btn-sm btn-link p-0 ms-1', s['product.remove']);
    remove.type = 'button';
    remove.addEventListener('click', () => choose(undefined));
    chosen.append(el('span', '', `${s['product.attached'] ?? ''} ${item.name}`), remove);
    panel.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
  }

  toggle.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) input.focus();
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      const q = input.value.trim();
      if (q.length < 2) return results.replaceChildren();
      try {
        const res = await fetch(`/api/v1/products/suggest?q=${encodeURIComponent(q)}`, { signal: controller.signal, headers: { accept: 'application/json' } });
        const data = (await res.json()) as { products?: Suggestion[] };
        results.replaceChildren(
          ...(data.products ?? []).map((p) => {
            const li = el('li');
            const button = el('button', 'btn btn-sm chat-picker-item', `${p.name} · ${p.price_formatted}`);
            button.type = 'button';
            button.addEventListener('click', () => choose(p));
            li.append(button);
            return li;
          }),
        );
      } catch {
        // A stale request was cancelled, or the store is unreachable: keep the old list.
      }
    }, 250);
  });
  return { root, picked: () => slug, clear: () => choose(undefined) };
}

/** Inserts messages in id order and skips ones already shown (catch-up may overlap live events). */
export function insertMessages(list: HTMLElement, nodes: HTMLLIElement[]): void {
  for (const node of nodes) {
    const id = Number(node.dataset.id);
    if (list.querySelector(`[data-id="${id}"]`)) continue;
    const after = [...list.querySelectorAll<HTMLElement>('[data-id]')].find((n) => Number(n.dataset.id) > id);
    list.insertBefore(node, after ?? null);
  }
}

export type AckResult = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message?: string } };

export async function ask(socket: Socket, event: string, payload?: unknown): Promise<AckResult> {
  try {
    return (await socket.timeout(8_000).emitWithAck(event, payload)) as AckResult;
  } catch {
    return { ok: false, error: { code: 'timeout' } };
  }
}
