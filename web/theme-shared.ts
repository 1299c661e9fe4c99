/** Where the visitor's theme choice is remembered: localStorage for the browser, a cookie so the server renders it. */
export type Theme = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'hurtrock-theme';
export const THEME_COOKIE = 'theme';

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
