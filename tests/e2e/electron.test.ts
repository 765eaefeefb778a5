import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { _electron } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

/** The Electron binary, if the electron package could fetch it (not on our offline machines). */
function electronBinary(): string | null {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
  const path = probe.stdout.trim()
  return probe.status === 0 && path && existsSync(path) ? path : null
}

const binary = electronBinary()
const hasDisplay =
  Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux'
if (!binary) {
  console.warn(
    '[electron smoke] SKIPPED: the Electron binary is not installed on this machine (it cannot be downloaded here).',
  )
} else if (!hasDisplay) {
  console.warn('[electron smoke] SKIPPED: no display; run the tests under `xvfb-run -a`.')
}

describe('Electron window (smoke)', () => {
  it.skipIf(!binary || !hasDisplay)('opens the app window with the shell in Chinese', async () => {
    const { dir, cleanup } = tempDir()
    const app = await _electron.launch({
      executablePath: binary ?? undefined,
      args: [PROJECT_ROOT],
      env: { ...process.env, PACKETDESK_DATA_DIR: join(dir, 'data') },
    })
    try {
      const window = await app.firstWindow()
      await expect.poll(() => window.getByText('资料库').first().isVisible()).toBe(true)
      const exposed = await window.evaluate(() =>
        Object.keys((window as unknown as { packetdesk: object }).packetdesk).sort(),
      )
      expect(exposed).toContain('system.info')
      expect(
        await window.evaluate(() => typeof (globalThis as { require?: unknown }).require),
      ).toBe('undefined')
    } finally {
      await app.close()
      cleanup()
    }
  })
})
