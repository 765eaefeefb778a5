/** What an encoded upload says about itself in its header. */
export interface ImageHeader {
  format: 'jpeg' | 'png'
  width: number
  height: number
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])

/** Start-of-frame markers (every SOFn except DHT C4, JPG C8 and DAC CC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/**
 * The format and pixel size of a JPEG or PNG we wrote, read from its header without decoding,
 * and only when the file is also whole (a JPEG ends with EOI, a PNG with IEND): a cached output
 * that is truncated or not an image reads as null. Only for our own outputs — untrusted files
 * are decoded in workers.
 */
export function imageHeader(data: Buffer): ImageHeader | null {
  if (data.length >= 33 && data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    if (data.toString('latin1', 12, 16) !== 'IHDR') return null
    if (!data.subarray(data.length - 8).equals(PNG_END)) return null
    return { format: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
  }
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null
  if (data[data.length - 2] !== 0xff || data[data.length - 1] !== 0xd9) return null
  let at = 2
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null
    const marker = data[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    const length = data.readUInt16BE(at + 2)
    if (SOF.has(marker)) {
      return { format: 'jpeg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) }
    }
    if (marker === 0xda || length < 2) return null // scan data before any frame header
    at += 2 + length
  }
  return null
}
