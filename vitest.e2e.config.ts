import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension; one browser at a time
// on a 2-core machine, and generous timeouts because WebGL is software (SwiftShader) here.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
