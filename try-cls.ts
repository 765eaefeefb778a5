import { readFileSync } from 'node:fs'
import sharp from 'sharp'
import { loadEngine } from './electron/services/reading/ocr-engine'
async function main() {
  const e = await loadEngine()
  const png = readFileSync('/tmp/ocr/licence.png')
  await e.detect(await sharp(png).resize(640).png().toBuffer())
  for (const side of [640, 960, 1600, 2000, 2480]) {
    const img = await sharp(png).resize(side, side, { fit: 'inside' }).png().toBuffer()
    const t = Date.now()
    const r = await e.detect(img)
    console.log(side, Date.now() - t, 'ms', r.length, r.map((l) => l.text).join('|').slice(0, 80))
  }
}
void main()
