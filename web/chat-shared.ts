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
  /** An image (re-encoded by the chat service), fetched with the chat token; see configureAttachments. */
  attachment?: ChatAttachment | null;
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
  // Likewise an image sent alone carries a placeholder text.
  const imageOnly = isImageOnly(message);
  if (!imageOnly && (!message.product || message.body !== message.product.name)) item.append(el('p', 'chat-msg-body', message.body));
  if (message.attachment) item.append(attachmentNode(message.attachment, who));
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
  text.append(
    el('span', 'chat-product-brand', p.brand),
    el('span', 'chat-product-name', p.name),
    el('span', 'chat-product-price', p.priceText),
  );
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
        const res = await fetch(`/api/v1/products/suggest?q=${encodeURIComponent(q)}`, {
          signal: controller.signal,
          headers: { accept: 'application/json' },
        });
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

/* ---- Image attachments: upload on pick, send the id with the next message, show with a token ---- */

/** Same limit as the chat service (it re-checks; this only saves a pointless upload). */
const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/gif';
/** The text of a message that is only an image (set by the chat service); the image says it. */
const IMAGE_ONLY_BODY = '[image]';

/** A message that is an image and nothing else: its stored text is a placeholder, not for people. */
export function isImageOnly(message: { body: string; attachment?: unknown; hasAttachment?: boolean }): boolean {
  return Boolean(message.attachment ?? message.hasAttachment) && (message.body.trim() === '' || message.body === IMAGE_ONLY_BODY);
}
/** Longest edge of an image in a bubble; the full size opens on click. */
const IMAGE_BUBBLE_PX = 240;

export interface ChatAttachment {
  id: string;
  width: number;
  height: number;
}

type TokenSource = (() => Promise<string>) & { reset(): void };

/** The chat token, kept a few minutes (they live 15): a history page of images asks the store once. */
function cachedToken(getToken: () => Promise<string>, ttlMs = 5 * 60_000): TokenSource {
  let cached: { token: Promise<string>; at: number } | undefined;
  const get = (() => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const token = getToken();
      cached = { token, at: Date.now() };
      token.catch(() => (cached = undefined));
    }
    return cached.token;
  }) as TokenSource;
  get.reset = () => (cached = undefined);
  return get;
}

let attachmentAuth: { token: TokenSource; strings: Strings } | undefined;
const imageUrls = new Map<string, Promise<string>>();

/**
 * Call once with how this page gets a chat token: images are served only with it (the chat
 * checks who may see each one), so they are fetched, not linked. Returns the cached token source.
 */
export function configureAttachments(getToken: () => Promise<string>, strings: Strings): () => Promise<string> {
  attachmentAuth = { token: cachedToken(getToken), strings };
  return attachmentAuth.token;
}

/** POST/GET on the chat's API through the store, with the Bearer token; one retry with a fresh token. */
async function chatApi(path: string, token: () => Promise<string>, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`/chat/api${path}`, {
      ...init,
      credentials: 'omit',
      headers: {
        ...(init.headers as Record<string, string>),
        accept: 'application/json, image/*',
        authorization: `Bearer ${await token()}`,
      },
    });
    if (res.status !== 401 || attempt > 0) return res;
    (token as Partial<TokenSource>).reset?.();
  }
}

function imageUrl(id: string): Promise<string> {
  let url = imageUrls.get(id);
  if (!url) {
    const auth = attachmentAuth;
    url = auth
      ? chatApi(`/attachments/${encodeURIComponent(id)}`, auth.token).then(async (res) => {
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return URL.createObjectURL(await res.blob());
        })
      : Promise.reject(new Error('attachments not configured'));
    url.catch(() => imageUrls.delete(id));
    imageUrls.set(id, url);
  }
  return url;
}

/** An image in a bubble: sized from the message before it loads (no layout shift), opens full size. */
function attachmentNode(a: ChatAttachment, who: string): HTMLElement {
  const s = attachmentAuth?.strings ?? {};
  const link = el('a', 'chat-attachment');
  link.target = '_blank';
  link.rel = 'noopener';
  link.title = s['image.open'] ?? '';
  const img = el('img', 'chat-attachment-img');
  const scale = Math.min(1, IMAGE_BUBBLE_PX / a.width, IMAGE_BUBBLE_PX / a.height);
  img.width = Math.max(1, Math.round(a.width * scale));
  img.height = Math.max(1, Math.round(a.height * scale));
  img.alt = format(s['image.alt'], { who });
  img.decoding = 'async';
  link.append(img);
  imageUrl(a.id).then(
    (url) => {
      img.src = url;
      link.href = url;
    },
    () => {
      link.classList.add('chat-attachment-failed');
      link.append(el('span', 'small', s['image.unavailable']));
    },
  );
  return link;
}

