import { readdirSync, readFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

/**
 * A small PDF whose pages hold `operators` drawing operators each (a compressed content stream
 * of `x 10 1 1 re f`): a few hundred KB that takes pdfjs tens of seconds and gigabytes to draw.
 */
export function operatorBombPdf(operators: number, pages = 1): Buffer {
  const ops: string[] = []
  for (let i = 0; i < operators; i++) ops.push(`${i % 50} 10 1 1 re f\n`)
  const content = deflateSync(Buffer.from(ops.join(''), 'latin1'), { level: 9 })
  const chunks: Buffer[] = []
  const offsets: number[] = []
  let length = 0
  const push = (part: Buffer | string) => {
    const buffer = typeof part === 'string' ? Buffer.from(part, 'latin1') : part
    chunks.push(buffer)
    length += buffer.length
  }
  const object = (n: number, body: string | Buffer[]) => {
    offsets[n] = length
    push(`${n} 0 obj\n`)
    if (typeof body === 'string') push(body)
    else for (const b of body) push(b)
    push('\nendobj\n')
  }
  push('%PDF-1.4\n')
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ')
  object(1, '<< /Type /Catalog /Pages 2 0 R >>')
  object(2, `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`)
  const contentId = 3 + pages
  for (let i = 0; i < pages; i++) {
    object(
      3 + i,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentId} 0 R >>`,
    )
  }
  object(contentId, [
    Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
    content,
    Buffer.from('\nendstream', 'latin1'),
  ])
  const count = contentId + 1
  const xrefAt = length
  push(`xref\n0 ${count}\n0000000000 65535 f \n`)
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`)
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`)
  return Buffer.concat(chunks)
}

/** Resident bytes of a process and all its descendants (Linux /proc). */
function treeRssBytes(rootPid: number): number {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parents.set(Number(name), ppid)
    } catch {
      // gone meanwhile
    }
  }
  const tree = new Set([rootPid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, ppid] of parents) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  let total = 0
  for (const pid of tree) {
    try {
      const kb = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
      total += Number(kb ?? 0) * 1024
    } catch {
      // gone meanwhile
    }
  }
  return total
}

/** Sample a process tree's resident memory until stopped; returns the peak seen. */
export function watchTreeRss(rootPid: number, everyMs = 100): { stop: () => number } {
  let peak = treeRssBytes(rootPid)
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(rootPid))
  }, everyMs)
  return {
    stop: () => {
      clearInterval(timer)
      return Math.max(peak, treeRssBytes(rootPid))
    },
  }
}

/**
 * A tiny multi-page TIFF whose every page declares `width` × `height` 8-bit grey pixels (the
 * strips are missing: only the headers matter to a refusal made before decoding).
 */
export function hugePagesTiff(pages: number, width: number, height: number): Buffer {
  const entries = (dataAt: number): [number, number, number][] => [
    [256, 4, width], // ImageWidth, LONG
    [257, 4, height], // ImageLength
    [258, 3, 8], // BitsPerSample, SHORT
    [259, 3, 1], // Compression: none
    [262, 3, 1], // Photometric: BlackIsZero
    [273, 4, dataAt], // StripOffsets
    [277, 3, 1], // SamplesPerPixel
    [278, 4, height], // RowsPerStrip
    [279, 4, width * height], // StripByteCounts
  ]
  const ifdSize = 2 + entries(0).length * 12 + 4
  const header = 8
  const dataAt = header + pages * ifdSize
  const out = Buffer.alloc(dataAt + 16)
  out.write('II', 0, 'latin1')
  out.writeUInt16LE(42, 2)
  out.writeUInt32LE(header, 4)
  for (let page = 0; page < pages; page++) {
    let at = header + page * ifdSize
    const list = entries(dataAt)
    out.writeUInt16LE(list.length, at)
    at += 2
    for (const [tag, type, value] of list) {
      out.writeUInt16LE(tag, at)
      out.writeUInt16LE(type, at + 2)
      out.writeUInt32LE(1, at + 4)
      if (type === 3) out.writeUInt16LE(value, at + 8)
      else out.writeUInt32LE(value, at + 8)
      at += 12
    }
    out.writeUInt32LE(page + 1 < pages ? header + (page + 1) * ifdSize : 0, at)
  }
  return out
}
