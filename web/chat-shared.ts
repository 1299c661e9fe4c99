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
  const body = el('p', 'chat-msg-body', message.body);
  item.append(body, meta);
  return item;
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
