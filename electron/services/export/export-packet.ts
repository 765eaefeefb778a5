import { join, resolve } from 'node:path'
import { isIsoDate, todayIn } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import type { Packet } from '../../../shared/library/schemas'
import type { Scenario } from '../../../shared/rules/scenario'
import type { Plan, Slot } from '../../../shared/rules/types'
import type { FileStore } from '../storage/file-store'
import { inSnapshot } from '../storage/library-store'
import { listDocumentsOwnedBy } from '../library/documents'
import { scopeOwnerIds } from '../packets/scenario'
import { listRelations } from '../library/relations'
import { planDigest, recordExport } from '../packets/exports'
import { planWith, type PlanSource } from '../packets/plan-for-packet'
import { APP_VERSION } from '../version'
import { fittingPool } from '../workers/pool'
import { checklistBlocks, type ChecklistInput } from './checklist-content'
import { renderChecklist } from './checklist-pdf'
import { ChecklistShaper } from './checklist-shaper'
import { fileBaseName, requirementText } from './describe'
import { buildEmail, type EmailAttachment } from './email-pack'
import { pageTasks, type FittedPage } from './fit-document'
import { inOrder } from './in-order'
import {
  CHECKLIST_FILE,
  emailFileName,
  industryFolderName,
  MANIFEST_FILE,
  packetFolderName,
  SLOT_FOLDERS,
} from './layout'
import { ExportCache } from './output-cache'
import { notReadyError } from './readiness'
import { NameAllocator, pageName, safeFileName } from './safe-names'
import { selectDocuments, type SelectedDocument } from './select'
import { StagingFolder, sweepStalePartials } from './staging'
import type { ExportOptions, ExportProgress, ExportResult, Manifest, ManifestFile } from './types'
import { ExportWriter } from './writer'

/** What an export reads: the library, its files and the industry catalog. */
export interface ExportSource extends PlanSource {
  files: FileStore
  /** The data folder: its `cache/export/` keeps output pages for the next export. */
  dataDir: string
}

/** Path room kept for the `_2`…`_999` a taken folder name gets. */
const SUFFIX_ROOM = 4

interface Context {
  packet: Packet
  scenario: Scenario
  plan: Plan
  draft: boolean
  emailRecipient: string | null
  writer: ExportWriter
  progress: (phase: ExportProgress['phase'], label: string) => void
}

/** A file queued for the email pack: the same bytes as its upload copy. */
interface EmailQueued {
  entry: ManifestFile
  data: Buffer
  description: string
  itemIndex: number
}

/**
 * Exports a packet as a folder ready to upload (RULES.md §1): one sub-folder per form slot with
 * every file made compliant, 清单.pdf, manifest.json and, on the email route, the email pack.
 * Everything is written into a hidden `.NAME.partial-…` sibling and renamed into place when
 * complete, under a new name when NAME is taken. A packet that is not ready is refused
 * (AppError CONFLICT) unless `draft` is set; it is then labelled 草稿 in the folder name and
 * in 清单.pdf. A ready packet is never labelled a draft.
 */
