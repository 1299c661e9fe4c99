/**
 * "Attach a product" in the message form: a search box over the store's autocomplete API.
 * Only the product's slug is sent; the chat service builds the card from the catalog.
 */
import { type Strings, el } from './chat-dom';

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
