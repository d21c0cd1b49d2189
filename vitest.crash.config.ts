import { defineConfig } from 'vitest/config';

/**
 * The crash-point suite (`npm run test:crash`): the real bot process, SIGKILLed at chosen calls
 * and restarted. It measures recovery against a 10-second promise, so its files run one at a
 * time and after the main suite, not beside thirty other files competing for the CPU.
 */
export default defineConfig({
  test: {
    include: ['test/crash/**/*.test.ts'],
    globalSetup: ['test/support/global-redis.ts'],
    testTimeout: 90_000,
    hookTimeout: 30_000,
    fileParallelism: false,
  },
});
