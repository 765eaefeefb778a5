import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import fontkit from '@cantoo/fontkit'
import type { Font } from '@cantoo/fontkit'
import { AppError } from '../../../shared/errors'
import { resourcesDir } from '../resources'

/** Where the build (scripts/copy-fonts.cjs) puts the font; installers ship this copy. */
const BUNDLED_FONT = join('fonts', 'NotoSansSC-Regular.ttf')
/** The npm package the build copies from; used directly in a source checkout. */
export const PACKAGE_FONT = join(
  'node_modules',
  '@expo-google-fonts',
  'noto-sans-sc',
  '400Regular',
  'NotoSansSC_400Regular.ttf',
)

function findPackageFont(): string | null {
  let dir = __dirname
  for (;;) {
    const candidate = join(dir, PACKAGE_FONT)
    if (existsSync(candidate)) return candidate
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/** `resources/fonts/NotoSansSC-Regular.ttf` if present, else the npm package's file. */
export function fontFile(env: NodeJS.ProcessEnv = process.env): string {
  const bundled = join(resourcesDir(env), BUNDLED_FONT)
  if (existsSync(bundled)) return bundled
  const fromPackage = findPackageFont()
  if (fromPackage) return fromPackage
  throw new AppError(
    'INTERNAL',
    `找不到授权书字体 Noto Sans SC：应在 ${bundled}（构建时由 scripts/copy-fonts.cjs 复制）`,
  )
}

export interface LoadedFont {
  file: string
  bytes: Uint8Array
  /** Parsed once: glyph checks, and 清单.pdf embeds it (letters let pdf-lib parse a copy). */
  face: Font
}

// 10 MB to read and parse: keep it for the life of the process.
const cache = new Map<string, LoadedFont>()

export function loadFont(env: NodeJS.ProcessEnv = process.env): LoadedFont {
  const file = fontFile(env)
  let loaded = cache.get(file)
  if (!loaded) {
    const bytes = readFileSync(file)
    const face = fontkit.create(bytes)
    if (!('hasGlyphForCodePoint' in face)) {
      throw new AppError('INTERNAL', `授权书字体文件不是单一字体：${file}`)
    }
    loaded = { file, bytes, face }
    cache.set(file, loaded)
  }
  return loaded
}

/** The first character the font cannot draw, or null (whitespace is never drawn). */
export function firstMissingCharacter(face: Font, text: string): string | null {
  for (const char of text) {
    if (/\s/u.test(char)) continue
    if (!face.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)) return char
  }
  return null
}

export function describeCodePoint(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')
  return `U+${hex}`
}
