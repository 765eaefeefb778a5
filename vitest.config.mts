import { defineConfig } from 'vitest/config'

/** Backend tests that run on both engines (tests/helpers/backend.ts suiteBackend). */
const BACKEND_SUITE = [
  'tests/unit/library/library.test.ts',
  'tests/unit/library/versions.test.ts',
  'tests/unit/library/purge.test.ts',
  'tests/unit/library/exports.test.ts',
  'tests/unit/library/packet-queue.test.ts',
  'tests/unit/library/letters.test.ts',
  'tests/unit/library/industries.test.ts',
  'tests/unit/library/review-fixes.test.ts',
  'tests/unit/library/platform.test.ts',
  'tests/unit/library/search.test.ts',
  'tests/unit/library/changes-since.test.ts',
  'tests/unit/letters/batch.test.ts',
  'tests/unit/letters/bundle.test.ts',
  'tests/unit/overview/today.test.ts',
  'tests/unit/letters/wording.test.ts',
  'tests/unit/templates/templates.test.ts',
  'tests/unit/templates/active-content.test.ts',
  'tests/unit/rules/requirements-table.test.ts',
  'tests/unit/export-packet/export-draft.test.ts',
  'tests/unit/export-packet/export-online.test.ts',
  'tests/unit/export-packet/export-email.test.ts',
  'tests/unit/export-packet/export-cache.test.ts',
]

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
          // The backend suite again, on a team library (PostgreSQL) instead of the embedded
          // SQLite one: the same files, parameterised by PACKETDESK_TEST_ENGINE (issue 11).
          name: 'backend-pg',
          include: BACKEND_SUITE,
          globalSetup: ['tests/setup/postgres-cluster.ts'],
          env: { PACKETDESK_TEST_ENGINE: 'postgres' },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
