/**
 * The back office's phone menu and its tables' "select all". Loaded as a tiny blocking script in <head> (like theme-init), so
 * the sidebar is folded behind its button before the first paint; without JavaScript the class
 * is never set and the sidebar simply stays open above the page.
 */
const adminRoot = document.documentElement;
adminRoot.classList.add('admin-nav-enhanced');

function wireAdminMenu(): void {
  const toggle = document.querySelector<HTMLButtonElement>('[data-admin-nav-toggle]');
  const nav = document.getElementById('admin-nav');
  if (!toggle || !nav) {
    adminRoot.classList.remove('admin-nav-enhanced');
    return;
  }
  const isOpen = () => toggle.getAttribute('aria-expanded') === 'true';
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('is-open', open);
  };
  toggle.addEventListener('click', () => setOpen(!isOpen()));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen()) {
      setOpen(false);
      toggle.focus();
    }
  });
}

/**
 * "Select all" for tables with bulk actions: a header checkbox `data-select-all="<name>"` checks
 * or clears every `<name>` checkbox of its form, and shows "some" (indeterminate) when only some
 * are checked. It is rendered hidden and shown here, since without script it could do nothing.
 */
function wireSelectAll(): void {
  for (const all of document.querySelectorAll<HTMLInputElement>('input[data-select-all]')) {
    const form = all.form;
    if (!form) continue;
    const boxes = () => [...form.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${all.dataset.selectAll}"]`)];
    const sync = () => {
      const checked = boxes().filter((box) => box.checked).length;
      all.checked = checked > 0 && checked === boxes().length;
      all.indeterminate = checked > 0 && checked < boxes().length;
    };
    all.hidden = false;
    all.addEventListener('change', () => {
      for (const box of boxes()) box.checked = all.checked;
      sync();
    });
    form.addEventListener('change', (event) => {
      if (event.target !== all) sync();
    });
    sync();
  }
}

function wire(): void {
  wireAdminMenu();
  wireSelectAll();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
else wire();
