/**
 * Characters that change how a name is displayed or compared without being visible, so a file
 * could pose as another (the classic `invoice‮gpj.exe`), or two names that look the same could
 * differ. Bidi embeddings/overrides/isolates and marks, zero-width characters, the BOM, the soft
 * hyphen and the Mongolian vowel separator.
 */
const INVISIBLE =
  /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g

/**
 * A zero-width joiner is invisible too, except inside an emoji sequence (👩‍💻), where it makes
 * one picture out of two; there it stays.
 */
const STRAY_JOINER =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu

/** Half of a surrogate pair on its own: not encodable as UTF-8, so no file system takes it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(STRAY_JOINER, '').replace(LONE_SURROGATE, '_')
}
