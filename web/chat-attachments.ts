/**
 * Image attachments: upload on pick, send the id with the next message, show with a token.
 * Images are served only with a chat token (the chat service checks who may see each one), so
 * they are fetched through the store's `/chat/api` proxy, never linked.
 */
import {
  ATTACHMENT_IMAGE_TYPES,
  ATTACHMENT_MAX_BYTES,
  type AttachmentRef,
  CHAT_API_PREFIX,
  CHAT_ATTACHMENTS_PATH,
} from '../src/chat/contract';
import { type Strings, el, format } from './chat-dom';

/** Longest edge of an image in a bubble; the full size opens on click. */
const IMAGE_BUBBLE_PX = 240;

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
    const res = await fetch(`${CHAT_API_PREFIX}${path}`, {
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
      ? chatApi(`${CHAT_ATTACHMENTS_PATH}/${encodeURIComponent(id)}`, auth.token).then(async (res) => {
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
export function attachmentNode(a: AttachmentRef, who: string): HTMLElement {
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
  // The picker offers what the chat service accepts (it sniffs the bytes anyway).
  input.accept = ATTACHMENT_IMAGE_TYPES.join(',');
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
    const res = await chatApi(`${CHAT_ATTACHMENTS_PATH}${conversationId ? `?conversationId=${conversationId}` : ''}`, getToken, {
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
    // Same limit as the chat service (it re-checks; this only saves a pointless upload).
    if (file.size > ATTACHMENT_MAX_BYTES) return setState('error', s['image.tooLarge']);
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
