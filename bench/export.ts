import { createBackend } from '../electron/services/backend'
import { fakeLogo, fakeScan } from '../electron/services/demo/scans'
import { exportPacket } from '../electron/services/export'
import { tempDir } from '../tests/helpers/temp'
import { timeMsAsync, type Metrics } from './stats'

/** Export of a ready packet of 20 documents (A4 scans at 300 dpi) plus its avatar. */
export async function benchExport(
  documents = Number(process.env.BENCH_EXPORT_DOCS ?? 20),
): Promise<Metrics> {
  const temp = tempDir('packetdesk-bench-')
  const backend = createBackend({ dataDir: temp.dir })
  const h = backend.handlers
  try {
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
    const out = tempDir('packetdesk-bench-out-')
    try {
      const ms = await timeMsAsync(() =>
        exportPacket(backend.context, packet.id, out.dir, { draft: true }),
      )
      return { 'export.documents': documents, 'export.seconds': ms / 1000 }
    } finally {
      out.cleanup()
    }
  } finally {
    backend.close()
    temp.cleanup()
  }
}
