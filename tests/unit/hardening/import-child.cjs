// Child of kill-import.test.ts: the data folder's writer, importing scans one by one, letters
// for a person's relation and backups into BACKUPS, printing "ok KIND ID …" after each answered
// call — until it is killed.
require('tsx/cjs/api').register()
const sharp = require('sharp')
const { createBackend } = require('../../../electron/services/backend.ts')

const [dataDir, companyId, relationId, seed, backups] = process.argv.slice(2)
const backend = createBackend({ dataDir })
const h = backend.handlers

async function main() {
  process.stdout.write('ready\n')
  for (let i = 0; ; i++) {
    const jpeg = await sharp({
      create: {
        width: 300 + (Number(seed) % 97) + i,
        height: 200,
        channels: 3,
        background: { r: i % 255, g: 90, b: 40 },
      },
    })
      .jpeg()
      .toBuffer()
    const doc = await h['documents.import']({
      ownerKind: 'company',
      ownerId: companyId,
      requirement: 'industry_qualification',
      fileName: `scan-${seed}-${i}.jpg`,
      dataBase64: jpeg.toString('base64'),
    })
    process.stdout.write(`ok document ${doc.id} ${doc.file.sha256}\n`)
    if (i % 3 === 0) {
      const letter = await h['letters.generate']({ relationId })
      process.stdout.write(`ok letter ${letter.id} ${letter.pdfSha256}\n`)
    }
    if (i % 4 === 1) {
      try {
        const backup = await h['system.backup']({ outDir: backups })
        process.stdout.write(`ok backup ${backup.file}\n`)
      } catch (error) {
        // Two backups in the same second share a name: the second is refused, not overwritten.
        if (!(error && error.code === 'CONFLICT')) throw error
      }
    }
  }
}
main().catch((error) => {
  process.stderr.write(`${error && error.message}\n`)
  process.exit(1)
})
