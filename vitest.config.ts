import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Own runs (.ci/run calls them): the image replay (npm run test:image) and the crash-point
    // suite, which kills and restarts the real bot and times it (npm run test:crash).
    exclude: ['test/image/**', 'test/crash/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-redis.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and e2e files each own a key prefix, so they may run in parallel.
    fileParallelism: true,
  },
});
