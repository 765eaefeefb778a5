import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/team/**', 'tests/unit/storage/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          // The team library and the storage port, on both engines: these need PostgreSQL,
          // a throwaway cluster started once for them.
          name: 'team',
          include: ['tests/unit/team/**/*.test.ts', 'tests/unit/storage/**/*.test.ts'],
          globalSetup: ['tests/setup/postgres-cluster.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
          // The UI waits for real work (PDF rendering, letters, exports) while unit
          // tests may load both cores: poll for up to 15 s instead of vitest's 1 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
})
