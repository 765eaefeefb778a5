#!/usr/bin/env node
// `npm test`: everything — system packages the tests need, ESLint + Prettier,
// tsc on both configs, the dead-code check (knip), the build, then unit and browser tests (vitest).
const { spawnSync } = require('node:child_process')
const { existsSync, readFileSync, readdirSync, mkdirSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const APT_PACKAGES = ['chromium', 'xvfb', 'poppler-utils', 'fonts-noto-cjk', 'postgresql']

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function hasCjkFont() {
  const result = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' })
  return result.status === 0 && result.stdout.trim().length > 0
}

function hasPostgres() {
  const root = '/usr/lib/postgresql'
  return (
    existsSync(root) &&
    readdirSync(root).some((version) => existsSync(join(root, version, 'bin', 'initdb')))
  )
}

/** Which of the apt packages the tests need are missing. */
function missingPackages() {
  const chromium = process.env.PACKETDESK_CHROMIUM ?? '/usr/bin/chromium'
  const checks = {
    chromium: () => existsSync(chromium),
    xvfb: () => process.platform !== 'linux' || has('xvfb-run'),
    'poppler-utils': () => has('pdftoppm') && has('pdftotext') && has('pdffonts'),
    'fonts-noto-cjk': () => hasCjkFont(),
    // The team library's tests start a throwaway cluster (tests/setup/postgres-cluster.ts).
    postgresql: () => hasPostgres(),
  }
  return APT_PACKAGES.filter((name) => !checks[name]())
}

function ensureSystemPackages() {
  const missing = missingPackages()
  if (missing.length === 0) return
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && has('apt-get')) {
    console.log(
      `[test] 安装测试所需的系统软件包 / installing system packages: ${missing.join(' ')}`,
    )
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' })
    const install = spawnSync('apt-get', ['install', '-y', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
    if (update.status === 0 && install.status === 0 && missingPackages().length === 0) return
    console.error('[test] apt-get 安装失败 / apt-get install failed.')
  }
  console.error(
    `[test] 缺少测试所需的系统软件包 / missing system packages: ${missing.join(' ')}\n` +
      `  Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}\n` +
      '  (Chromium elsewhere: set PACKETDESK_CHROMIUM to its executable.)',
  )
  process.exit(1)
}

function run(label, command, args) {
  console.log(`\n[test] ${label}: ${[command, ...args].join(' ')}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`[test] ${label} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status || 1)
  }
}

const bin = (name) => join(root, 'node_modules', '.bin', name)

ensureSystemPackages()
run('eslint', bin('eslint'), ['.', '--max-warnings', '0'])
run('prettier', bin('prettier'), ['--check', '.'])
run('tsc (node side)', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit'])
run('tsc (web side)', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit'])
run('dead code (knip)', bin('knip'), [])
run('fonts', process.execPath, [join(root, 'scripts', 'copy-fonts.cjs')])
run('build', bin('electron-vite'), ['build'])

mkdirSync(join(root, 'test-results'), { recursive: true })
// A display for the Electron smoke test where the Electron binary exists.
const needsXvfb = process.platform === 'linux' && !process.env.DISPLAY && has('xvfb-run')

/**
 * Two phases, one after the other: the PostgreSQL projects (eight clerk processes at once, the
 * backend suite again on a team library) would otherwise share the two cores with the safety
 * tests that assert a hostile file is refused within its deadline.
 */
const PHASES = [
  { name: 'unit + browser', projects: ['unit', 'e2e'] },
  { name: 'PostgreSQL (team, backend-pg)', projects: ['team', 'backend-pg'] },
]

const summary = { passed: 0, failed: 0, skipped: 0 }
let status = 0
for (const [index, phase] of PHASES.entries()) {
  const report = join(root, 'test-results', `vitest-${index + 1}.json`)
  const vitestArgs = [
    'run',
    ...phase.projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]
  console.log(`\n[test] vitest, ${phase.name}`)
  const vitest = needsXvfb
    ? spawnSync('xvfb-run', ['-a', bin('vitest'), ...vitestArgs], { cwd: root, stdio: 'inherit' })
    : spawnSync(bin('vitest'), vitestArgs, { cwd: root, stdio: 'inherit' })
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'))
    summary.passed += json.numPassedTests
    summary.failed += json.numFailedTests
    summary.skipped += json.numPendingTests + json.numTodoTests
  } catch {
    // no report: vitest crashed before writing it
    status = status || 1
  }
  if (vitest.status !== 0) status = status || vitest.status || 1
}
console.log(
  `\ntests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
)
if (status !== 0 || summary.failed > 0 || summary.passed === 0) {
  process.exit(status || 1)
}
