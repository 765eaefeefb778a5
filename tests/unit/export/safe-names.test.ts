import { resolve, sep } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import {
  FALLBACK_NAME,
  MAX_NAME_BYTES,
  MAX_PATH_LENGTH,
  NameAllocator,
  nameKey,
  pageName,
  safeFileName,
} from '../../../electron/services/export/safe-names'

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8')

/** Every way a name can hurt a file system, a user or a reviewer. */
const HOSTILE: [string, string][] = [
  ['CON', 'reserved device'],
  ['con.txt', 'reserved with extension'],
  ['Lpt9.JPG', 'reserved, mixed case'],
  ['AUX .jpg', 'reserved before a space'],
  ['COM¹.png', 'reserved superscript digit'],
  ['nul', 'reserved lower case'],
  ['商'.repeat(100) + '.jpg', '100 Chinese characters (300 bytes)'],
  ['😀'.repeat(80) + '.png', 'emoji beyond the budget'],
  ['👩‍💻报告.pdf', 'ZWJ emoji sequence'],
  ['🇨🇳'.repeat(70) + '.jpg', 'flags: two code points per grapheme'],
  ['invoice\u202Egpj.exe', 'RTL override'],
  ['a\u2066b\u2069c\u200E\u200F.jpg', 'bidi isolates and marks'],
  ['zero\u200Bwidth\uFEFF.jpg', 'zero-width space and BOM'],
  ['e\u0301.jpg', 'decomposed é'],
  ['é.jpg', 'composed é'],
  ['A.jpg', 'upper case'],
  ['a.jpg', 'lower case twin'],
  ['..', 'parent folder'],
  ['.', 'current folder'],
  ['../../etc/passwd', 'path traversal'],
  ['..\\..\\Windows\\win.ini', 'Windows traversal'],
  ['/abs/path.jpg', 'absolute path'],
  ['C:\\evil.jpg', 'drive letter'],
  ['a\u0000b.jpg', 'NUL'],
  ['tab\tnew\nline\r.jpg', 'control characters'],
  ['name. . .', 'trailing dots and spaces'],
  ['   ', 'only spaces'],
  ['', 'empty'],
  ['.hidden', 'leading dot'],
  ['<>:"|?*.jpg', 'reserved characters only'],
  ['\uD800broken.jpg', 'lone surrogate'],
  ['x' + '\u0301'.repeat(400) + '.jpg', 'one grapheme of 801 bytes'],
  ['商标注册证_青禾_45678901_第1页.jpg', 'an ordinary name'],
]

