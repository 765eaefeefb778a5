import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { LibraryDocument } from '../../../shared/library/schemas'
import type {
  DocumentReading,
  ReadingStatusView,
  ReadingSummary,
} from '../../../shared/reading/document-reading'
import {
  idTypeOfKind,
  readFieldViews,
  recordValueOf,
  type FillTarget,
  type RecordValues,
} from '../../../shared/reading/suggestions'
import { SCAN_KIND_LABELS } from '../../../shared/rules/scan-kinds'
import type { FileFormat } from '../files/facts'
import { auditIdReveal, idScanOwners } from '../library/audit'
import { getCompany, saveCompany } from '../library/companies'
import { getDocument, updateDocumentDates } from '../library/documents'
import { getStoredRow, savePerson } from '../library/persons'
import { getTrademark, saveTrademark } from '../library/trademarks'
import { pageImages } from '../reading/page-source'
import { cropLineIsolated } from '../workers/isolated'
import type { BackendContext } from './context'

type ReadingMethods =
  | 'reading.status'
  | 'reading.startAll'
  | 'reading.cancel'
  | 'reading.document'
  | 'reading.start'
  | 'reading.fill'
  | 'reading.crop'

/** A document's reading, short, for its card (documents.list). */
export function readingSummary(ctx: BackendContext, doc: LibraryDocument): ReadingSummary {
  if (!doc.file || !ctx.reading) return { state: 'off' }
  const state = ctx.reading.stateOf(doc.file.sha256, ctx.today())
  if (state.state === 'done') return { state: 'done', kind: state.read.kind }
  if (state.state === 'none' && !ctx.reading.enabled) return { state: 'off' }
  return { state: state.state }
}

/** What the record holds where the read fields would go. */
async function recordValues(ctx: BackendContext, doc: LibraryDocument): Promise<RecordValues> {
  const db = ctx.library.db
  const values: RecordValues = { 'document.validUntil': doc.validUntil }
  if (doc.ownerKind === 'company') {
    const c = await getCompany(db, doc.ownerId)
    values['company.name'] = c.name
    values['company.uscc'] = c.uscc
    values['company.businessScope'] = c.businessScope
  } else if (doc.ownerKind === 'person') {
    const p = await getStoredRow(db, doc.ownerId)
    values['person.name'] = p.name
    values['person.idNumber'] = p.id_number
    values['person.nationality'] = p.nationality
  } else if (doc.ownerKind === 'trademark') {
    const t = await getTrademark(db, doc.ownerId)
    values['trademark.regNo'] = t.regNo
    values['trademark.class'] = t.class === null ? null : String(t.class)
    values['trademark.validUntil'] = t.validUntil
    values['trademark.acceptanceDate'] = t.acceptanceDate
  }
  return values
}

async function documentReading(
  ctx: BackendContext,
  doc: LibraryDocument,
): Promise<DocumentReading> {
  if (!doc.file || !ctx.reading) return { state: 'off', fields: [] }
  const state = ctx.reading.stateOf(doc.file.sha256, ctx.today())
  switch (state.state) {
    case 'none':
      return { state: ctx.reading.enabled ? 'none' : 'off', fields: [] }
    case 'queued':
      return { state: 'queued', fields: [] }
    case 'reading':
      return { state: 'reading', page: state.page, pages: state.pages, fields: [] }
    case 'failed':
      return { state: 'failed', reason: state.reason, fields: [] }
    case 'done': {
      const { read } = state
      return {
        state: 'done',
        kind: read.kind,
        kindLabel: SCAN_KIND_LABELS[read.kind],
        kindConfidence: read.kindConfidence,
        ...(read.reason ? { reason: read.reason } : {}),
        fields: readFieldViews(read, doc.ownerKind, await recordValues(ctx, doc)),
      }
    }
  }
}

/** The read document's fields in full (unmasked), when it has been read. */
function readOf(ctx: BackendContext, doc: LibraryDocument) {
  const state = doc.file && ctx.reading ? ctx.reading.stateOf(doc.file.sha256, ctx.today()) : null
  if (state?.state !== 'done') {
    throw new AppError('CONFLICT', '该文件还没有识别结果。')
  }
  return state.read
}

/** Write the chosen read fields into the record's empty fields (each save checks its version). */
async function fill(
  ctx: BackendContext,
  doc: LibraryDocument,
  chosen: { target: FillTarget; value: string }[],
  kind: Parameters<typeof idTypeOfKind>[0],
): Promise<void> {
  const { library } = ctx
  const value = (target: FillTarget) => chosen.find((c) => c.target === target)?.value
  const has = (prefix: string) => chosen.some((c) => c.target.startsWith(prefix))
  if (has('company.')) {
    const c = await getCompany(library.db, doc.ownerId)
    await saveCompany(library, {
      id: c.id,
      version: c.version,
      name: c.name,
      region: c.region,
      uscc: value('company.uscc') ?? c.uscc,
      usccOverrideReason: c.usccOverrideReason,
      businessScope: value('company.businessScope') ?? c.businessScope,
      notes: c.notes,
    })
  }
  if (has('person.')) {
    const p = await getStoredRow(library.db, doc.ownerId)
    const number = value('person.idNumber')
    const idType = idTypeOfKind(kind)
    if (number && p.id_type && p.id_type !== idType) {
      throw new AppError('CONFLICT', '该自然人登记的证件类型与这张证件不同，没有填入证件号码。')
    }
    await savePerson(library, {
      id: p.id,
      version: p.version,
      name: p.name,
      ...(number ? { idType, idNumber: number } : {}),
      nationality: value('person.nationality') ?? p.nationality,
      notes: p.notes,
    })
  }
  if (has('trademark.')) {
    const t = await getTrademark(library.db, doc.ownerId)
    const cls = value('trademark.class')
    await saveTrademark(library, {
      id: t.id,
      version: t.version,
      regNo: value('trademark.regNo') ?? t.regNo,
      text: t.text,
      class: cls === undefined ? t.class : Number(cls),
      registrant: { kind: t.registrant.kind, id: t.registrant.id },
      status: t.status,
      validUntil: value('trademark.validUntil') ?? t.validUntil,
      acceptanceDate: value('trademark.acceptanceDate') ?? t.acceptanceDate,
      transfereeCompanyId: t.transfereeCompanyId,
      officialRegistrantDiffers: t.officialRegistrantDiffers,
      notes: t.notes,
    })
  }
  const validUntil = value('document.validUntil')
  if (validUntil) {
    const fresh = await getDocument(library.db, doc.id)
    await updateDocumentDates(library, doc.id, {
      validUntil: validUntil === 'long_term' ? null : validUntil,
      version: fresh.version,
    })
  }
}

