import { readFileSync } from 'node:fs'
import { extname, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
}

export interface StaticFile {
  body: Buffer
  contentType: string
}

/**
 * Resolve a URL path inside the built renderer folder. Anything that would
 * leave the folder (`..`, encoded slashes, NUL) resolves to null.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
  const base = resolve(root)
  const full = resolve(base, relative)
  return full.startsWith(base + sep) ? full : null
}

/**
 * One of the renderer's files, read in one go: they are local and at most a few MB, and each step
 * of an asynchronous read (open, stat, every 512 kB, close) waits for a turn of the event loop —
 * behind a slice of 今日's head being computed at open, the page's files came seconds late
 * (issue 14, start-up).
 */
export function readStatic(root: string, urlPath: string): StaticFile | null {
  const full = resolveStaticPath(root, urlPath)
  if (!full) return null
  try {
    const body = readFileSync(full)
    return {
      body,
      contentType: CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
    }
  } catch {
    return null
  }
}
