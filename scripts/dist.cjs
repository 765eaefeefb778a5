#!/usr/bin/env node
// `npm run dist [-- electron-builder options]`: build the app, then the installers of
// electron-builder.yml (default: this machine's platform; e.g. `-- --win`, `-- --linux`).
// Needs internet: electron-builder downloads Electron and rebuilds better-sqlite3 for its ABI.
// That rebuild happens in node_modules, so afterwards the Node build that `npm test` and the
// CLI use is put back (STACK.md: an Electron-ABI build there breaks them).
const { spawnSync } = require('node:child_process')
const { join } = require('node:path')

const root = join(__dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)

function run(command, args) {
  console.log(`\n[dist] ${[command, ...args].join(' ')}`)
  // npm and node_modules/.bin entries are .cmd files on Windows: they need a shell there.
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.error) console.error(`[dist] ${result.error.message}`)
  return result.status ?? 1
}

let status = run('npm', ['run', '--silent', 'build'])
if (status === 0)
  status = run(bin('electron-builder'), ['--publish', 'never', ...process.argv.slice(2)])
const restored = run('npm', ['rebuild', 'better-sqlite3'])
if (restored !== 0) {
  console.error('[dist] 无法恢复 Node 版 better-sqlite3：请运行 `npm rebuild better-sqlite3`。')
}
if (status === 0) console.log('\n[dist] 安装包在 dist/ 文件夹中。Installers are in dist/.')
process.exit(status || restored)
