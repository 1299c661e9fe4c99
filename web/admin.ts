/**
 * The back office's phone menu, its tables' "select all" and busy forms. Loaded as a tiny
 * blocking script in <head> (like theme-init), so the sidebar is folded behind its button before
 * the first paint; without JavaScript the class is never set and the sidebar simply stays open
 * above the page.
 */
const adminRoot = document.documentElement;
adminRoot.classList.add('admin-nav-enhanced');

/**
 * The Menu button works from the moment it is painted: the clicks are caught on the document
 * (this script runs in <head>, before the button exists), not on a listener added once the whole
 * page, deferred scripts included, has loaded.
 */
function menuParts() {
  const toggle = document.querySelector<HTMLButtonElement>('[data-admin-nav-toggle]');
  const nav = document.getElementById('admin-nav');
  return toggle && nav ? { toggle, nav } : undefined;
}

function setMenuOpen(parts: { toggle: HTMLButtonElement; nav: HTMLElement }, open: boolean) {
  parts.toggle.setAttribute('aria-expanded', String(open));
  parts.nav.classList.toggle('is-open', open);
}

document.addEventListener('click', (event) => {
  if (!(event.target instanceof Element) || !event.target.closest('[data-admin-nav-toggle]')) return;
  const parts = menuParts();
  if (parts) setMenuOpen(parts, parts.toggle.getAttribute('aria-expanded') !== 'true');
});
document.addEventListener('keydown', (event) => {
  const parts = menuParts();
  if (event.key !== 'Escape' || parts?.toggle.getAttribute('aria-expanded') !== 'true') return;
  setMenuOpen(parts, false);
  parts.toggle.focus();
});

/** A page without the sidebar's parts keeps the sidebar unfolded (nothing could open it). */
function wireAdminMenu(): void {
  if (!menuParts()) adminRoot.classList.remove('admin-nav-enhanced');
}

/**
 * "Select all" for tables with bulk actions: a header checkbox `data-select-all="<name>"` checks
 * or clears every `<name>` checkbox of its form (also those tied to it with `form="…"`), and
 * shows "some" (indeterminate) when only some are checked. A `[data-select-count]` element of the
 * form says how many are chosen, from its `data-template` ("{count} dipilih"). The checkbox is
 * rendered hidden and shown here, since without script it could do nothing.
 */
function wireSelectAll(): void {
  for (const all of document.querySelectorAll<HTMLInputElement>('input[data-select-all]')) {
    const form = all.form;
    if (!form) continue;
    const boxes = () =>
      [...form.elements].filter(
        (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'checkbox' && el.name === all.dataset.selectAll,
      );
    const count = form.querySelector<HTMLElement>('[data-select-count]');
    const sync = () => {
      const checked = boxes().filter((box) => box.checked).length;
      all.checked = checked > 0 && checked === boxes().length;
      all.indeterminate = checked > 0 && checked < boxes().length;
      if (count) count.textContent = checked > 0 ? (count.dataset.template ?? '').replace('{count}', String(checked)) : '';
    };
    all.hidden = false;
    all.addEventListener('change', () => {
      for (const box of boxes()) box.checked = all.checked;
      sync();
    });
    // Boxes tied with form="…" may sit outside the form element: listen on the document.
    document.addEventListener('change', (event) => {
      if (event.target !== all && boxes().includes(event.target as HTMLInputElement)) sync();
    });
    sync();
  }
}

/**
 * Long-running forms (a catalogue import checks or applies thousands of rows): on submit the
 * button is disabled, so a second click cannot send it twice, and a progress bar with the form's
 * `data-busy-text` tells the user the shop is working until the next page arrives.
 */
function wireBusyForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-busy-text]')) {
    form.addEventListener('submit', () => {
      if (form.querySelector('.admin-busy')) return;
      const busy = document.createElement('div');
      busy.className = 'admin-busy';
      busy.setAttribute('role', 'status');
      const bar = document.createElement('progress');
      bar.setAttribute('aria-label', form.dataset.busyText ?? '');
      const text = document.createElement('span');
      text.textContent = form.dataset.busyText ?? '';
      busy.append(bar, text);
      form.append(busy);
      // Disabled after this event, so the button's own name/value still goes with the form.
      setTimeout(() => {
        for (const button of form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')) button.disabled = true;
      });
    });
  }
  // Back from the next page (back/forward cache): the form is usable again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    for (const busy of document.querySelectorAll('.admin-busy')) busy.remove();
    for (const button of document.querySelectorAll<HTMLButtonElement>('form[data-busy-text] button[type="submit"]'))
      button.disabled = false;
  });
}

function wire(): void {
  wireAdminMenu();
  wireSelectAll();
  wireBusyForms();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
else wire();
