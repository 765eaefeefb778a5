import { readFileSync } from 'node:fs'

/**
 * The bare library call, for `npm run bench read`: @gutenye/ocr-node's `detect` on each page
 * file as it is, in a process of its own (its peak memory is its own). Prints one JSON line:
 * seconds per page and this process's peak RSS.
 */
async function main(): Promise<void> {
  const files = process.argv.slice(2)
  const { default: Ocr } = await import('@gutenye/ocr-node')
  const created: unknown = await Ocr.create()
  const ocr = created as { detect(image: Buffer): Promise<{ text: string }[]> }
  const seconds: number[] = []
  const lines: number[] = []
  for (const file of files) {
    const bytes = readFileSync(file)
    const started = performance.now()
    const read = await ocr.detect(bytes)
    seconds.push((performance.now() - started) / 1000)
    lines.push(read.length)
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ seconds, lines, peakRssMb })}\n`)
}

void main()
