#!/usr/bin/env node
// `npm start` (after `electron-vite build`): launch Electron where its binary
// exists, else the browser host with a notice saying why and how to get it.
const { spawn, spawnSync } = require('node:child_process')
const { existsSync, mkdirSync, cpSync, copyFileSync, rmSync, mkdtempSync } = require('node:fs')
const { join } = require('node:path')
const os = require('node:os')

const root = join(__dirname, '..')

/** Ask the electron package for its binary in a child: it may try to download it. */
function findElectronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 10 * 60 * 1000,
  })
  const binary = probe.stdout.trim()
  if (probe.status === 0 && binary && existsSync(binary)) return { binary }
  return {
    reason:
      'Electron 未启动：Electron 程序文件不存在且无法下载（npm 的 electron 包只在首次使用时从 GitHub 下载它）。' +
      '联网后运行 `npx install-electron --no` 或删除 node_modules/electron 后重新 `npm install`，再 `npm start` 即可使用桌面窗口。' +
      '\nElectron did not start: its binary is missing and could not be downloaded; with internet access run `npx install-electron --no`, then `npm start`.',
  }
}

/**
 * better-sqlite3 is compiled for Node (tests, CLI). Electron needs a build for
 * its own ABI; keep it in .electron-native/ so the Node build is never
 * replaced (STACK.md: @electron/rebuild deletes it when offline).
 */
function ensureElectronSqlite() {
  const electronVersion = require('electron/package.json').version
  const dir = join(
    root,
    '.electron-native',
    `${electronVersion}-${process.platform}-${process.arch}`,
  )
  const binding = join(dir, 'better_sqlite3.node')
  if (existsSync(binding)) return binding
  const work = mkdtempSync(join(os.tmpdir(), 'packetdesk-sqlite-'))
  try {
    const pkg = join(work, 'better-sqlite3')
    cpSync(join(root, 'node_modules', 'better-sqlite3'), pkg, {
      recursive: true,
      filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
    })
    const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js')
    const gyp = process.env.npm_config_node_gyp
    const attempts = [
      [
        process.execPath,
        [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch],
      ],
      ...(gyp
        ? [
            [
              process.execPath,
              [
                gyp,
                'rebuild',
                '--release',
                '--runtime=electron',
                `--target=${electronVersion}`,
                '--dist-url=https://electronjs.org/headers',
              ],
            ],
          ]
        : []),
    ]
    for (const [command, args] of attempts) {
      const result = spawnSync(command, args, { cwd: pkg, stdio: 'inherit' })
      const built = join(pkg, 'build', 'Release', 'better_sqlite3.node')
      if (result.status === 0 && existsSync(built)) {
        mkdirSync(dir, { recursive: true })
        copyFileSync(built, binding)
        return binding
      }
    }
    return null
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function startHost(reason) {
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'host.js')], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PACKETDESK_ELECTRON_REASON: reason },
  })
  const forward = (signal) => child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  child.on('exit', (code) => process.exit(code ?? 0))
}

function main() {
  if (process.env.PACKETDESK_FORCE_HOST === '1') {
    startHost('浏览器模式（PACKETDESK_FORCE_HOST=1）。Browser mode (PACKETDESK_FORCE_HOST=1).')
    return
  }
  const found = findElectronBinary()
  if (!found.binary) {
    startHost(found.reason)
    return
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    startHost(
      'Electron 未启动：没有图形界面（DISPLAY 未设置）。Electron did not start: no graphical display.',
    )
    return
  }
  const binding = ensureElectronSqlite()
  if (!binding) {
    startHost(
      'Electron 未启动：无法为 Electron 编译 better-sqlite3（需要联网下载 Electron 头文件）。' +
        '\nElectron did not start: better-sqlite3 could not be built for Electron (needs internet for its headers).',
    )
    return
  }
  const child = spawn(found.binary, [root], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PACKETDESK_SQLITE_BINDING: binding },
  })
  child.on('exit', (code) => process.exit(code ?? 0))
}

main()
