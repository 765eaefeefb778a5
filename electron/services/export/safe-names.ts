import sanitize from 'sanitize-filename'
import { AppError } from '../../../shared/errors'
import { truncateText, utf8Bytes } from './byte-budget'
import { stripInvisible } from './invisible-chars'
import { PAGE_SUFFIX } from './page-name'
import { escapeReserved } from './reserved-names'

export { pageName } from './page-name'

/**
 * Per-name budget in UTF-8 bytes. ext4 and APFS allow 255 bytes, NTFS 255 UTF-16 units (never
 * more than the UTF-8 bytes); 200 leaves room for `_2`-style suffixes and for tools that append
 * their own (`.part`, `(1)`).
 */
export const MAX_NAME_BYTES = 200

/** Windows MAX_PATH is 260 including the terminating NUL. */
export const MAX_PATH_LENGTH = 259

/** What a name is called when nothing of it survives cleaning. */
export const FALLBACK_NAME = '未命名'

/** A short ASCII extension: `.jpg`, `.pdf`. Anything else is part of the name. */
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/

/** Windows drops trailing dots and spaces; leading/trailing blanks confuse everyone. */
const TRAILING = /[.\s]+$/u
const LEADING = /^[.\s]+/u

export interface SafeNameOptions {
  maxBytes?: number
}

/**
 * A file or folder name that every desktop OS accepts and shows as written: NFC, no invisible or
 * direction-changing characters, no reserved characters or control codes, no reserved Windows
 * device name, no leading dot (hidden file) or trailing dot/space, at most `maxBytes` of UTF-8
 * with the extension kept. Never empty.
 */
export function safeFileName(name: string, options: SafeNameOptions = {}): string {
  const maxBytes = options.maxBytes ?? MAX_NAME_BYTES
  if (!Number.isInteger(maxBytes) || maxBytes < 16 || maxBytes > 255) {
    throw new RangeError(`maxBytes must be an integer in [16, 255], got ${maxBytes}`)
  }
  const { stem, ext } = clean(name)
  const safe = compose(stem, ext, '', maxBytes, Infinity)
  if (safe === undefined) throw new RangeError(`no room for "${name}" in ${maxBytes} bytes`)
  return safe
}

/** DEL, the one control code sanitize-filename lets through. */
const DELETE = /\u007F/g

/** sanitize-filename cuts at 255 bytes wherever that falls; we hand it less so it never does. */
const SANITIZE_INPUT_BYTES = 240

/**
 * Unicode and character-level cleanup, split into stem and extension; the stem is non-empty and
 * the whole is not a device name. The stem is pre-shortened (keeping a page marker) before
 * sanitize-filename sees it, so its own blind 255-byte cut never drops the extension or marker.
 */
function clean(name: string): { stem: string; ext: string } {
  let text = stripInvisible(name.normalize('NFC'))
  // Device names are escaped first: sanitize-filename would replace `CON.txt` wholesale.
  text = escapeReserved(text.replace(LEADING, '').replace(TRAILING, ''))
  const { stem, ext } = splitExtension(text)
  const short = shortenStem(stem, SANITIZE_INPUT_BYTES, Infinity)
  // It replaces what every OS forbids: `<>:"/\|?*`, C0 and C1 control codes; DEL is left to us.
  const clean = sanitize(short, { replacement: '_' })
    .replace(DELETE, '_')
    .replace(LEADING, '')
    .replace(TRAILING, '')
  return splitExtension(escapeReserved((clean === '' ? FALLBACK_NAME : clean) + ext))
}

function splitExtension(name: string): { stem: string; ext: string } {
  const match = EXTENSION.exec(name)
  if (!match || match.index === 0) return { stem: name, ext: '' }
  return { stem: name.slice(0, match.index), ext: match[0] }
}

/**
 * The stem cut to the budget at a character boundary, keeping a `_第N页` page marker whole so
 * shortened pages of one document stay distinguishable.
 */
function shortenStem(stem: string, maxBytes: number, maxUnits: number): string {
  const page = PAGE_SUFFIX.exec(stem)
  const tail = page ? page[0] : ''
  const head = stem.slice(0, stem.length - tail.length)
  const room = { bytes: maxBytes - utf8Bytes(tail), units: maxUnits - tail.length }
  if (room.bytes <= 0 || room.units <= 0) return truncateText(stem, maxBytes, maxUnits)
  return truncateText(head, room.bytes, room.units).replace(TRAILING, '') + tail
}

