import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/helpers/chromium';

/**
 * Browser journeys. Debian's Chromium (`apt-get install chromium`), never a downloaded browser.
 * No webServer block: every test file starts its own store on a free port with a fresh database
 * (test/e2e/helpers/server.ts), after `npm run test:e2e` has built dist/ (pretest:e2e).
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Journeys start their own store (fresh database, migrations) and run two at a time on two
  // cores: 30 s was seen to be too tight under CI load. A hang is still caught by globalTimeout.
  timeout: 90_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // A hung run must not eat CI's time: stop everything after 15 minutes.
  globalTimeout: process.env.CI ? 15 * 60_000 : 0,
  reporter: 'list',
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Asia/Jakarta',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
});
