import sharp from 'sharp'

/** Side of the thumbnail the edge colour is read from: plenty for a median, cheap to decode. */
const THUMB = 64

/**
 * The median colour of the image's outermost pixels, as `#rrggbb`: padding in this colour makes
 * a logo on a coloured field look extended rather than framed. Transparent parts count as white,
 * as they are shown on the platform.
 */
export async function edgeColour(input: Buffer, limitInputPixels: number): Promise<string> {
  const { data, info } = await sharp(input, { limitInputPixels, failOn: 'error', autoOrient: true })
    .flatten({ background: '#ffffff' })
    .resize({ width: THUMB, height: THUMB, fit: 'inside' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const { width, height, channels } = info
  const samples: number[][] = [[], [], []]
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (y !== 0 && y !== height - 1 && x !== 0 && x !== width - 1) continue
      const at = (y * width + x) * channels
      for (let c = 0; c < 3; c++) samples[c]?.push(data[at + c] ?? 255)
    }
  }
  return `#${samples.map((values) => hex(median(values))).join('')}`
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 255
}

function hex(value: number): string {
  return value.toString(16).padStart(2, '0')
}
