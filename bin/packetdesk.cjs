#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so it is always in step
// with the code (no separate build step before `npm run cli`).
require('tsx/cjs/api').register()
const { runCli } = require('../electron/cli/main.ts')

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error) => {
    process.stderr.write(`内部错误：${error && error.message ? error.message : error}\n`)
    process.exitCode = 70
  },
)
