/**
 * poppler-utils wrappers for checking generated PDFs the way a viewer sees
 * them. Render with `systemFonts: false` to catch broken embedded fonts:
 * otherwise poppler silently substitutes an installed CJK font.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const workDir = mkdtempSync(join(tmpdir(), 'packetdesk-pdf-tools-'))
let counter = 0

/** Accept a path or the bytes (written to a temp file). */
function asFile(pdf: string | Uint8Array): string {
  if (typeof pdf === 'string') return pdf
  const file = join(workDir, `in-${++counter}.pdf`)
  writeFileSync(file, pdf)
  return file
}

let emptyConf: string | null = null

/** A fontconfig file with no font folders: poppler then has only the PDF's own fonts. */
function emptyFontconfig(): string {
  if (emptyConf) return emptyConf
  const cache = join(workDir, 'fontconfig-cache')
  mkdirSync(cache, { recursive: true })
  emptyConf = join(workDir, 'empty-fonts.conf')
  writeFileSync(
    emptyConf,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${cache}</cachedir></fontconfig>\n`,
  )
  return emptyConf
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
}

/** Text of the PDF, or of one page (1-based). */
export function pdftotext(
  pdf: string | Uint8Array,
  options: { layout?: boolean; page?: number } = {},
): string {
  const args = options.layout ? ['-layout'] : []
  if (options.page !== undefined) args.push('-f', String(options.page), '-l', String(options.page))
  return run('pdftotext', [...args, asFile(pdf), '-'])
}

/** Text with every kind of whitespace removed: wrapped names compare whole. */
export function compactText(pdf: string | Uint8Array): string {
  return pdftotext(pdf).replace(/\s+/gu, '')
}

export interface WordBox {
  page: number
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
  pageWidth: number
  pageHeight: number
}

/** Every word with its box in points (origin top left), from `pdftotext -bbox`. */
export function wordBoxes(pdf: string | Uint8Array): WordBox[] {
  const html = run('pdftotext', ['-bbox', asFile(pdf), '-'])
  const words: WordBox[] = []
  let page = 0
  let pageWidth = 0
  let pageHeight = 0
  const pattern =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
  for (const m of html.matchAll(pattern)) {
    if (m[1] !== undefined) {
      page++
      pageWidth = Number(m[1])
      pageHeight = Number(m[2])
      continue
    }
    words.push({
      page,
      text: m[7] ?? '',
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
      pageWidth,
      pageHeight,
    })
  }
  return words
}

export interface FontRow {
  name: string
  type: string
  encoding: string
  emb: boolean
  sub: boolean
  uni: boolean
}

/** `pdffonts` rows (the flags are the three yes/no columns before the object id). */
export function pdffonts(pdf: string | Uint8Array): FontRow[] {
  const lines = run('pdffonts', [asFile(pdf)])
    .split('\n')
    .slice(2)
    .filter(Boolean)
  return lines.map((line) => {
    const cells = line.trim().split(/\s+/)
    const [emb, sub, uni] = cells.slice(-5, -2)
    return {
      name: cells[0] ?? '',
      type: cells.slice(1, -6).join(' '),
      encoding: cells[cells.length - 6] ?? '',
      emb: emb === 'yes',
      sub: sub === 'yes',
      uni: uni === 'yes',
    }
  })
}

export function pageCount(pdf: string | Uint8Array): number {
  const match = /Pages:\s+(\d+)/.exec(run('pdfinfo', [asFile(pdf)]))
  return Number(match?.[1] ?? 0)
}

/** An 8-bit greyscale image (0 black … 255 white). */
export interface GreyImage {
  width: number
  height: number
  pixels: Uint8Array
}

/** Parse a binary PGM (P5), as written by `pdftoppm -gray`. */
function parsePgm(bytes: Uint8Array): GreyImage {
  const header: string[] = []
  let i = 0
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i] ?? 32))) i++
    if (bytes[i] === 0x23) {
      while (bytes[i] !== 0x0a) i++
      continue
    }
    let token = ''
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i] ?? 32))) {
      token += String.fromCharCode(bytes[i] ?? 32)
      i++
    }
    header.push(token)
  }
  i++ // the single whitespace after maxval
  const [magic, w, h] = header
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic ?? ''}`)
  const width = Number(w)
  const height = Number(h)
  return { width, height, pixels: bytes.subarray(i, i + width * height) }
}

export interface RenderOptions {
  dpi?: number
  /** false: fontconfig sees no fonts, so only embedded fonts can draw text. */
  systemFonts?: boolean
  /** Write PNGs here too (for looking at them); returns their paths in `pngs`. */
  pngPrefix?: string
}

/** Render every page as greyscale (and optionally PNG) with pdftoppm. */
export function renderPages(
  pdf: string | Uint8Array,
  options: RenderOptions = {},
): { pages: GreyImage[]; pngs: string[] } {
  const file = asFile(pdf)
  const dpi = String(options.dpi ?? 60)
  const env = options.systemFonts === false ? { FONTCONFIG_FILE: emptyFontconfig() } : {}
  const dir = mkdtempSync(join(workDir, 'render-'))
  run('pdftoppm', ['-r', dpi, '-gray', file, join(dir, 'page')], env)
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => parsePgm(readFileSync(join(dir, f))))
  const pngs: string[] = []
  if (options.pngPrefix) {
    run('pdftoppm', ['-r', dpi, '-png', file, options.pngPrefix], env)
    const prefixDir = join(options.pngPrefix, '..')
    const base = options.pngPrefix.slice(prefixDir.length + 1)
    for (const f of readdirSync(prefixDir).sort()) {
      if (f.startsWith(`${base}-`) && f.endsWith('.png')) pngs.push(join(prefixDir, f))
    }
  }
  return { pages, pngs }
}

/** Share of pixels that differ by more than `threshold` grey levels. */
export function pixelDifference(a: GreyImage, b: GreyImage, threshold = 64): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let differing = 0
  for (let i = 0; i < a.pixels.length; i++) {
    if (Math.abs((a.pixels[i] ?? 0) - (b.pixels[i] ?? 0)) > threshold) differing++
  }
  return differing / a.pixels.length
}

/** Share of dark pixels in a region given in points (origin top left). */
export function inkRatio(
  image: GreyImage,
  region: { x: number; y: number; width: number; height: number },
  dpi: number,
): number {
  const scale = dpi / 72
  const x0 = Math.max(0, Math.floor(region.x * scale))
  const y0 = Math.max(0, Math.floor(region.y * scale))
  const x1 = Math.min(image.width, Math.ceil((region.x + region.width) * scale))
  const y1 = Math.min(image.height, Math.ceil((region.y + region.height) * scale))
  let dark = 0
  let total = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      total++
      if ((image.pixels[y * image.width + x] ?? 255) < 128) dark++
    }
  }
  return total === 0 ? 0 : dark / total
}
