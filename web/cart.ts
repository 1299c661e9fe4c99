/**
 * Cart without reloads (K2, K3). Forms marked `data-cart-form` (add / update / remove) work as
 * plain POSTs; here they are sent with fetch instead, with the CSRF token in `x-csrf-token`, and
 * the navbar badge, the toast and the cart page's numbers are redrawn from the server's answer.
 * The page never computes a total itself.
 */

interface CartLineJson {
  productId: number;
  quantity: number;
  maxQuantity: number;
  lineTotalText: string;
}

interface CartJson {
  units: number;
  unitsLabel: string;
  subtotalText?: string;
  subtotalLabel?: string;
  shippingText?: string;
  totalText?: string;
  lines?: CartLineJson[];
  notices?: string[];
}

type Answer = { ok: true; message: string; cart: CartJson } | { error: { code: string; message: string; fields?: Record<string, string> } };

const QUANTITY_DELAY_MS = 450;
const TOAST_MS = 4000;

/** A visitor whose page came from the shared cache has no session yet: ask for one first. */
async function csrfToken(fresh = false): Promise<string> {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
  if (meta?.content && !fresh) return meta.content;
  const res = await fetch('/keranjang/token', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const { token } = (await res.json()) as { token: string };
  let tag = meta;
  if (!tag) {
    tag = document.createElement('meta');
    tag.name = 'csrf-token';
    document.head.append(tag);
  }
  tag.content = token;
  // Forms rendered without a token (cached page) get the new one for their plain-POST fallback.
  for (const input of document.querySelectorAll<HTMLInputElement>('form[data-cart-form] input[name="_csrf"]')) input.value = token;
  return token;
}

async function send(form: HTMLFormElement): Promise<{ status: number; body: Answer }> {
  const data: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (name !== '_csrf' && typeof value === 'string') data[name] = value;
  const post = async (token: string) =>
    fetch(form.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(data),
    });
  let res = await post(await csrfToken());
  // The session expired since the page was rendered: one retry with a fresh token.
  if (res.status === 403) res = await post(await csrfToken(true));
  return { status: res.status, body: (await res.json()) as Answer };
}

function updateBadge(cart: CartJson): void {
  const link = document.querySelector<HTMLAnchorElement>('[data-cart-link]');
  const badge = document.querySelector<HTMLElement>('[data-cart-badge]');
  if (!link || !badge) return;
  badge.textContent = cart.units > 99 ? '99+' : String(cart.units);
  badge.hidden = cart.units === 0;
  link.setAttribute('aria-label', cart.units > 0 ? cart.unitsLabel : (link.dataset.labelEmpty ?? ''));
  badge.classList.remove('cart-badge-bump');
  void badge.offsetWidth; // restart the animation
  badge.classList.add('cart-badge-bump');
}

let toastTimer: number | undefined;
function toast(message: string, kind: 'success' | 'danger', withLink: boolean): void {
  const box = document.querySelector<HTMLElement>('[data-cart-toast]');
  if (!box) return;
  box.replaceChildren();
  const text = document.createElement('span');
  text.textContent = message;
  box.append(text);
  if (withLink && location.pathname !== '/keranjang') {
    const link = document.createElement('a');
    link.href = '/keranjang';
    link.textContent = box.dataset.viewLabel ?? '';
    box.append(link);
  }
  box.dataset.kind = kind;
  box.classList.add('is-shown');
  window.clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => box.classList.remove('is-shown'), TOAST_MS);
}

/** Cart page: redraws lines, subtotal and notices from the server's view of the cart. */
function redrawCart(cart: CartJson): void {
  const byId = new Map((cart.lines ?? []).map((l) => [String(l.productId), l]));
  for (const row of document.querySelectorAll<HTMLElement>('[data-cart-line]')) {
    const line = byId.get(row.dataset.cartLine ?? '');
    if (!line) {
      row.remove();
      continue;
    }
    const input = row.querySelector<HTMLInputElement>('[data-cart-quantity]');
    if (input && document.activeElement !== input) input.value = String(line.quantity);
    if (input) input.max = String(line.maxQuantity);
    const total = row.querySelector('[data-cart-line-total]');
    if (total) total.textContent = line.lineTotalText;
  }
  const set = (selector: string, text: string | undefined) => {
    const el = document.querySelector(selector);
    if (el && text !== undefined) el.textContent = text;
  };
  set('[data-cart-subtotal]', cart.subtotalText);
  set('[data-cart-shipping]', cart.shippingText);
  set('[data-cart-total]', cart.totalText ?? cart.subtotalText);
  set('[data-cart-subtotal-label]', cart.subtotalLabel);
  const empty = cart.units === 0;
  document.querySelector('[data-cart-filled]')?.toggleAttribute('hidden', empty);
  document.querySelector('[data-cart-changes]')?.toggleAttribute('hidden', empty);
  document.querySelector('[data-cart-empty]')?.toggleAttribute('hidden', !empty);
  const messages = document.querySelector('[data-cart-messages]');
  if (messages && cart.notices && cart.notices.length > 0) {
    messages.replaceChildren(
      ...cart.notices.map((text) => {
        const div = document.createElement('div');
        div.className = 'alert alert-warning';
        div.textContent = text;
        return div;
      }),
    );
  }
}

function showLineError(form: HTMLFormElement, message: string): void {
  const input = form.querySelector<HTMLInputElement>('[data-cart-quantity]');
  const slot = form.querySelector<HTMLElement>('[data-cart-error]');
  input?.classList.toggle('is-invalid', message !== '');
  if (message) input?.setAttribute('aria-invalid', 'true');
  else input?.removeAttribute('aria-invalid');
  if (slot) slot.textContent = message;
}

async function submit(form: HTMLFormElement): Promise<void> {
  const kind = form.dataset.cartForm;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const { body } = await send(form);
    if ('error' in body) {
      if (kind === 'update') showLineError(form, body.error.message);
      else toast(body.error.message, 'danger', false);
      return;
    }
    if (kind === 'update') showLineError(form, '');
    updateBadge(body.cart);
    if (kind === 'add') toast(body.message, 'success', true);
    else redrawCart(body.cart);
  } catch {
    toast(document.querySelector<HTMLElement>('[data-cart-toast]')?.dataset.errorLabel ?? '', 'danger', false);
  } finally {
    if (button) button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

document.documentElement.classList.add('cart-js');

document.addEventListener('submit', (event) => {
  const form = (event.target as Element | null)?.closest<HTMLFormElement>('form[data-cart-form]');
  if (!form) return;
  event.preventDefault();
  void submit(form);
});

// Quantity changes on the cart page are sent a moment after typing stops (or at once on blur/arrows).
const timers = new WeakMap<HTMLFormElement, number>();
document.addEventListener('input', (event) => {
  const input = event.target as HTMLInputElement;
  if (!input.matches?.('[data-cart-quantity]')) return;
  const form = input.form;
  if (!form) return;
  window.clearTimeout(timers.get(form));
  timers.set(
    form,
    window.setTimeout(() => void submit(form), QUANTITY_DELAY_MS),
  );
});

export {};
