import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/cli'
import { watchTreeRss } from '../../helpers/hostile-files'
import { tempDir } from '../../helpers/temp'

/**
 * Sixteen large uploads at once must not make the browser host hold sixteen bodies (and their
 * JSON and base64 copies) in memory: large requests pass through a gate two at a time while
 * the rest wait unread, and small calls never queue behind them. The host runs as its own
 * process (the built out/main/host.js) so its memory is measured alone. Safety limits with a
 * wide margin, not benchmarks.
 */
const temp = tempDir('packetdesk-uploads-')
let host: ChildProcess | undefined
afterAll(() => {
  host?.kill('SIGKILL')
  temp.cleanup()
})
const MB = 1024 * 1024

async function startHostProcess(): Promise<{ child: ChildProcess; base: string; token: string }> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'out', 'main', 'host.js')], {
    // Reading scans off: this measures the host and its decoding workers under uploads; the
    // OCR worker (≈1.5 GB, its own caps) is measured by `npm run bench read`.
    env: {
      ...process.env,
      PACKETDESK_DATA_DIR: temp.dir,
      PACKETDESK_NO_OPEN: '1',
      PACKETDESK_READ_SCANS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  const url = await new Promise<URL>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8')
      const match = /PacketDesk: (\S+)/.exec(out)
      if (match?.[1]) resolve(new URL(match[1]))
    })
    child.on('exit', () => reject(new Error(`host exited: ${out}`)))
  })
  return { child, base: url.origin, token: url.hash.replace('#token=', '') }
}

/** Calls system.info every 100 ms and prints each answer's latency (or 99999 for a failure). */
const POLLER = `
const call = async () => {
  const t = Date.now()
  const r = await fetch(process.env.BASE + '/api/system.info', {
    method: 'POST',
    headers: { authorization: 'Bearer ' + process.env.TOKEN, 'content-type': 'application/json' },
    body: '{}',
  }).then((x) => x.json(), () => ({ ok: false }))
  process.stdout.write((r.ok ? Date.now() - t : 99999) + ' ')
}
const loop = async () => { for (;;) { await call(); await new Promise((r) => setTimeout(r, 100)) } }
loop()
`

interface Answer {
  ok: boolean
  value?: { id: string }
  error?: { code: string }
}

/** Calls the host's contract; a Buffer body is sent as it is (no re-encoding of 16 × 40 MB). */
function caller(host: { base: string; token: string }) {
  return async (method: string, body: unknown): Promise<Answer> => {
    const response = await fetch(`${host.base}/api/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
      body: Buffer.isBuffer(body) ? body : JSON.stringify(body),
    })
    return (await response.json()) as Answer
  }
}

describe('the built browser host (out/main/host.js) under many large uploads', () => {
  it('imports a real scan: its bundled worker processes start', async () => {
    const started = await startHostProcess()
    host = started.child
    const call = caller(started)
    const company = await call('companies.save', { name: '青禾', region: 'domestic' })
    const png = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: '#3060c0' },
    })
      .png()
      .toBuffer()
    const imported = await call('documents.import', {
      ownerKind: 'company',
      ownerId: company.value?.id,
      requirement: 'business_licence',
      fileName: '营业执照.png',
      dataBase64: png.toString('base64'),
    })
    expect(imported).toMatchObject({ ok: true })
    host.kill('SIGTERM')
    await new Promise((r) => host?.once('exit', r))
  }, 60_000)

  it('16 × 30 MB imports at once: host tree ≤ 1 GB, every call answered, system.info < 2 s', async () => {
    const started = await startHostProcess()
    host = started.child
    const call = caller(started)
    const company = await call('companies.save', { name: '青禾', region: 'domestic' })
    expect(company.ok).toBe(true)
    const rss = watchTreeRss(host.pid ?? 0, 50)
    const baseline = rss.stop()

    // Not a decodable file: each is refused after its body has been read and parsed in full.
    const body = Buffer.from(
      JSON.stringify({
        ownerKind: 'company',
        ownerId: company.value?.id,
        requirement: 'industry_qualification',
        fileName: 'scan.pdf',
        dataBase64: randomBytes(30 * MB).toString('base64'),
      }),
    )
    const watch = watchTreeRss(host.pid ?? 0, 50)
    const uploads = Promise.all(Array.from({ length: 16 }, () => call('documents.import', body)))
    // Polled from another process: the test process itself is busy sending 16 bodies.
    const poller = spawn(process.execPath, ['-e', POLLER], {
      env: { ...process.env, BASE: started.base, TOKEN: started.token },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let polled = ''
    poller.stdout?.on('data', (d: Buffer) => (polled += d.toString('utf8')))
    const results = await uploads
    const peak = watch.stop()
    poller.kill()
    await new Promise((r) => poller.once('exit', r))
    const latencies = polled.trim().split(/\s+/).map(Number)

    expect(results.map((r) => r.error?.code)).toEqual(Array(16).fill('FILE_REJECTED'))
    expect(latencies.length).toBeGreaterThan(10)
    expect(Math.max(...latencies)).toBeLessThan(2_000)
    expect(peak - baseline).toBeLessThan(1024 * MB)
  }, 120_000)
})