const UPLOAD_ERRORS: Record<string, string> = {
  file_too_large: 'image.tooLarge',
  not_an_image: 'image.invalid',
  unsupported_media_type: 'image.invalid',
  invalid_image: 'image.invalid',
  too_many_pixels: 'image.invalid',
  rate_limited: 'image.rate',
  too_many_unsent: 'image.rate',
};

/**
 * "Attach an image": picks one file, checks its size here, uploads it at once (so sending is
 * instant) and shows it as the pending attachment with its state and a remove button. The next
 * message carries only the id (`ready()` waits for an upload still under way). Staff pass the
 * open conversation; a customer's upload always goes to their own.
 */
export function imageAttachButton(
  s: Strings,
  getToken: () => Promise<string>,
  getConversationId?: () => number | undefined,
): { root: HTMLElement; picked(): string | undefined; ready(): Promise<string | undefined>; clear(): void } {
  const root = el('div', 'chat-image');
  root.dataset.state = 'empty';
  const input = el('input', 'visually-hidden');
  input.type = 'file';
  input.accept = IMAGE_TYPES;
  input.tabIndex = -1;
  input.setAttribute('aria-hidden', 'true');
  const toggle = el('button', 'btn btn-sm btn-outline-rock chat-image-toggle', s['image.attach']);
  toggle.type = 'button';
  const pending = el('div', 'chat-image-pending small');
  pending.hidden = true;
  const thumb = el('img', 'chat-image-thumb');
  thumb.alt = s['image.preview'] ?? '';
  thumb.width = 48;
  thumb.height = 48;
  const status = el('span', 'chat-image-status');
  status.setAttribute('role', 'status');
  const remove = el('button', 'btn btn-sm btn-link p-0', s['image.remove']);
  remove.type = 'button';
  pending.append(thumb, status, remove);
  root.append(toggle, input, pending);

  let id: string | undefined;
  let upload: Promise<string | undefined> = Promise.resolve(undefined);
  let controller: AbortController | undefined;
  let preview: string | undefined;

  function setState(state: 'empty' | 'uploading' | 'ready' | 'error', text = '') {
    root.dataset.state = state;
    status.textContent = text;
    pending.hidden = state === 'empty';
  }

  function clear() {
    controller?.abort();
    controller = undefined;
    id = undefined;
    upload = Promise.resolve(undefined);
    if (preview) URL.revokeObjectURL(preview);
    preview = undefined;
    thumb.removeAttribute('src');
    input.value = '';
    setState('empty');
  }

  async function send(file: File, signal: AbortSignal): Promise<string> {
    const conversationId = getConversationId?.();
    const res = await chatApi(`/attachments${conversationId ? `?conversationId=${conversationId}` : ''}`, getToken, {
      method: 'POST',
      // The chat service sniffs the bytes; the declared type only has to say "an image".
      headers: { 'content-type': file.type.startsWith('image/') ? file.type : 'application/octet-stream' },
      body: file,
      signal,
    });
    const answer = (await res.json().catch(() => ({}))) as { id?: string; error?: { code?: string } };
    if (!res.ok || !answer.id) throw new Error(answer.error?.code ?? `http_${res.status}`);
    return answer.id;
  }

  function pick(file: File) {
    clear();
    if (file.size > IMAGE_MAX_BYTES) return setState('error', s['image.tooLarge']);
    if (file.type && !file.type.startsWith('image/')) return setState('error', s['image.invalid']);
    preview = URL.createObjectURL(file);
    thumb.src = preview;
    setState('uploading', s['image.uploading']);
    const c = new AbortController();
    controller = c;
    upload = send(file, c.signal).then(
      (uploaded) => {
        if (c.signal.aborted) return undefined;
        id = uploaded;
        setState('ready', s['image.ready']);
        return uploaded;
      },
      (error: Error) => {
        if (c.signal.aborted) return undefined;
        setState('error', s[UPLOAD_ERRORS[error.message] ?? 'image.failed']);
        return undefined;
      },
    );
  }

  toggle.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) pick(file);
  });
  remove.addEventListener('click', () => {
    clear();
    toggle.focus();
  });
  return { root, picked: () => id, ready: () => upload, clear };
}
