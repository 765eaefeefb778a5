import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fakeScan, scansToPdf } from '../electron/services/demo/scans'
import { noisyPhoto } from '../tests/unit/images/fixtures'

/**
 * The import bench's batch, written to a folder by a process of its own (bench/import.ts runs
 * it): generating 12 MP photos grows a process by hundreds of MB that it keeps, which would
 * count in the import's process tree. Prints the files as JSON.
 */

/** A 12 MP "phone photo": noisy colour image, realistic JPEG size (several MB). */
function photo(seed: number): Promise<Buffer> {
  return noisyPhoto({ sigma: 40, quality: 90, hue: seed % 360 })
}

export interface InputFile {
  name: string
  path: string
  pdf: boolean
}

/** The batch, written to a folder as the clerk's files are: distinct bytes (hashes) per file. */
async function writeInputs(dir: string, photos: number, pdfs: number): Promise<InputFile[]> {
  const files: InputFile[] = []
  // Two generated bases (generation is a good part of the wall time); every file differs by a suffix.
  const bases = [await photo(0), await photo(180)]
  for (let i = 0; i < photos; i++) {
    const name = `photo-${i}.jpg`
    const base = bases[i % bases.length] ?? Buffer.alloc(0)
    writeFileSync(join(dir, name), Buffer.concat([base, Buffer.from(`#${i}`)]))
    files.push({ name, path: join(dir, name), pdf: false })
  }
  const pdf = await scansToPdf([
    await fakeScan('商标注册证', ['第 1 页']),
    await fakeScan('核定使用商品', ['第 2 页']),
    await fakeScan('附页', ['第 3 页']),
  ])
  for (let i = 0; i < pdfs; i++) {
    const name = `scan-${i}.pdf`
    writeFileSync(join(dir, name), Buffer.concat([pdf, Buffer.from(`\n%${i}\n`)]))
    files.push({ name, path: join(dir, name), pdf: true })
  }
  return files
}

if (require.main === module) {
  const [dir, photos, pdfs] = process.argv.slice(2)
  void writeInputs(dir ?? '.', Number(photos), Number(pdfs)).then((files) => {
    process.stdout.write(JSON.stringify(files))
  })
}
