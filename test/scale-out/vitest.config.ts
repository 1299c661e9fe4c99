import { defineConfig } from 'vitest/config';

// `npm run test:scale-out`: deploy/scale-out/start.sh's cluster, checked from outside (no app imports, no global set-up).
export default defineConfig({
  test: {
    include: ['test/scale-out/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    // Starting the cluster: migrations, the sample catalogue with its images, four services, nginx.
    hookTimeout: 300_000,
  },
});
