import sharp from 'sharp'

/** Greyscale pixels of an image at exactly `width`×`height` (Lanczos 3 when the size differs). */
export async function greyAt(image: Buffer, width: number, height: number): Promise<Uint8Array> {
  const data = await sharp(image, { limitInputPixels: false })
    .resize(width, height, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer()
  return new Uint8Array(data.buffer, data.byteOffset, data.length)
}

/** Peak signal-to-noise ratio in dB (8-bit). */
export function psnr(a: Uint8Array, b: Uint8Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    sum += d * d
  }
  const mse = sum / a.length
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse)
}

const WINDOW = 8
const STRIDE = 4
const C1 = (0.01 * 255) ** 2
const C2 = (0.03 * 255) ** 2

/**
 * Mean SSIM over 8×8 windows at a stride of 4 (uniform weights, the variant libjpeg-turbo's and
 * many codec benchmarks use): close to the Gaussian-window SSIM and fast enough in plain JS for
 * 12 MP pictures.
 */
export function ssim(a: Uint8Array, b: Uint8Array, width: number, height: number): number {
  const n = WINDOW * WINDOW
  let total = 0
  let windows = 0
  for (let y = 0; y + WINDOW <= height; y += STRIDE) {
    for (let x = 0; x + WINDOW <= width; x += STRIDE) {
      let sa = 0
      let sb = 0
      let saa = 0
      let sbb = 0
      let sab = 0
      for (let dy = 0; dy < WINDOW; dy++) {
        let i = (y + dy) * width + x
        for (let dx = 0; dx < WINDOW; dx++, i++) {
          const va = a[i] ?? 0
          const vb = b[i] ?? 0
          sa += va
          sb += vb
          saa += va * va
          sbb += vb * vb
          sab += va * vb
        }
      }
      const ma = sa / n
      const mb = sb / n
      const va = saa / n - ma * ma
      const vb = sbb / n - mb * mb
      const cov = sab / n - ma * mb
      total += ((2 * ma * mb + C1) * (2 * cov + C2)) / ((ma * ma + mb * mb + C1) * (va + vb + C2))
      windows++
    }
  }
  return total / windows
}