export function readingHandlers(ctx: BackendContext): Pick<Handlers, ReadingMethods> {
  const db = ctx.library.db

  /** The queue, with the documents whose file is being read. */
  const statusView = async (): Promise<ReadingStatusView> => {
    const status = ctx.reading?.status()
    if (!status) return { enabled: false, queued: 0, current: null }
    const current = status.current
    const documentIds = current
      ? (
          await db
            .selectFrom('documents')
            .select('id')
            .where('file_sha256', '=', current.sha256)
            .where('deleted_at', 'is', null)
            .execute()
        ).map((row) => row.id)
      : []
    return {
      enabled: status.enabled,
      queued: status.queued,
      current: current ? { documentIds, page: current.page, pages: current.pages } : null,
    }
  }

  return {
    'reading.status': () => statusView(),

    'reading.startAll': async () => {
      const reading = ctx.reading
      if (reading?.enabled) {
        const files = await db
          .selectFrom('documents as d')
          .innerJoin('files as f', 'f.sha256', 'd.file_sha256')
          .select(['f.sha256', 'f.format'])
          .distinct()
          .where('d.deleted_at', 'is', null)
          .orderBy('f.sha256')
          .execute()
        // enqueue skips what is read, queued or being read.
        for (const file of files) reading.enqueue(file.sha256, file.format as FileFormat)
      }
      return statusView()
    },

    'reading.cancel': () => {
      ctx.reading?.cancelAll()
      return statusView()
    },

    'reading.document': async ({ id }) => documentReading(ctx, await getDocument(db, id)),

    'reading.start': async ({ id }) => {
      const doc = await getDocument(db, id)
      if (doc.file && ctx.reading) {
        ctx.reading.enqueue(doc.file.sha256, doc.file.format as FileFormat, true)
      }
      return documentReading(ctx, doc)
    },

    'reading.fill': async ({ id, fields }) => {
      const doc = await getDocument(db, id)
      const read = readOf(ctx, doc)
      const views = readFieldViews(read, doc.ownerKind, await recordValues(ctx, doc))
      const chosen: { target: FillTarget; value: string }[] = []
      for (const name of new Set(fields)) {
        const view = views.find((v) => v.name === name)
        const value = read.fields[name]
        if (!view || !view.target || value === undefined) {
          throw new AppError('INVALID_ARGUMENT', `识别结果中没有可以填入的“${name}”。`, 'fields')
        }
        if (view.status !== 'empty') {
          throw new AppError(
            'CONFLICT',
            view.unsure
              ? `“${view.label.zh}”识别结果不确定，没有填入；请核对扫描件后手工填写。`
              : `记录中的“${view.label.zh}”已有内容，识别结果不会覆盖它；如需修改请手工编辑。`,
          )
        }
        chosen.push({ target: view.target, value: recordValueOf(view.target, value) })
      }
      await fill(ctx, doc, chosen, read.kind)
      return {
        filled: [...new Set(fields)],
        reading: await documentReading(ctx, await getDocument(db, id)),
      }
    },

    'reading.crop': async ({ id, field }) => {
      const doc = await getDocument(db, id)
      const read = readOf(ctx, doc)
      const where = read.where[field]
      const page = where ? read.pages[where.page] : undefined
      if (!where || !page || !doc.file) {
        throw new AppError('NOT_FOUND', '识别结果中没有这一项所在的位置。')
      }
      // The line of an ID scan shows its number: seeing it is a reveal, audited like one.
      for (const personId of await idScanOwners(db, doc.file.sha256)) {
        await auditIdReveal(db, personId, 'scan line viewed')
      }
      const sha = doc.file.sha256
      let png = ctx.reading?.cache.crop(sha, field) ?? null
      if (!png) {
        const bytes = await ctx.files.read(sha)
        const [image] = await pageImages(bytes, doc.file.format as FileFormat, where.page + 1)
        if (!image) throw new AppError('NOT_FOUND', '扫描件中没有这一页。')
        png = await cropLineIsolated({
          image,
          rotation: page.rotation,
          skew: page.skew,
          box: where.box,
        })
        ctx.reading?.cache.putCrop(sha, field, png)
      }
      return { dataUrl: `data:image/png;base64,${png.toString('base64')}` }
    },
  }
}
