/**
 * The light/dark toggle: switches the theme with a short cross-fade (none when the visitor
 * prefers reduced motion) and remembers the choice in localStorage and a cookie.
 */
import { THEME_COOKIE, THEME_STORAGE_KEY, type Theme } from './theme-shared';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;
const root = document.documentElement;

function currentTheme(): Theme {
  return root.getAttribute('data-bs-theme') === 'dark' ? 'dark' : 'light';
}

function rememberTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // storage disabled: the cookie still remembers it
  }
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads this cookie to render the right theme on the first paint
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}

function applyTheme(theme: Theme): void {
  const animate = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (animate) {
    root.classList.add('theme-transition');
    window.setTimeout(() => root.classList.remove('theme-transition'), 400);
  }
  root.setAttribute('data-bs-theme', theme);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(theme === 'dark'));
  }
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
  button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
  button.addEventListener('click', () => {
    const next: Theme = currentTheme() === 'dark' ? 'light' : 'dark';
    applyTheme(next);
    rememberTheme(next);
  });
}
