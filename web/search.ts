/**
 * Navbar autocomplete, following the ARIA combobox pattern: suggestions appear as the visitor
 * types (debounced, stale requests cancelled), ↑/↓ move through them, Enter opens one (or
 * searches), Esc closes. Everything from the server is inserted as text, never as HTML.
 */
interface SuggestProduct {
  name: string;
  brand: string;
  price_formatted: string;
  url: string;
  image: { webp: string; jpg: string; width: number; height: number; alt: string } | null;
}

interface SuggestResponse {
  query: string;
  products: SuggestProduct[];
  categories: { name: string; url: string }[];
}

const DEBOUNCE_MS = 180;
const MIN_CHARS = 2;

const input = document.querySelector<HTMLInputElement>('[data-suggest-input]');
const list = document.querySelector<HTMLUListElement>('[data-suggest-list]');
const form = input?.form;

function text(template: string | undefined, q: string): string {
  return (template ?? '').replace('{q}', q);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

if (input && list && form) {
  const labels = list.dataset;
  let timer: number | undefined;
  let inFlight: AbortController | undefined;
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLLIElement>('[role="option"]')];

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const setActive = (index: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const current = all[active]!;
    input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  };

  const option = (href: string, children: Node[]): HTMLLIElement => {
    const item = el('li', 'suggest-option');
    item.id = `suggest-option-${list.children.length}`;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    item.dataset.href = href;
    item.append(...children);
    item.addEventListener('mousedown', (event) => event.preventDefault()); // keep focus in the input
    item.addEventListener('click', () => window.location.assign(href));
    return item;
  };

  const render = (data: SuggestResponse) => {
    list.replaceChildren();
    active = -1;
    if (data.categories.length) {
      list.append(el('li', 'suggest-heading', labels.categoriesLabel));
      for (const category of data.categories) list.append(option(category.url, [el('span', 'suggest-name', category.name)]));
    }
    if (data.products.length) {
      list.append(el('li', 'suggest-heading', labels.productsLabel));
      for (const product of data.products) {
        const parts: Node[] = [];
        if (product.image) {
          const picture = el('picture');
          const source = el('source');
          source.type = 'image/webp';
          source.srcset = product.image.webp;
          const img = el('img');
          img.src = product.image.jpg;
          img.alt = '';
          img.width = 44;
          img.height = 44;
          img.loading = 'lazy';
          picture.append(source, img);
          parts.push(picture);
        }
        const textBox = el('span', 'suggest-text');
        textBox.append(el('span', 'suggest-name', product.name), el('span', 'suggest-price', product.price_formatted));
        parts.push(textBox);
        list.append(option(product.url, parts));
      }
    }
    if (!data.products.length && !data.categories.length) {
      list.append(el('li', 'suggest-empty', text(labels.noneLabel, data.query)));
    }
    const searchUrl = `${form.action.split('?')[0]}?q=${encodeURIComponent(data.query)}`;
    list.append(option(searchUrl, [el('span', 'suggest-all', text(labels.allLabel, data.query))]));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };

  const load = async (q: string) => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const response = await fetch(`/api/v1/products/suggest?q=${encodeURIComponent(q)}`, {
        headers: { accept: 'application/json' },
        signal: controller.signal,
      });
      if (!response.ok) return close();
      const data = (await response.json()) as SuggestResponse;
      if (input.value.trim() === q) render(data);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_CHARS) {
      inFlight?.abort();
      close();
      return;
    }
    timer = window.setTimeout(() => void load(q), DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    const open = !list.hidden;
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      const href = options()[active]?.dataset.href;
      if (href) window.location.assign(href);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        close();
      }
    }
  });

  input.addEventListener('blur', () => window.setTimeout(close, 120));
  input.addEventListener('focus', () => {
    if (input.value.trim().length >= MIN_CHARS && list.children.length) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
}
