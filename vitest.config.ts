import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The image replay has its own run (npm run test:image; .ci/run calls it).
    exclude: ['test/image/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-redis.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and e2e files each own a key prefix, so they may run in parallel.
    fileParallelism: true,
  },
});
