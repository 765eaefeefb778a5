import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { fontFile, PACKAGE_FONT } from '../../../electron/services/letters/font'
import { unknownPlaceholders } from '../../../electron/services/letters/template-schema'
import { listTemplates, loadTemplate } from '../../../electron/services/letters/templates'
import { fill } from '../../../electron/services/letters/placeholders'
import { PROJECT_ROOT } from '../../helpers/cli'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** A resources folder of our own, with the real templates copied in. */
function resources(): { dir: string; env: NodeJS.ProcessEnv } {
  const { dir, cleanup } = tempDir('packetdesk-letter-res-')
  cleanups.push(cleanup)
  mkdirSync(join(dir, 'industries'))
  cpSync(join(PROJECT_ROOT, 'resources', 'templates'), join(dir, 'templates'), { recursive: true })
  return { dir, env: { PACKETDESK_RESOURCES_DIR: dir } }
}

describe('letter font', () => {
  it('uses resources/fonts when the build has put the font there', () => {
    const { dir, env } = resources()
    expect(fontFile(env)).toBe(join(PROJECT_ROOT, PACKAGE_FONT))
    mkdirSync(join(dir, 'fonts'))
    symlinkSync(join(PROJECT_ROOT, PACKAGE_FONT), join(dir, 'fonts', 'NotoSansSC-Regular.ttf'))
    expect(fontFile(env)).toBe(join(dir, 'fonts', 'NotoSansSC-Regular.ttf'))
  })

  it('is copied with its OFL licence by scripts/copy-fonts.cjs', () => {
    const { dir, cleanup } = tempDir('packetdesk-fonts-')
    cleanups.push(cleanup)
    const result = spawnSync(
      process.execPath,
      [join(PROJECT_ROOT, 'scripts', 'copy-fonts.cjs'), dir],
      {
        encoding: 'utf8',
      },
    )
    expect(result.status).toBe(0)
    expect(existsSync(join(dir, 'NotoSansSC-Regular.ttf'))).toBe(true)
    expect(readFileSync(join(dir, 'OFL.txt'), 'utf8')).toContain('SIL Open Font License')
  })
})

describe('letter templates', () => {
  it('every built-in template parses and uses only known placeholders', () => {
    for (const { name } of listTemplates()) {
      const template = loadTemplate(name)
      expect(unknownPlaceholders(template)).toEqual([])
    }
  })

  it('takes the highest version of a template', () => {
    const { dir, env } = resources()
    const file = join(dir, 'templates', 'person-to-company.v1.json')
    const v2 = { ...(JSON.parse(readFileSync(file, 'utf8')) as object), version: 2, label: '新版' }
    writeFileSync(join(dir, 'templates', 'person-to-company.v2.json'), JSON.stringify(v2))
    expect(loadTemplate('person-to-company', env)).toMatchObject({ version: 2, label: '新版' })
  })

  it('rejects a template with a misspelt placeholder as an internal error', () => {
    const { dir, env } = resources()
    const file = join(dir, 'templates', 'company-to-company.v1.json')
    writeFileSync(file, readFileSync(file, 'utf8').replace('{grantee.name}', '{grantee.nmae}'))
    expect(() => loadTemplate('company-to-company', env)).toThrow(AppError)
    expect(() => loadTemplate('company-to-company', env)).toThrow(/grantee\.nmae/)
  })
})

describe('placeholders', () => {
  it('drops an optional part whose value is missing and leaves a blank elsewhere', () => {
    const values = { 'grantee.name': '乙公司' }
    expect(fill('{grantee.name}[[（代码：{grantee.uscc}）]]', values)).toBe('乙公司')
    expect(fill('代码：{grantee.uscc}', values)).toMatch(/^代码：_{8,}$/)
    expect(fill('[[（代码：{grantee.uscc}）]]', { 'grantee.uscc': 'X1' })).toBe('（代码：X1）')
  })
})
