#!/usr/bin/env node
// `npm run soak [-- KILLS]`: the long fault-injection run (default 1,000 kills of a writer that
// imports scans and generates letters), then the same checks as the short version in npm test.
const { spawnSync } = require('node:child_process')
const { join } = require('node:path')

const kills = process.argv[2] ?? '1000'
const root = join(__dirname, '..')
const result = spawnSync(
  join(root, 'node_modules', '.bin', 'vitest'),
  ['run', '--project', 'unit', 'tests/unit/hardening/kill-import.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PACKETDESK_SOAK_KILLS: kills } },
)
process.exit(result.status ?? 1)
