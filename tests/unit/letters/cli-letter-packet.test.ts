import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { loadDemo } from '../../../electron/services/demo/demo'
import { todayIn } from '../../../shared/dates'
import { runCliProcess } from '../../helpers/cli'
import { tempDir } from '../../helpers/temp'

const temp = tempDir()
const dataDir = join(temp.dir, 'data')
let packetId = ''

beforeAll(async () => {
  const backend = createBackend({ dataDir })
  const summary = await loadDemo(backend, todayIn())
  packetId = summary.packets.find((p) => p.accountName === '禾木生活')?.id ?? ''
  backend.close()
}, 60_000)
afterAll(() => temp.cleanup())

describe('cli letter --packet', () => {
  it('writes every letter the packet needs and records them', () => {
    const out = join(temp.dir, 'letters')
    const result = runCliProcess([
      'letter',
      '--packet',
      packetId,
      '--data-dir',
      dataDir,
      '--out',
      out,
    ])
    expect(result.status).toBe(0)
    const files = readdirSync(out)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^person-to-company_张伟_上海青禾文化传媒有限公司_.+\.pdf$/)
    const text = execFileSync('pdftotext', [join(out, files[0] ?? ''), '-'], { encoding: 'utf8' })
    expect(text).toContain('11010519491231002X')
    const plan = runCliProcess(['plan', '--packet', packetId, '--data-dir', dataDir])
    expect(plan.stdout).toContain('等待签字盖章后的扫描件')
  })

  it('exits 2 for an unknown packet and for a missing --out', () => {
    expect(
      runCliProcess(['letter', '--packet', 'pk-none', '--data-dir', dataDir, '--out', temp.dir])
        .status,
    ).toBe(2)
    expect(runCliProcess(['letter', '--packet', packetId, '--data-dir', dataDir]).status).toBe(2)
  })
})
