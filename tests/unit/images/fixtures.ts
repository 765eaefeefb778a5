import sharp from 'sharp'

/** Deterministic pseudo-random numbers, so fixtures (and their sizes) are the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export interface ScanOptions {
  width: number
  height: number
  seed?: number
  /** Sensor/paper grain, in 8-bit levels: 10 is a clean flatbed, 25 a noisy phone scan. */
  grain?: number
  /** Text size and line pitch, times the default (characters ~1.5 % of the short side). */
  textScale?: number
}

/**
 * A colour "scan" of a certificate: tinted paper, a title, dense lines of Chinese and digits, a
 * table, a red seal, and grain over all of it, so JPEG has as much to do as with a real scan.
 */
export async function colourScan(options: ScanOptions): Promise<Buffer> {
  const { width, height, seed = 1, grain = 12, textScale = 1 } = options
  const rnd = random(seed)
  const unit = Math.min(width, height) / 100
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    `<rect width="100%" height="100%" fill="#f3eee2"/>`,
    guilloche(width, height, rnd),
    `<g font-family="Noto Sans CJK SC, sans-serif" fill="#1f2a36">`,
    `<text x="${width / 2}" y="${unit * 9}" font-size="${unit * 5}" text-anchor="middle">商标注册证</text>`,
  ]
  for (let y = unit * 16, line = 0; y < height - unit * 6; y += unit * 2.4 * textScale, line++) {
    const number = Math.floor(rnd() * 1e9)
    parts.push(
      `<text x="${unit * 6}" y="${y}" font-size="${unit * 1.5 * textScale}">第 ${number} 号 核定使用商品/服务项目 第${line % 45}类 广告 市场营销 青禾科技有限公司 注册有效期限 2024年3月7日至2034年3月6日</text>`,
    )
  }
  parts.push(
    `</g><rect x="${unit * 4}" y="${unit * 13}" width="${width - unit * 8}" height="${height - unit * 17}" fill="none" stroke="#3a5f8a" stroke-width="${unit * 0.3}"/>`,
    `<circle cx="${width * 0.72}" cy="${height * 0.78}" r="${unit * 9}" fill="none" stroke="#d2232a" stroke-width="${unit * 0.8}" opacity="0.85"/>`,
    `<text x="${width * 0.72}" y="${height * 0.78 + unit * 1.5}" font-size="${unit * 3}" text-anchor="middle" fill="#d2232a" opacity="0.85" font-family="Noto Sans CJK SC, sans-serif">国家知识产权局</text>`,
    '</svg>',
  )
  const page = await sharp(Buffer.from(parts.join('')))
    .raw()
    .toBuffer({ resolveWithObject: true })
  const noise = gaussianNoise(width, height, grain, seed)
  return sharp(page.data, { raw: page.info })
    .removeAlpha()
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** The fine wavy security pattern printed behind certificates: detail JPEG must pay for. */
function guilloche(width: number, height: number, rnd: () => number): string {
  const paths: string[] = []
  for (let i = 0; i < 36; i++) {
    const y0 = (height * (i + 0.5)) / 36
    const amplitude = (height / 36) * (0.6 + rnd())
    const wave = width / (8 + rnd() * 10)
    let d = `M0 ${y0.toFixed(1)}`
    for (let x = 0; x <= width; x += wave / 8) {
      d += ` L${x.toFixed(1)} ${(y0 + amplitude * Math.sin((x / wave) * 2 * Math.PI + i)).toFixed(1)}`
    }
    paths.push(
      `<path d="${d}" fill="none" stroke="#b9cfc4" stroke-width="${(width / 1500).toFixed(2)}"/>`,
    )
  }
  return paths.join('')
}

/**
 * Random colour blocks blown up to a huge size: at any legible size it is still full-amplitude
 * noise, so no JPEG of it fits in 1 MB above the floor.
 */
export async function hopelessNoise(width: number, height: number, block = 5): Promise<Buffer> {
  const w = Math.ceil(width / block)
  const h = Math.ceil(height / block)
  const rnd = random(7)
  const pixels = Buffer.alloc(w * h * 3)
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.floor(rnd() * 256)
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: 'nearest', fit: 'fill' })
    .jpeg({ quality: 80 })
    .toBuffer()
}

