/**
 * Loaded synchronously in <head>: picks the theme before the first paint so the page never
 * flashes the wrong one. The server already renders a theme chosen earlier (cookie); this covers
 * a first visit (system preference) and a choice stored only in localStorage.
 */
import { storedTheme, systemTheme } from './theme-shared';

const root = document.documentElement;
const chosen = storedTheme();
if (chosen) root.setAttribute('data-bs-theme', chosen);
else if (root.dataset.themeSource !== 'cookie') root.setAttribute('data-bs-theme', systemTheme());
