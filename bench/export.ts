import { createBackend, openBackend, type Backend } from '../electron/services/backend'
import { fakeLogo, fakeScan } from '../electron/services/demo/scans'
import { exportPacket } from '../electron/services/export'
import { tempDir } from '../tests/helpers/temp'
import { timeMsAsync, type Metrics } from './stats'
import { withTeamCluster } from './team'

/** A ready packet of `documents` trademark certificates (A4 scans at 300 dpi) plus its avatar. */
async function buildPacket(backend: Backend, documents: number): Promise<string> {
  const h = backend.handlers
  const company = await h['companies.save']({
    name: '上海青禾文化传媒有限公司',
    region: 'domestic',
    businessScope: '服装服饰零售',
  })
  const ids: string[] = []
  for (let i = 0; i < documents; i++) {
    const mark = await h['trademarks.save']({
      text: `青禾${i}`,
      regNo: String(45678900 + i),
      class: 25,
      registrant: { kind: 'company', id: company.id },
      status: 'registered',
      validUntil: '2031-01-01',
    })
    ids.push(mark.id)
    const scan = await fakeScan('商标注册证', [`第 ${45678900 + i} 号`, `商标：青禾${i}`], {
      width: 2480,
      height: 3508,
    })
    await h['documents.import']({
      ownerKind: 'trademark',
      ownerId: mark.id,
      requirement: 'trademark_certificate',
      fileName: `cert-${i}.jpg`,
      dataBase64: scan.toString('base64'),
    })
  }
  const packet = await h['packets.save']({
    applicantCompanyId: company.id,
    accountType: 'enterprise',
    accountName: '青禾',
    promotedSubject: 'none',
    industries: [],
    trademarkIds: ids,
  })
  await h['documents.import']({
    ownerKind: 'packet',
    ownerId: packet.id,
    requirement: 'avatar',
    fileName: 'logo.jpg',
    dataBase64: (await fakeLogo('青禾', 1200)).toString('base64'),
  })
  return packet.id
}

/** Seconds for one export of the packet into a fresh output folder. */
async function exportSeconds(backend: Backend, packetId: string): Promise<number> {
  const out = tempDir('packetdesk-bench-out-')
  try {
    const ms = await timeMsAsync(() =>
      exportPacket(backend.context, packetId, out.dir, { draft: true }),
    )
    return ms / 1000
  } finally {
    out.cleanup()
  }
}

/** The embedded library: the export as before, then a second one of the same packet. */
async function onSqlite(documents: number): Promise<{ first: number; second: number }> {
  const temp = tempDir('packetdesk-bench-')
  const backend = createBackend({ dataDir: temp.dir })
  try {
    const packetId = await buildPacket(backend, documents)
    const first = await exportSeconds(backend, packetId)
    const second = await exportSeconds(backend, packetId)
    return { first, second }
  } finally {
    backend.close()
    temp.cleanup()
  }
}

/**
 * The team library (a throwaway local PostgreSQL cluster): the packet is built by one clerk;
 * another data folder, its file cache empty, exports it (cold: every scan read from the
 * server's blobs), then exports it again (warm: read from its cache).
 */
async function onPostgres(documents: number): Promise<{ cold: number; warm: number }> {
  return withTeamCluster(async (teamDatabase) => {
    const url = await teamDatabase('bench_export')
    const builder = tempDir('packetdesk-bench-')
    let packetId: string
    const building = await openBackend({ dataDir: builder.dir, databaseUrl: url })
    try {
      packetId = await buildPacket(building, documents)
    } finally {
      building.close()
      await building.context.library.close()
      builder.cleanup()
    }
    const fresh = tempDir('packetdesk-bench-')
    const backend = await openBackend({ dataDir: fresh.dir, databaseUrl: url })
    try {
      const cold = await exportSeconds(backend, packetId)
      const warm = await exportSeconds(backend, packetId)
      return { cold, warm }
    } finally {
      backend.close()
      await backend.context.library.close()
      fresh.cleanup()
    }
  })
}

/**
 * Export of a ready packet of 20 documents (A4 scans at 300 dpi) plus its avatar, from the
 * embedded library and from a team library (PostgreSQL) in the same run.
 */
export async function benchExport(
  documents = Number(process.env.BENCH_EXPORT_DOCS ?? 20),
): Promise<Metrics> {
  const sqlite = await onSqlite(documents)
  const pg = await onPostgres(documents)
  const s = (value: number) => `${value.toFixed(2)} s`
  // Both PostgreSQL exports run after SQLite's first, which also pays the process's one-off
  // start (fonts, image workers): the ratios compare with SQLite's second export.
  console.log(`\nexport of a ${documents}-document packet`)
  console.log(`  SQLite       first ${s(sqlite.first)}, again ${s(sqlite.second)}`)
  console.log(
    `  PostgreSQL   cold cache ${s(pg.cold)} (${(pg.cold / sqlite.second).toFixed(2)}× SQLite again), warm cache ${s(pg.warm)} (${(pg.warm / sqlite.second).toFixed(2)}×)\n`,
  )
  return {
    'export.documents': documents,
    'export.seconds': sqlite.first,
    'export.seconds_again': sqlite.second,
    'export.pg_cold_seconds': pg.cold,
    'export.pg_warm_seconds': pg.warm,
    'export.pg_cold_over_sqlite': pg.cold / sqlite.second,
    'export.pg_warm_over_sqlite': pg.warm / sqlite.second,
  }
}
