import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Backend } from '../../electron/services/backend'
import { loadDemo } from '../../electron/services/demo/demo'
import type { Manifest } from '../../electron/services/export/types'
import { SUITE_ENGINE, suiteBackend } from './backend'
import { tempDir } from './temp'

export const DEMO_TODAY = '2026-11-28'

/** The demo packets by account name. */
export const DEMO = {
  ready: '青禾文化',
  email: 'Maple枫叶',
  brand: '山岚旗舰店',
  person: '禾木生活',
} as const

export interface DemoLibrary {
  backend: Backend
  dataDir: string
  /** Packet id by account name. */
  packets: Record<string, string>
  /** A fresh empty folder to export into (removed by cleanup). */
  outDir: () => string
  cleanup: () => Promise<void>
}

/**
 * A real backend in a temp folder with the demo library loaded: the embedded SQLite library,
 * or — `onSuiteEngine` — the backend suite's engine (SQLite or a team library on PostgreSQL).
 */
export async function demoLibrary(onSuiteEngine = false): Promise<DemoLibrary> {
  const { backend, dir, cleanup } = await suiteBackend(
    DEMO_TODAY,
    onSuiteEngine ? SUITE_ENGINE : 'sqlite',
  )
  const summary = await loadDemo(backend, DEMO_TODAY)
  const packets = Object.fromEntries(summary.packets.map((p) => [p.accountName, p.id]))
  const outs: (() => void)[] = []
  return {
    backend,
    dataDir: dir,
    packets,
    outDir: () => {
      const out = tempDir('packetdesk-export-')
      outs.push(out.cleanup)
      return out.dir
    },
    cleanup: async () => {
      outs.forEach((c) => c())
      await cleanup()
    },
  }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Every file under `dir`, as `/`-separated relative paths, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

function readManifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest
}

/**
 * Why `folder` is not a complete export, or null when it is: manifest.json present and listing
 * exactly the other files, each with its size and SHA-256.
 */
export function exportProblem(folder: string): string | null {
  let manifest: Manifest
  try {
    manifest = readManifest(folder)
  } catch (error) {
    return `no readable manifest: ${(error as Error).message}`
  }
  const present = listFiles(folder).filter((f) => f !== 'manifest.json')
  const listed = manifest.files.map((f) => f.path).sort()
  if (JSON.stringify(present) !== JSON.stringify(listed)) {
    return `files differ: present ${JSON.stringify(present)}, listed ${JSON.stringify(listed)}`
  }
  for (const file of manifest.files) {
    const data = readFileSync(join(folder, ...file.path.split('/')))
    if (data.length !== file.size) return `${file.path}: size ${data.length} ≠ ${file.size}`
    if (sha256(data) !== file.sha256) return `${file.path}: sha256 differs`
  }
  return null
}

export interface MimePart {
  headers: Map<string, string>
  /** Decoded body. */
  body: Buffer
  filename: string | null
  contentType: string
}

/** Header block → lower-case name → unfolded value. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>()
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  return headers
}

/** RFC 2047 encoded-words (`=?UTF-8?B?…?=`, B or Q), as MailComposer writes them. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    )
}

/** `filename*0*=utf-8''%E5…; filename*1*=…` (RFC 2231) or a plain/encoded `filename=`. */
function partFilename(disposition: string): string | null {
  const pieces = [...disposition.matchAll(/filename\*(\d+)?\*?=([^;]+)/gi)]
  if (pieces.length > 0) {
    const joined = pieces
      .sort((a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0))
      .map((m) => (m[2] ?? '').trim().replace(/^"|"$/g, ''))
      .join('')
    return decodeURIComponent(joined.replace(/^utf-8''/i, ''))
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain?.[1] ? decodeWords(plain[1]) : null
}

/**
 * A minimal parser for the one-level multipart/mixed messages the export writes: enough to
 * check the subject, the text and every attachment's decoded bytes without a mail library.
 */
export function parseEml(eml: Buffer): { headers: Map<string, string>; parts: MimePart[] } {
  const text = eml.toString('latin1')
  const split = text.search(/\r?\n\r?\n/)
  const headers = parseHeaders(text.slice(0, split))
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1]
  if (!boundary) throw new Error('not a multipart message')
  const parts = text
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk): MimePart => {
      const body = chunk.replace(/^\r?\n/, '')
      const end = body.search(/\r?\n\r?\n/)
      const partHeaders = parseHeaders(body.slice(0, end))
      const raw = body.slice(end).trim()
      const encoding = (partHeaders.get('content-transfer-encoding') ?? '').toLowerCase()
      const decoded =
        encoding === 'base64'
          ? Buffer.from(raw.replace(/\s+/g, ''), 'base64')
          : Buffer.from(raw, 'latin1')
      return {
        headers: partHeaders,
        body: decoded,
        filename: partFilename(partHeaders.get('content-disposition') ?? ''),
        contentType: (partHeaders.get('content-type') ?? '').split(';')[0]?.trim() ?? '',
      }
    })
  return { headers, parts }
}
