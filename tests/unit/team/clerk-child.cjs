// Child of clerks.test.ts: one clerk's PacketDesk on the team library, doing a realistic mix
// for a bounded time — create and edit records (one row shared by every clerk), import scans
// (some bytes shared by every clerk), plan and export the same packet — and printing one JSON
// line per acknowledged call. Any unexpected error ends it with exit 1.
require('tsx/cjs/api').register()
const { join } = require('node:path')
const sharp = require('sharp')
const { openBackend } = require('../../../electron/services/backend.ts')

const [url, dataDir, sharedId, packetId, seconds, seed, letterPacketId] = process.argv.slice(2)
const say = (line) => process.stdout.write(`${JSON.stringify(line)}\n`)

async function jpeg(shade, width) {
  return sharp({
    create: { width, height: 120, channels: 3, background: { r: shade, g: 80, b: 40 } },
  })
    .jpeg()
    .toBuffer()
}

async function main() {
  const backend = await openBackend({ dataDir, databaseUrl: url, kind: `clerk ${seed}` })
  const h = backend.handlers
  const deadline = Date.now() + Number(seconds) * 1000
  let own = null
  try {
    // At least one round of every step, then as many as fit in the time.
    for (let i = 0; i < 6 || Date.now() < deadline; i++) {
      const step = i % 6
      if (step === 0 || !own) {
        own = await h['companies.save']({ name: `文员${seed}的公司${i}`, region: 'domestic' })
        say({ op: 'company', id: own.id })
      } else if (step === 1) {
        const shared = (await h['companies.list']({})).find((c) => c.id === sharedId)
        try {
          await h['companies.save']({
            id: sharedId,
            version: shared.version,
            name: shared.name,
            region: 'domestic',
            // A counter read then written back: a lost update would lose an increment.
            notes: String(Number(shared.notes || '0') + 1),
          })
          say({ op: 'edit' })
        } catch (error) {
          if (error.code !== 'STALE') throw error
          say({ op: 'stale' })
        }
      } else if (step === 2) {
        // Every third import is the same bytes in every clerk: stored once, never duplicated.
        const bytes = i % 3 === 0 ? await jpeg(7, 200) : await jpeg(i % 250, 200 + Number(seed))
        const doc = await h['documents.import']({
          ownerKind: 'company',
          ownerId: own.id,
          requirement: 'industry_qualification',
          fileName: `扫描-${seed}-${i}.jpg`,
          dataBase64: bytes.toString('base64'),
        })
        say({ op: 'import', id: doc.id, sha: doc.file.sha256 })
      } else if (step === 3) {
        const { plan } = await h['packets.plan']({ id: packetId })
        if (!plan.ready) throw new Error('the packet stopped being ready')
        say({ op: 'plan' })
      } else if (step === 4) {
        const result = await h['exports.run']({ packetId, outDir: join(dataDir, 'exports') })
        say({ op: 'export', folder: result.folder })
      } else {
        // Letters for the same packet by every clerk at once: each gets its own.
        const batch = await h['letters.generateForPacket']({ packetId: letterPacketId })
        if (batch.failures.length > 0 || batch.letters.length !== 1) {
          throw new Error(`letters: ${batch.failures.join('; ')}`)
        }
        say({ op: 'letter', id: batch.letters[0].id, sha: batch.letters[0].pdfSha256 })
      }
    }
    say({ op: 'done' })
  } finally {
    backend.close()
    await backend.context.library.close()
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    say({ op: 'error', message: String(error && error.message ? error.message : error) })
    process.exit(1)
  },
)
