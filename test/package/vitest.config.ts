import { defineConfig } from 'vitest/config';

// `npm run test:package`: the built executable and .deb, checked from outside (no app imports, no global set-up).
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
