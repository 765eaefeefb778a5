// Child process of kill.test.ts: one export, as the CLI would run it (tsx, the real services).
// It loads everything, says "ready", and starts only on "go" from stdin, so the test can warm
// the next child while killing this one and time its kills from the start of the export proper.
require('tsx/cjs/api').register()
const { createBackend } = require('../../../electron/services/backend.ts')
const { exportPacket } = require('../../../electron/services/export/export-packet.ts')

const [dataDir, packetId, outDir, today] = process.argv.slice(2)
// An export is a reader: the test process holds the data folder's writer lock.
const backend = createBackend({ dataDir, access: 'read' })

function run() {
  exportPacket(backend.context, packetId, outDir, { today }).then(
    (result) => {
      backend.close()
      process.stdout.write(`done ${result.folder}\n`)
      process.exit(0)
    },
    (error) => {
      backend.close()
      process.stderr.write(`${error && error.message ? error.message : error}\n`)
      process.exit(1)
    },
  )
}

process.stdin.once('data', run)
process.stdout.write('ready\n')
