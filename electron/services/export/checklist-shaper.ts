import type { Font, GlyphRun } from '@cantoo/fontkit'
import { loadFont, type LoadedFont } from '../letters/font'
import { createPdf } from '../letters/pdf'
import { cachedMeasure, wrap, type Measure } from '../letters/text-fit'
import type { Block } from './checklist-content'
import { drawnTexts, type TextFit } from './checklist-lines'

/** Main-thread time one step of prepare() may take before letting the export's events run. */
const SLICE_MS = 4

/**
 * The font work of one 清单.pdf — shaping its text with Noto Sans SC, most of its render's time —
 * done ahead, while the export's pages are fitted in the workers and the main thread waits. Each
 * string's glyph run is kept and the render takes it from here: a run depends only on the font
 * and the string, so the checklist's bytes are the same whether, and with what, it was prepared.
 */
export class ChecklistShaper implements TextFit {
  private readonly blocks: Block[] = []
  /** Lines of the block being prepared, still to shape (last first). */
  private readonly texts: string[] = []
  /** Blocks queued before (as JSON): preparing the growing checklist again costs little. */
  private readonly seen = new Set<string>()
  /** printable() and lines() of each string so far: the render asks again for the same. */
  private readonly drawn = new Map<string, string>()
  private readonly wrapped = new Map<string, readonly string[]>()
  private pumping = false
  private closed = false
  private readonly waiting: (() => void)[] = []

  private constructor(
    readonly loaded: LoadedFont,
    /** The process's parsed font, each string's layout kept: what the render embeds. */
    readonly face: Font,
    readonly measure: Measure,
  ) {}

  static async create(): Promise<ChecklistShaper> {
    const loaded = loadFont()
    const face = keepingRuns(loaded.face)
    // Widths as the checklist's own font gives them (pdf-lib's arithmetic), from a throwaway
    // document embedding the same face.
    const { font } = await createPdf(loaded.bytes, '', face)
    return new ChecklistShaper(
      loaded,
      face,
      cachedMeasure((text) => font.widthOfTextAtSize(text, 1)),
    )
  }

  printable(text: string): string {
    let drawn = this.drawn.get(text)
    if (drawn === undefined) {
      drawn = Array.from(text, (c) =>
        /\s/u.test(c) || this.loaded.face.hasGlyphForCodePoint(c.codePointAt(0) ?? 0) ? c : '?',
      ).join('')
      this.drawn.set(text, drawn)
    }
    return drawn
  }

  lines(text: string, size: number, width: number): readonly string[] {
    const key = `${size}\u0000${width}\u0000${text}`
    let lines = this.wrapped.get(key)
    if (lines === undefined) {
      lines = wrap(this.printable(text), this.measure, size, width)
      this.wrapped.set(key, lines)
    }
    return lines
  }

  /**
   * Shapes every line `blocks` will draw, in the background and a few milliseconds at a time, so
   * the workers' results and the writer are not kept waiting. Blocks queued before are skipped.
   */
  prepare(blocks: Block[]): void {
    if (this.closed) return
    for (const block of blocks) {
      const key = JSON.stringify(block)
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.blocks.push(block)
    }
    if (this.pumping || this.blocks.length === 0) return
    this.pumping = true
    setImmediate(() => this.pump())
  }

  /** Resolves once everything queued so far is shaped (or preparing was closed). */
  whenPrepared(): Promise<void> {
    if (!this.pumping) return Promise.resolve()
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  /** No more preparing: the render is next, or the export failed. */
  close(): void {
    this.closed = true
    this.blocks.length = 0
    this.texts.length = 0
  }

  private pump(): void {
    const start = performance.now()
    while (!this.closed && performance.now() - start < SLICE_MS) {
      const text = this.texts.pop()
      if (text !== undefined) {
        this.face.layout(text)
        continue
      }
      const block = this.blocks.shift()
      if (block === undefined) break
      this.texts.push(...drawnTexts(this, block).slice().reverse())
    }
    this.pumping = this.blocks.length > 0 || this.texts.length > 0
    if (this.pumping) setImmediate(() => this.pump())
    else for (const resolve of this.waiting.splice(0)) resolve()
  }
}

/** `face`, with the glyph run of each string laid out with the default features kept. */
function keepingRuns(face: Font): Font {
  const runs = new Map<string, GlyphRun>()
  const layout: Font['layout'] = (text, ...options) => {
    if (options.some((o) => o !== undefined && o !== null)) return face.layout(text, ...options)
    let run = runs.get(text)
    if (run === undefined) {
      run = face.layout(text)
      runs.set(text, run)
    }
    return run
  }
  return new Proxy(face, {
    get(target, key) {
      if (key === 'layout') return layout
      const value: unknown = Reflect.get(target, key, target)
      // Methods and getters run on the face itself, so its caches (tables, glyphs) serve.
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value
    },
  })
}