export async function exportPacket(
  source: ExportSource,
  packetId: string,
  outDir: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const asOf = options.today ?? todayIn()
  if (!isIsoDate(asOf)) {
    throw new AppError('INVALID_ARGUMENT', `导出日期无效：${asOf}（应为 YYYY-MM-DD）`, 'today')
  }
  // The plan and the documents it picks from, in one snapshot (the stored files they name are
  // immutable, read by their SHA-256 afterwards).
  const catalog = await source.catalog()
  const snapshot = await inSnapshot(source.library, async (db) => {
    const planned = await planWith(db, catalog, packetId, asOf, source.reads)
    const parties = new Set([
      planned.scenario.applicant.id,
      ...planned.scenario.parties.map((p) => p.id),
    ])
    const relationIds = new Set(
      (await listRelations(db))
        .filter((r) => parties.has(r.from.id) && parties.has(r.to.id))
        .map((r) => r.id),
    )
    // The documents of the packet's scope only, not the whole library.
    const owners = scopeOwnerIds({
      packetId,
      applicantId: planned.scenario.applicant.id,
      trademarkIds: new Set(planned.scenario.trademarks.map((t) => t.id)),
      partyIds: parties,
      relationIds,
    })
    return { ...planned, relationIds, documents: await listDocumentsOwnedBy(db, owners) }
  })
  const { packet, scenario, plan, formProblems, documents, relationIds } = snapshot
  if (!plan.ready && options.draft !== true) {
    throw notReadyError(scenario, plan, packet.accountName, formProblems)
  }
  const draft = !plan.ready
  const selected = selectDocuments({ plan, scenario, packet, documents, relationIds })

  const root = resolve(outDir)
  await sweepStalePartials(root)
  const staging = await StagingFolder.create(
    root,
    safeFileName(packetFolderName(packet.accountName, asOf, draft)),
  )
  let result: ExportResult
  let shaper: Promise<ChecklistShaper> | undefined
  let evicting: Promise<void> | undefined
  try {
    const names = new NameAllocator(join(root, staging.plannedName).length + SUFFIX_ROOM)
    const emailed = (slot: Slot) => plan.route === 'email' && (slot === 'other' || slot === 'email')
    const total = selected.length + (selected.some((s) => emailed(s.item.slot)) ? 1 : 0) + 2
    let done = 0
    const ctx: Context = {
      packet,
      scenario,
      plan,
      draft,
      emailRecipient: options.emailRecipient ?? null,
      writer: new ExportWriter(staging, names),
      progress: (phase, label) => options.onProgress?.({ phase, done: done++, total, label }),
    }
    const filesByItem = plan.requirements.map((): ManifestFile[] => [])
    const queued: EmailQueued[] = []
    const cache = new ExportCache(source.dataDir)
    await cache.load()
    // As many pages as workers or more (a page count per document, as the import stored it):
    // each worker will have a page of its own, so the fitting searches probe one at a time.
    const pages = selected.reduce((sum, choice) => sum + Math.max(1, choice.document.file.pages), 0)
    const crowded = pages >= fittingPool().size
    const work = selected.map((choice) => {
      const read = () => source.files.read(choice.document.file.sha256)
      const tasks = pageTasks(read, choice.document, {
        requirement: choice.ref.id,
        avatarFit: packet.avatarFit,
        watermark: options.watermark ?? true,
        cache,
        crowded,
      })
      return { choice, tasks }
    })
    // Pages are fitted ahead, several at once (a window of twice the pool, so a worker never
    // waits for the writer), and written in plan order.
    const fitted = inOrder(
      work.flatMap((w) => w.tasks),
      fittingPool().size * 2,
    )
    // 清单.pdf as it stands so far: its text is shaped while the workers fit the pages.
    const checklistSoFar = (emailPath: string | null): ChecklistInput => ({
      formProblems,
      packet,
      scenario,
      plan,
      draft,
      folderName: staging.plannedName,
      filesByItem,
      emailPath,
      slotFolders: slotFoldersOf(ctx.writer.files),
      emailRecipient: ctx.emailRecipient,
    })
    const prepare = () => {
      // Started once the first pages are in: loading the font must not delay the first fits.
      shaper ??= ChecklistShaper.create()
      const blocks = checklistBlocks(checklistSoFar(null))
      shaper.then((s) => s.prepare(blocks)).catch(() => undefined)
    }
    for (const { choice, tasks } of work) {
      for (const written of await writeDocument(ctx, choice, fitted, tasks.length)) {
        const itemIndex = plan.requirements.indexOf(choice.item)
        filesByItem[itemIndex]?.push(written.entry)
        if (emailed(choice.item.slot)) {
          queued.push({ ...written, description: requirementText(scenario, choice.ref), itemIndex })
        }
      }
      prepare()
    }
    // The cache's upkeep runs beside the rest of the export (it never fails one).
    evicting = cache.evict().catch(() => undefined)
    const emailPath = queued.length > 0 ? await writeEmailPack(ctx, queued, filesByItem) : null

    ctx.progress('checklist', CHECKLIST_FILE)
    const blocks = checklistBlocks(checklistSoFar(emailPath))
    const pdf = await renderChecklist(
      blocks,
      {
        title: `资质包清单 · ${packet.accountName}`,
        asOf,
        draft,
        seed: JSON.stringify([packet.id, asOf, draft, packet.updatedAt]),
      },
      await (shaper ?? ChecklistShaper.create()),
    )
    await ctx.writer.add('', CHECKLIST_FILE, pdf, {
      kind: 'checklist',
      ...noSlot,
    })

    ctx.progress('finish', staging.plannedName)
    const manifest: Manifest = {
      format: 1,
      generator: `PacketDesk ${APP_VERSION}`,
      packetId: packet.id,
      accountName: packet.accountName,
      applicant: scenario.applicant.name,
      route: plan.route,
      ready: plan.ready,
      draft,
      asOf,
      folder: staging.plannedName,
      files: ctx.writer.files,
    }
    // Written last and by name, so the manifest never lists itself.
    await staging.write(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
    result = { folder: await staging.commit(), manifest }
  } catch (error) {
    void shaper?.then((s) => s.close()).catch(() => undefined)
    await staging.discard().catch(() => undefined)
    throw error
  } finally {
    await evicting
  }
  // Recorded only once the folder is in place: the list's 已导出 and 更新时间 (issue 13 item 7).
  await recordExport(source.library, {
    packetId: packet.id,
    folder: result.folder,
    route: plan.route,
    draft,
    digest: planDigest(snapshot),
  })
  return result
}

const noSlot = {
  slot: null,
  requirement: null,
  subject: null,
  page: null,
  pages: null,
  width: null,
  height: null,
} as const

/** The folder a plan slot's files go in; industry files in one sub-folder per 一级/二级 pair. */
function slotFolder(writer: ExportWriter, slot: Slot, subject: string): string {
  const folder = writer.folder('', SLOT_FOLDERS[slot])
  return slot === 'industry' ? writer.folder(folder, industryFolderName(subject)) : folder
}

/** One document's `count` fitted pages, taken in order from `pages`, written. */
async function writeDocument(
  ctx: Context,
  choice: SelectedDocument,
  pages: AsyncGenerator<FittedPage>,
  count: number,
): Promise<{ entry: ManifestFile; data: Buffer }[]> {
  const base = fileBaseName(ctx.scenario, choice.ref, {
    catalogName: choice.catalogName,
    accountName: ctx.packet.accountName,
  })
  ctx.progress('files', base)
  // Email-route link items go to the email pack only; every other file to its form slot.
  const folder = slotFolder(ctx.writer, choice.item.slot, choice.ref.subject)
  const written: { entry: ManifestFile; data: Buffer }[] = []
  try {
    for (let n = 0; n < count; n++) {
      const next = await pages.next()
      if (next.done === true) break
      const { result, index, count: pageCount } = next.value
      const ext = result.format === 'png' ? 'png' : 'jpg'
      const name = pageName(base, ext, index, pageCount)
      const entry = await ctx.writer.add(folder, name, result.data, {
        kind: 'upload',
        slot: choice.item.slot,
        requirement: choice.ref.id,
        subject: choice.ref.subject,
        page: pageCount > 1 ? index + 1 : null,
        pages: pageCount > 1 ? pageCount : null,
        width: result.width,
        height: result.height,
      })
      written.push({ entry, data: result.data })
    }
  } catch (error) {
    if (error instanceof AppError) {
      // A stored file gone missing is the library's problem, not an unknown packet.
      const code = error.code === 'NOT_FOUND' ? 'FILE_REJECTED' : error.code
      throw new AppError(code, `「${base}」导出失败：${error.message}`, error.field)
    }
    throw error
  }
  return written
}

/**
 * R8's email pack in 3_邮件提交: the .eml draft with every other/email file attached, and the
 * same files loose beside it (the platform wants the certificate with the link documents).
 */
async function writeEmailPack(
  ctx: Context,
  queued: EmailQueued[],
  filesByItem: ManifestFile[][],
): Promise<string> {
  ctx.progress('email', SLOT_FOLDERS.email)
  const folder = slotFolder(ctx.writer, 'email', '')
  const attachments: EmailAttachment[] = []
  for (const file of queued) {
    let entry = file.entry
    if (entry.slot !== 'email') {
      const name = entry.path.slice(entry.path.lastIndexOf('/') + 1)
      const { requirement, subject, page, pages, width, height } = entry
      const facts = { kind: 'upload' as const, slot: 'email' as const, requirement, subject }
      entry = await ctx.writer.add(folder, name, file.data, {
        ...facts,
        ...{ page, pages, width, height },
      })
      filesByItem[file.itemIndex]?.push(entry)
    }
    attachments.push({
      fileName: entry.path.slice(entry.path.lastIndexOf('/') + 1),
      description: file.description,
      data: file.data,
      contentType: entry.path.endsWith('.png') ? 'image/png' : 'image/jpeg',
    })
  }
  const eml = await buildEmail({
    packet: ctx.packet,
    scenario: ctx.scenario,
    attachments,
    draft: ctx.draft,
    to: ctx.emailRecipient,
  })
  const entry = await ctx.writer.add(
    folder,
    emailFileName(ctx.packet.accountName, ctx.draft),
    eml,
    {
      kind: 'email',
      ...noSlot,
      slot: 'email',
    },
  )
  return entry.path
}

function slotFoldersOf(files: ManifestFile[]): Partial<Record<Slot, string>> {
  const out: Partial<Record<Slot, string>> = {}
  for (const file of files) {
    if (file.kind !== 'upload' || !file.slot || out[file.slot]) continue
    const top = file.path.split('/')[0] ?? ''
    out[file.slot] = top
  }
  return out
}
