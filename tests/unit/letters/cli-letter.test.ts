import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../../../electron/cli/io'
import { letterVerb } from '../../../electron/cli/letter'
import { tempDir } from '../../helpers/temp'
import { pdftotext } from '../../helpers/pdf-tools'
import { personData, residentId, SAMPLES, withoutGrantee } from './fixtures'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function folder(): string {
  const { dir, cleanup } = tempDir('packetdesk-letter-cli-')
  cleanups.push(cleanup)
  return dir
}

function fakeIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: process.env,
  }
}

async function run(args: string[]) {
  const io = fakeIo()
  const code = await letterVerb(args, io)
  return { code, stdout: io.out.join(''), stderr: io.err.join('') }
}

function dataFile(dir: string, data: unknown, raw?: string): string {
  const file = join(dir, 'data.json')
  writeFileSync(file, raw ?? JSON.stringify(data))
  return file
}

describe('cli letter', () => {
  it('writes the PDF and nothing else', async () => {
    const dir = folder()
    const data = dataFile(dir, SAMPLES['person-to-company'])
    const out = join(dir, 'letter.pdf')
    const result = await run(['--template', 'person-to-company', '--data', data, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      out,
      template: 'person-to-company',
    })
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdftotext(out)).toContain('授')
    expect(readdirSync(dir).sort()).toEqual(['data.json', 'letter.pdf'])
    // Never echo an ID number.
    expect(result.stdout).not.toContain(residentId())
  })

  it('passes --parent through to the parent-subsidiary letter', async () => {
    const dir = folder()
    const data = dataFile(dir, SAMPLES['parent-subsidiary'])
    const out = join(dir, 'ps.pdf')
    const result = await run([
      '--template',
      'parent-subsidiary',
      '--data',
      data,
      '--out',
      out,
      '--parent',
      'grantee',
    ])
    expect(result.code).toBe(0)
    expect(pdftotext(out).replace(/\s+/g, '')).toContain('母公司：上海星河广告传媒有限公司')
  })

  const refusals: [string, (dir: string) => string[], RegExp][] = [
    [
      'an invalid ID number',
      (dir) => {
        const bad = personData('张伟', { type: 'resident_id', number: '110105194912310099' })
        return [
          '--template',
          'person-to-company',
          '--data',
          dataFile(dir, bad),
          '--out',
          join(dir, 'x.pdf'),
        ]
      },
      /grantor\.idDocument\.number.*R11/s,
    ],
    [
      'a missing grantee',
      (dir) => {
        const rest = withoutGrantee()
        return [
          '--template',
          'person-to-company',
          '--data',
          dataFile(dir, rest),
          '--out',
          join(dir, 'x.pdf'),
        ]
      },
      /字段 grantee/,
    ],
    [
      'an unknown template',
      (dir) => [
        '--template',
        'nope',
        '--data',
        dataFile(dir, personData()),
        '--out',
        join(dir, 'x.pdf'),
      ],
      /--template/,
    ],
    [
      'bad JSON',
      (dir) => [
        '--template',
        'person-to-company',
        '--data',
        dataFile(dir, null, '{"grantor":'),
        '--out',
        join(dir, 'x.pdf'),
      ],
      /--data.*JSON/,
    ],
    [
      'a missing data file',
      (dir) => [
        '--template',
        'person-to-company',
        '--data',
        join(dir, 'none.json'),
        '--out',
        join(dir, 'x.pdf'),
      ],
      /--data.*ENOENT/,
    ],
    [
      'a missing --out',
      (dir) => ['--template', 'person-to-company', '--data', dataFile(dir, personData())],
      /缺少 --out/,
    ],
    ['an unknown flag', () => ['--template', 'person-to-company', '--colour', 'red'], /colour/],
    [
      'a bad --parent',
      (dir) => [
        '--template',
        'parent-subsidiary',
        '--data',
        dataFile(dir, personData()),
        '--out',
        join(dir, 'x.pdf'),
        '--parent',
        'mother',
      ],
      /--parent/,
    ],
  ]

  it.each(refusals)(
    'exits 2 for %s, naming the field, writing nothing',
    async (_, args, pattern) => {
      const dir = folder()
      const result = await run(args(dir))
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(pattern)
      expect(result.stdout).toBe('')
      expect(readdirSync(dir).filter((f) => f.endsWith('.pdf') || f.endsWith('.tmp'))).toEqual([])
    },
  )

  it('exits 1 when the output folder does not exist', async () => {
    const dir = folder()
    const data = dataFile(dir, SAMPLES['person-to-company'])
    const result = await run([
      '--template',
      'person-to-company',
      '--data',
      data,
      '--out',
      join(dir, 'missing', 'letter.pdf'),
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('ENOENT')
  })
})
