import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// electron-builder's own loader and schema check (what `npm run dist` runs first), reached
// through electron-builder as its CLI reaches them; nothing is downloaded or built.
const fromBuilder = createRequire(require.resolve('electron-builder'))
const builderConfig = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig: (dir: string, path: string | null, extra: null) => Promise<Record<string, unknown>>
  validateConfiguration: (config: Record<string, unknown>, logger: unknown) => Promise<void>
}
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (on: boolean) => unknown }

const root = join(__dirname, '..', '..', '..')

async function loadConfig(): Promise<Record<string, unknown>> {
  return builderConfig.getConfig(root, null, null)
}

type Loose = Record<string, unknown>

describe('installer configuration (electron-builder.yml)', () => {
  it('passes electron-builder schema validation', async () => {
    const config = await loadConfig()
    await expect(
      builderConfig.validateConfiguration(config, new DebugLogger(false)),
    ).resolves.toBeUndefined()
  })

  it('the same validation refuses a misspelled option (the check can fail)', async () => {
    const config = await loadConfig()
    const broken = { ...config, nsis: { ...(config.nsis as Loose), perMachin: false } }
    await expect(
      builderConfig.validateConfiguration(broken, new DebugLogger(false)),
    ).rejects.toThrow(/nsis/)
  })

  it('sets the hardening fuses: no RunAsNode, encrypted cookies, asar integrity, asar only', async () => {
    const fuses = (await loadConfig()).electronFuses as Loose
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('unpacks the native modules from the asar', async () => {
    const unpack = (await loadConfig()).asarUnpack as string[]
    for (const module of ['better-sqlite3', 'sharp', '@img', 'onnxruntime-node']) {
      expect(unpack).toContain(`node_modules/${module}/**`)
    }
  })

  it('builds a per-user NSIS installer, a dmg, an AppImage and a deb', async () => {
    const config = await loadConfig()
    const targets = (platform: string): string[] =>
      ((config[platform] as Loose).target as (string | { target: string })[]).map((t) =>
        typeof t === 'string' ? t : t.target,
      )
    expect(targets('win')).toEqual(['nsis'])
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false })
    expect(targets('mac')).toEqual(['dmg'])
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
  })

  it('packs the built app and its resources, not the sources', async () => {
    // The loader normalises `files` to file sets ({ filter: [...] }).
    const sets = (await loadConfig()).files as (string | { filter: string[] })[]
    const files = sets.flatMap((set) => (typeof set === 'string' ? [set] : set.filter))
    expect(files).toEqual(expect.arrayContaining(['out/**', 'resources/**', 'package.json']))
    expect(files.some((f) => /^(electron|renderer|shared|tests|bench)\b/.test(f))).toBe(false)
  })
})
