const encoder = new TextEncoder()
const graphemes = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' })

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length
}

/**
 * The longest prefix of `text` within `maxBytes` of UTF-8 and `maxUnits` UTF-16 code units
 * (Windows counts path lengths in those), cut between user-perceived characters so an emoji, a
 * flag or a letter with its accent is never split. A single cluster larger than the budget (a
 * letter with hundreds of combining marks) is cut between code points instead, which still never
 * splits a surrogate pair.
 */
export function truncateText(text: string, maxBytes: number, maxUnits = Infinity): string {
  if (utf8Bytes(text) <= maxBytes && text.length <= maxUnits) return text
  let out = ''
  let bytes = 0
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Bytes(segment)
    if (bytes + size > maxBytes || out.length + segment.length > maxUnits) {
      return out === '' ? truncateCodePoints(segment, maxBytes, maxUnits) : out
    }
    out += segment
    bytes += size
  }
  return out
}

function truncateCodePoints(text: string, maxBytes: number, maxUnits: number): string {
  let out = ''
  let bytes = 0
  for (const char of text) {
    const size = utf8Bytes(char)
    if (bytes + size > maxBytes || out.length + char.length > maxUnits) break
    out += char
    bytes += size
  }
  return out
}
