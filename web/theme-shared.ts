/**
 * Where the visitor's theme choice is remembered: localStorage for the browser, a cookie so the
 * server renders it. The back office (<html class="admin">) keeps a choice of its own, so staff
 * can work in dark while the shop stays light, or the other way round.
 */
export type Theme = 'light' | 'dark';
const isAdmin = document.documentElement.classList.contains('admin');
export const THEME_STORAGE_KEY = isAdmin ? 'hurtrock-admin-theme' : 'hurtrock-theme';
/** Must match plugins/pages.ts (THEME_COOKIE, ADMIN_THEME_COOKIE). */
export const THEME_COOKIE = isAdmin ? 'admin_theme' : 'theme';

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : null;
  } catch {
    return null; // storage disabled
  }
}

export function systemTheme(): Theme {
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
