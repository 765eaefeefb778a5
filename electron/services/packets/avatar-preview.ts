import type { Packet } from '../../../shared/library/schemas'
import { isAvatarSlot } from '../../../shared/rules/requirement-derive'
import { fitDocument } from '../export/fit-document'
import { selectDocuments } from '../export/select'
import type { FileStore } from '../storage/file-store'
import { inSnapshot } from '../storage/library-store'
import { listDocuments } from '../library/documents'
import { planWith, type PlanSource } from './plan-for-packet'

export interface AvatarPreview {
  documentId: string
  fileName: string
  dataUrl: string
  width: number
  height: number
  bytes: number
}

/**
 * The avatar as the export writes it (issue 13 item 11): the export's own selection (the best
 * avatar document by the plan's rules) and its own fitting (fitDocument, in a fitting worker),
 * with the fit the clerk is looking at. Null when the export would write no avatar.
 */
export async function avatarPreview(
  source: PlanSource & { files: FileStore },
  packetId: string,
  avatarFit: Packet['avatarFit'],
  asOf: string,
): Promise<AvatarPreview | null> {
  const catalog = await source.catalog()
  const { plan, scenario, packet, documents } = await inSnapshot(source.library, async (db) => {
    const planned = await planWith(db, catalog, packetId, asOf, source.reads)
    return { ...planned, documents: await listDocuments(db, 'packet', packetId) }
  })
  const chosen = selectDocuments({
    plan,
    scenario,
    packet: { ...packet, avatarFit },
    documents,
    relationIds: new Set(),
  }).find((s) => isAvatarSlot(s.ref.id))
  if (!chosen) return null
  const bytes = await source.files.read(chosen.document.file.sha256)
  for await (const { result } of fitDocument(bytes, chosen.document, {
    requirement: chosen.ref.id,
    avatarFit,
    watermark: false,
  })) {
    const mime = result.format === 'png' ? 'image/png' : 'image/jpeg'
    return {
      documentId: chosen.document.id,
      fileName: chosen.document.file.originalName,
      dataUrl: `data:${mime};base64,${result.data.toString('base64')}`,
      width: result.width,
      height: result.height,
      bytes: result.bytes,
    }
  }
  return null
}
