import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium and Firefox ESR with the built extensions; one browser at a time
// on a 2-core machine, and generous timeouts because WebGL is software (SwiftShader) here. Each test is
// reported under the browser it ran in (the project's name: |chromium| or |firefox|). Projects would run
// side by side; groupOrder runs Firefox's files after Chromium's.
const browserProject = (name: 'chromium' | 'firefox', groupOrder: number, include: string[], exclude: string[] = []) => ({
  extends: true as const,
  test: { name, include, exclude, sequence: { groupOrder } },
});

export default defineConfig({
  test: {
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [browserProject('chromium', 0, ['test/e2e/**/*.e2e.ts'], ['test/e2e/firefox/**']), browserProject('firefox', 1, ['test/e2e/firefox/**/*.e2e.ts'])],
  },
});
