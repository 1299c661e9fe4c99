/**
 * The back office's phone menu. Loaded as a tiny blocking script in <head> (like theme-init), so
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

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wireAdminMenu);
else wireAdminMenu();
