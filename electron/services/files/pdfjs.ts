import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')

let loading: Promise<Pdfjs> | undefined

/**
 * pdfjs-dist's legacy build (the one for Node), loaded once. Its parser is
 * imported into this thread and published as `globalThis.pdfjsWorker`, which
 * pdfjs uses instead of spawning a worker: no worker file to locate inside a
 * bundle or an asar archive. Dynamic import because pdfjs is ESM-only and the
 * main-process bundle is CommonJS.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs')
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
    return import('pdfjs-dist/legacy/build/pdf.mjs')
  })()
  return loading
}

function assetFolder(name: string): string {
  const root = dirname(createRequire(__filename).resolve('pdfjs-dist/package.json'))
  // pdfjs appends file names to these, so they must end with a separator.
  return join(root, name) + sep
}

/**
 * pdfjs's data folders, read with fs under Node: standard fonts (for PDFs that
 * do not embed Helvetica & co.), CMaps (CJK text encodings) and the wasm
 * decoders (JPEG 2000 images in scans).
 */
export function pdfjsAssets(): { standardFontDataUrl: string; cMapUrl: string; wasmUrl: string } {
  return {
    standardFontDataUrl: assetFolder('standard_fonts'),
    cMapUrl: assetFolder('cmaps'),
    wasmUrl: assetFolder('wasm'),
  }
}