/**
 * A phone photo as the camera stores it: landscape pixels, EXIF orientation 6 (display rotated
 * 90° clockwise, i.e. portrait), a camera make and a GPS position. A red square marks the stored
 * top-left corner, which must end up top-right once oriented.
 */
export async function phonePhoto(width = 4032, height = 3024): Promise<Buffer> {
  const mark = Math.round(height / 8)
  const scene = await colourScan({ width, height, seed: 3, grain: 18 })
  return sharp(scene)
    .composite([
      {
        input: { create: { width: mark, height: mark, channels: 3, background: '#ff0000' } },
        top: 0,
        left: 0,
      },
    ])
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'PD-1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '39/1 54/1 27/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '116/1 23/1 29/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer()
}

/**
 * A flat screenshot of a filing-record page: white, a coloured header bar, a table with rules and
 * short entries. Few colours and long runs: lossless PNG beats JPEG on it.
 */
export async function screenshot(width = 1600, height = 1000): Promise<Buffer> {
  const rows: string[] = []
  for (let y = 160, i = 0; y < height - 60; y += 64, i++) {
    rows.push(
      `<line x1="40" x2="${width - 40}" y1="${y + 20}" y2="${y + 20}" stroke="#d0d7de" stroke-width="2"/>`,
      `<text x="60" y="${y}" font-size="22" font-family="Noto Sans CJK SC, sans-serif" fill="#333">京ICP备2026${1000 + i}号-1</text>`,
      `<text x="${width / 2}" y="${y}" font-size="22" font-family="Noto Sans CJK SC, sans-serif" fill="#333">青禾科技有限公司</text>`,
    )
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#ffffff"/><rect width="100%" height="88" fill="#1d4ed8"/><text x="40" y="56" font-size="30" font-family="Noto Sans CJK SC, sans-serif" fill="#fff">ICP/IP地址/域名信息备案管理系统</text>${rows.join('')}</svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

/** True when the EXIF block carries a GPS IFD pointer (tag 0x8825), in either byte order. */
export function hasGpsPointer(exif: Buffer | undefined): boolean {
  if (!exif) return false
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]))
}

/** A 12 MP "phone photo" of grain alone (blurred gaussian noise): several MB of JPEG. */
export async function noisyPhoto(options: {
  sigma: number
  quality: number
  hue?: number
  seed?: number
}): Promise<Buffer> {
  const [width, height] = [4000, 3000]
  const noise = gaussianNoise(width, height, options.sigma, options.seed ?? 1)
  const pipeline = sharp(noise, { raw: { width, height, channels: 3 } })
  const tinted = options.hue === undefined ? pipeline : pipeline.modulate({ hue: options.hue })
  return tinted.blur(1.2).jpeg({ quality: options.quality }).toBuffer()
}

/**
 * Raw RGB gaussian noise around mid-grey: the grain of the scans and photos above. Seeded, so a
 * fixture is the same picture every run (sharp's own noise is drawn afresh each time, so the
 * bench's scans, their outputs and what OCR read of them changed from run to run), and ~10×
 * faster than sharp's: one table look-up per sample.
 */
function gaussianNoise(width: number, height: number, sigma: number, seed: number): Buffer {
  const levels = gaussianLevels(sigma)
  const out = Buffer.allocUnsafe(width * height * 3)
  let state = seed >>> 0
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    // The LCG's high bits: its low ones repeat with short periods.
    out[i] = levels[state >>> 16] ?? 128
  }
  return out
}

/**
 * 8-bit levels of N(128, sigma²) at 65,536 evenly spaced quantiles: a uniform 16-bit draw looks
 * one up. The normal CDF is integrated numerically (trapezoids of 0.001 σ over ±6 σ).
 */
function gaussianLevels(sigma: number): Uint8Array {
  const levels = new Uint8Array(65536)
  const step = 0.001
  const density = (z: number): number => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI)
  let z = -6
  let cdf = 0
  for (let i = 0; i < levels.length; i++) {
    const quantile = (i + 0.5) / levels.length
    while (cdf < quantile && z < 6) {
      cdf += ((density(z) + density(z + step)) / 2) * step
      z += step
    }
    levels[i] = Math.max(0, Math.min(255, Math.round(128 + sigma * z)))
  }
  return levels
}