/**
 * `stem + suffix + ext` within both budgets, or undefined when not even one character of the stem
 * fits. Escaping a device name the cut produced (`CONSTANT…` → `CON`) adds a character, so the
 * budget is retried a character tighter.
 */
function compose(
  stem: string,
  ext: string,
  suffix: string,
  maxBytes: number,
  maxUnits: number,
): string | undefined {
  for (let tighter = 0; tighter < 3; tighter++) {
    const bytes = maxBytes - utf8Bytes(ext) - utf8Bytes(suffix) - tighter
    const units = maxUnits - ext.length - suffix.length - tighter
    if (bytes < 1 || units < 1) return undefined
    const name = finish(shortenStem(stem, bytes, units) + suffix, ext)
    if (name.length <= maxUnits && utf8Bytes(name) <= maxBytes) return name
  }
  return undefined
}

/** Joins stem and extension and re-checks what shortening could have broken. */
function finish(stem: string, ext: string): string {
  const name = `${stem === '' ? '_' : stem}${ext}`.replace(TRAILING, '')
  return escapeReserved(name === '' ? '_' : name)
}

/** Case-insensitive, normalisation-insensitive identity, as NTFS and APFS compare names. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase()
}

export interface AllocatorOptions {
  /** Longest full path, in UTF-16 code units. Default MAX_PATH_LENGTH (259). */
  maxPathLength?: number
  /** Longest name, in UTF-8 bytes. Default MAX_NAME_BYTES (200). */
  maxNameBytes?: number
  /** Path room a folder keeps free for the files that go in it. Default 24. */
  folderReserve?: number
}

/**
 * Hands out names for one export: each is safe (safeFileName), unique within its folder however
 * the file system compares case and normalisation, and short enough that
 * `root/folder/name` stays within the path budget. Folders must come from `folder()` (or be the
 * root, ''), so every segment of every path was cleaned here.
 */
export class NameAllocator {
  private readonly maxPathLength: number
  private readonly maxNameBytes: number
  private readonly folderReserve: number
  /** Folder key → the keys of the names taken in it. */
  private readonly taken = new Map<string, Set<string>>([['', new Set()]])

  constructor(
    private readonly rootPathLength: number,
    options: AllocatorOptions = {},
  ) {
    this.maxPathLength = options.maxPathLength ?? MAX_PATH_LENGTH
    this.maxNameBytes = options.maxNameBytes ?? MAX_NAME_BYTES
    if (!Number.isInteger(rootPathLength) || rootPathLength < 1) {
      throw new RangeError(`rootPathLength must be a positive integer, got ${rootPathLength}`)
    }
    if (!Number.isInteger(this.maxNameBytes) || this.maxNameBytes < 16 || this.maxNameBytes > 255) {
      throw new RangeError(`maxNameBytes must be an integer in [16, 255], got ${this.maxNameBytes}`)
    }
    this.folderReserve = options.folderReserve ?? 24
  }

  /** A new sub-folder of `parent` ('' for the root); returns its relative path (`a/b`). */
  folder(parent: string, desired: string): string {
    const name = this.claim(parent, desired, this.folderReserve)
    const path = parent === '' ? name : `${parent}/${name}`
    this.taken.set(nameKey(path), new Set())
    return path
  }

  /** A file name in `folder` ('' for the root); returns the name only. */
  allocate(folder: string, desired: string): string {
    return this.claim(folder, desired, 0)
  }

  private claim(folder: string, desired: string, reserve: number): string {
    const names = this.taken.get(nameKey(folder))
    if (!names) throw new Error(`NameAllocator: folder "${folder}" was not allocated here`)
    const used = this.rootPathLength + 1 + (folder === '' ? 0 : folder.length + 1)
    const maxUnits = this.maxPathLength - used - reserve
    const { stem, ext } = clean(desired)
    for (let n = 1; ; n++) {
      const name = compose(stem, ext, n === 1 ? '' : `_${n}`, this.maxNameBytes, maxUnits)
      if (name === undefined) throw pathTooLong(truncateText(stem, 60) + ext)
      const key = nameKey(name)
      if (!names.has(key)) {
        names.add(key)
        return name
      }
    }
  }
}

/** `shown` is the cleaned name: the raw one could carry direction overrides into the message. */
function pathTooLong(shown: string): AppError {
  return new AppError(
    'INVALID_ARGUMENT',
    `导出位置的路径太长,放不下「${shown}」。请选择更短的导出文件夹(例如 D:\\导出)后重试。`,
  )
}
