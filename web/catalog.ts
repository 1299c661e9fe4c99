/**
 * Catalog filters without full page reloads. The filter form is a plain GET form (it works
 * without JavaScript); here every change fetches the same page for the new URL and swaps the
 * catalog in place, with the URL updated so the back button and shared links keep working.
 */
const root = document.querySelector<HTMLElement>('[data-catalog]');

let inFlight: AbortController | undefined;

function formUrl(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  const search = params.toString();
  return search ? `${form.action.split('?')[0]}?${search}` : form.action.split('?')[0]!;
}

async function show(url: string, push: boolean): Promise<void> {
  if (!root) return;
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  const filtersOpen = root.querySelector<HTMLInputElement>('[data-catalog-filters-switch]')?.checked;
  root.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(url, { headers: { accept: 'text/html' }, signal: controller.signal });
    const html = await response.text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    const fresh = next.querySelector<HTMLElement>('[data-catalog]');
    if (!fresh) {
      window.location.href = url; // not a catalog page (e.g. an error page): let the browser show it
      return;
    }
    // Icons are symbols inline in each page (src/store/ui/icon.tsx): bring along those this page lacks.
    const symbols = document.querySelector('[data-icon-symbols]');
    const incoming = next.querySelector('[data-icon-symbols]');
    if (incoming && !symbols) document.body.append(document.importNode(incoming, true));
    for (const symbol of incoming && symbols ? incoming.querySelectorAll('symbol') : []) {
      if (!document.getElementById(symbol.id)) symbols?.append(document.importNode(symbol, true));
    }
    root.innerHTML = fresh.innerHTML;
    document.title = next.title;
    const filtersSwitch = root.querySelector<HTMLInputElement>('[data-catalog-filters-switch]');
    if (filtersSwitch && filtersOpen !== undefined) filtersSwitch.checked = filtersOpen;
    if (push) history.pushState({ catalog: true }, '', url);
    if (focusedId) document.getElementById(focusedId)?.focus({ preventScroll: true });
  } catch (error) {
    if ((error as Error).name !== 'AbortError') window.location.href = url;
  } finally {
    if (inFlight === controller) root.removeAttribute('aria-busy');
  }
}

if (root) {
  root.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const form = target.form;
    if (!form?.matches('[data-catalog-form]')) return;
    if (target.type === 'search') return; // keywords apply on Enter, not on every blur
    void show(formUrl(form), true);
  });
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (!form.matches('[data-catalog-form]')) return;
    event.preventDefault();
    void show(formUrl(form), true);
  });
  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="/produk"]');
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    if (new URL(link.href).pathname !== '/produk') return; // product pages load normally
    event.preventDefault();
    void show(link.href, true);
    root.scrollIntoView({ block: 'start', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  });
  window.addEventListener('popstate', () => void show(window.location.href, false));
}
