import { defineConfig } from 'vitest/config';

/**
 * `npm run test:image`: the image replay (npm ci twice and a build, a few minutes), run by
 * .ci/run after `npm test` rather than inside it, so everyday test runs stay fast.
 */
export default defineConfig({
  test: {
    include: ['test/image/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
