/**
 * Debian's Chromium and the flags every headless run here uses (DESIGN.md): the browser journeys
 * (playwright.config.ts) and the Lighthouse benchmark (bench/lighthouse.ts) launch it the same way.
 */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