describe('safeFileName', () => {
  it.each(HOSTILE)('%j (%s) becomes a safe name', (input) => {
    const name = safeFileName(input)
    expectSafe(name, MAX_NAME_BYTES)
  })

  it('keeps what is harmless and explains nothing away', () => {
    expect(safeFileName('商标注册证_青禾_45678901_第1页.jpg')).toBe(
      '商标注册证_青禾_45678901_第1页.jpg',
    )
    expect(safeFileName('CON')).toBe('CON_')
    expect(safeFileName('con.txt')).toBe('con_.txt')
    expect(safeFileName('AUX .jpg')).toBe('AUX_.jpg')
    expect(safeFileName('..')).toBe(FALLBACK_NAME)
    expect(safeFileName('.hidden')).toBe('hidden')
    expect(safeFileName('name. . .')).toBe('name')
    expect(safeFileName('a/b\\c.jpg')).toBe('a_b_c.jpg')
    expect(safeFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe')
    expect(safeFileName('e\u0301.jpg')).toBe('é.jpg')
    expect(safeFileName('👩‍💻报告.pdf')).toBe('👩‍💻报告.pdf')
    expect(safeFileName('a\u200Db')).toBe('ab')
  })

  it('cuts long names at a character boundary and keeps the extension', () => {
    const name = safeFileName('商'.repeat(100) + '.jpg')
    expect(name.endsWith('.jpg')).toBe(true)
    expect(utf8(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
    expect(name).toBe('商'.repeat(65) + '.jpg')
    const flags = safeFileName('🇨🇳'.repeat(70) + '.jpg')
    expect(flags.replace('.jpg', '').length % 4).toBe(0)
  })

  it('keeps the page marker when it shortens a page name', () => {
    const name = safeFileName(pageName('营业执照'.repeat(30), 'jpg', 2, 3))
    expect(name.endsWith('_第3页.jpg')).toBe(true)
    expect(utf8(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
  })

  it('never produces an unsafe name from arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        expectSafe(safeFileName(input), MAX_NAME_BYTES)
      }),
      { numRuns: 500 },
    )
  })
})

describe('NameAllocator', () => {
  const root = resolve('/tmp/packetdesk-export/青禾_资质包_2026-11-28')

  it('gives every hostile name a unique, contained, budgeted path', () => {
    const allocator = new NameAllocator(root.length)
    const folder = allocator.folder('', '其他资质')
    const seen = new Set<string>()
    for (const [input] of HOSTILE) {
      const name = allocator.allocate(folder, input)
      expectSafe(name, MAX_NAME_BYTES)
      const full = resolve(root, folder, name)
      expect(full.startsWith(root + sep)).toBe(true)
      expect(resolve(full, '..')).toBe(resolve(root, folder))
      expect(full.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
      const key = nameKey(name)
      expect(seen.has(key)).toBe(false)
      seen.add(key)
    }
  })

  it('de-duplicates case-only and normalisation-only twins before the extension', () => {
    const allocator = new NameAllocator(root.length)
    expect(allocator.allocate('', 'A.jpg')).toBe('A.jpg')
    expect(allocator.allocate('', 'a.jpg')).toBe('a_2.jpg')
    expect(allocator.allocate('', 'A.JPG')).toBe('A_3.JPG')
    expect(allocator.allocate('', 'é.jpg')).toBe('é.jpg')
    expect(allocator.allocate('', 'e\u0301.jpg')).toBe('é_2.jpg')
    expect(allocator.allocate('', 'CON.txt')).toBe('CON_.txt')
    expect(allocator.allocate('', 'con_.TXT')).toBe('con__2.TXT')
  })

  it('keeps names in different folders independent, and folders and files apart', () => {
    const allocator = new NameAllocator(root.length)
    const a = allocator.folder('', '商标')
    const b = allocator.folder('', '授权书')
    expect(allocator.allocate(a, 'x.jpg')).toBe('x.jpg')
    expect(allocator.allocate(b, 'x.jpg')).toBe('x.jpg')
    expect(allocator.folder('', '商标')).toBe('商标_2')
    expect(allocator.allocate('', '商标')).toBe('商标_3')
    expect(() => allocator.allocate('nowhere', 'x.jpg')).toThrow(/not allocated/)
  })

  it('shortens the name, not the extension, to keep the full path within 259', () => {
    const deepRoot = 'C:\\Users\\张三\\Documents\\' + '资质包'.repeat(40)
    const allocator = new NameAllocator(deepRoot.length)
    const folder = allocator.folder('', '其他资质_商标注册证_青禾')
    const desired = pageName('商标注册证_青禾_45678901_' + '很长的说明'.repeat(20), 'jpg', 0, 2)
    const first = allocator.allocate(folder, desired)
    const second = allocator.allocate(folder, desired)
    for (const name of [first, second]) {
      expect(deepRoot.length + 1 + folder.length + 1 + name.length).toBeLessThanOrEqual(259)
      expect(name.endsWith('.jpg')).toBe(true)
    }
    expect(first.endsWith('_第1页.jpg')).toBe(true)
    expect(second.endsWith('_第1页_2.jpg')).toBe(true)
  })

  it('throws a Chinese AppError when not even a one-letter name fits', () => {
    const allocator = new NameAllocator(MAX_PATH_LENGTH - 6)
    const error: unknown = (() => {
      try {
        allocator.allocate('', '商标注册证.jpeg')
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('INVALID_ARGUMENT')
    expect((error as AppError).message).toContain('路径太长')
  })

  it('stays unique and within budget for many colliding names', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom('A.jpg', 'a.jpg', 'é.jpg', 'e\u0301.jpg', 'CON', '商'.repeat(90)),
          {
            maxLength: 60,
          },
        ),
        fc.integer({ min: 3, max: 200 }),
        (names, rootLength) => {
          const allocator = new NameAllocator(rootLength)
          const keys = new Set<string>()
          for (const desired of names) {
            let name: string
            try {
              name = allocator.allocate('', desired)
            } catch (e) {
              expect((e as AppError).code).toBe('INVALID_ARGUMENT')
              continue
            }
            expect(rootLength + 1 + name.length).toBeLessThanOrEqual(MAX_PATH_LENGTH)
            expectSafe(name, MAX_NAME_BYTES)
            expect(keys.has(nameKey(name))).toBe(false)
            keys.add(nameKey(name))
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('pageName', () => {
  it('marks pages only for multi-page documents', () => {
    expect(pageName('商标注册证_青禾_45678901', 'jpg', 0, 2)).toBe(
      '商标注册证_青禾_45678901_第1页.jpg',
    )
    expect(pageName('商标注册证_青禾_45678901', '.jpg', 1, 2)).toBe(
      '商标注册证_青禾_45678901_第2页.jpg',
    )
    expect(pageName('营业执照', 'png', 0, 1)).toBe('营业执照.png')
    expect(() => pageName('x', 'jpg', 2, 2)).toThrow(RangeError)
    expect(() => pageName('x', 'jpg', 0, 0)).toThrow(RangeError)
  })
})

function expectSafe(name: string, maxBytes: number): void {
  expect(name.length).toBeGreaterThan(0)
  expect(utf8(name)).toBeLessThanOrEqual(maxBytes)
  expect(name).toBe(name.normalize('NFC'))
  expect(name).not.toMatch(/[<>:"/\\|?*]/)
  expect(name).not.toMatch(/\p{Cc}/u)
  expect(name).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u200B\uFEFF]/)
  expect(name).not.toMatch(/^[.\s]/)
  expect(name).not.toMatch(/[.\s]$/)
  expect(name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i)
  expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
}
