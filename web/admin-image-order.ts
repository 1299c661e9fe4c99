/**
 * Reordering a product's images by dragging them (the arrow buttons stay for keyboard users and
 * without script). On drop the new order is sent as the images' ids to the list's
 * `data-order-url` with the page's CSRF token; the page then reloads so the numbering, the
 * disabled arrows and the storefront preview all come from the server again.
 */
export function setupImageOrder(list: HTMLOListElement) {
  const url = list.dataset.orderUrl;
  const csrf = document.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value;
  const items = () => [...list.querySelectorAll<HTMLLIElement>('li[data-image-id]')];
  if (!url || !csrf || items().length < 2) return;
  const status = document.createElement('p');
  status.className = 'admin-image-order-status small';
  status.setAttribute('role', 'status');
  list.after(status);

  let dragged: HTMLLIElement | null = null;
  let before = '';
  const orderOf = () =>
    items()
      .map((li) => li.dataset.imageId ?? '')
      .join(',');

  for (const li of items()) {
    li.draggable = true;
    li.addEventListener('dragstart', (event) => {
      dragged = li;
      before = orderOf();
      li.classList.add('is-dragging');
      event.dataTransfer?.setData('text/plain', li.dataset.imageId ?? '');
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    });
    li.addEventListener('dragover', (event) => {
      if (!dragged || dragged === li) return;
      event.preventDefault();
      // Grid order: an image dragged from before the target lands after it, and vice versa.
      const all = items();
      li[all.indexOf(dragged) < all.indexOf(li) ? 'after' : 'before'](dragged);
    });
    li.addEventListener('drop', (event) => event.preventDefault());
    li.addEventListener('dragend', () => {
      li.classList.remove('is-dragging');
      dragged = null;
      const order = orderOf();
      if (order !== before) void save(order);
    });
  }

  async function save(order: string) {
    list.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(url!, {
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': csrf! },
        body: new URLSearchParams({ urutan: order }).toString(),
      });
      const answer = (await response.json().catch(() => ({}))) as { ok?: boolean; error?: { message?: string } };
      if (response.ok && answer.ok) {
        status.textContent = list.dataset.savedText ?? '';
        window.location.reload();
        return;
      }
      status.textContent = answer.error?.message ?? list.dataset.failedText ?? '';
    } catch {
      status.textContent = list.dataset.failedText ?? '';
    }
    list.removeAttribute('aria-busy');
  }
}
