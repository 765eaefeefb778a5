import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { checklistBlocks } from '../../../electron/services/export/checklist-content'
import { fileBaseName } from '../../../electron/services/export/describe'
import { SLOT_FOLDERS } from '../../../electron/services/export/layout'
import { selectDocuments } from '../../../electron/services/export/select'
import { listAllDocuments } from '../../../electron/services/library/documents'
import { planForPacket } from '../../../electron/services/packets/plan-for-packet'
import { dispatch } from '../../../electron/services/dispatch'
import { requirementTarget } from '../../../electron/services/packets/requirement-target'
import { REQUIREMENTS, type RequirementSpec } from '../../../shared/rules/requirements'
import { purposesFor, slotFor } from '../../../shared/rules/requirement-derive'
import type { Plan, PlainRequirement } from '../../../shared/rules/types'
import { suiteDemoBackend } from '../../helpers/backend'

/**
 * The requirements table is the one place a requirement is described: a requirement added to it
 * (here, in a fixture) reaches the check step's import target, the import dialog's choices,
 * the export's folder and file name, and the checklist, with no other edit.
 */
const FIXTURE_ID: string = 'trademark_query_screenshot'
const FIXTURE: RequirementSpec = {
  owner: { kind: 'trademark' },
  slot: 'other',
  link: false,
  colourRequired: false,
  watermark: false,
  fit: 'upload',
  acceptedScanKinds: null,
  label: { zh: '商标查询截图', en: 'Trademark query screenshot' },
  fileLabel: { zh: '商标查询截图', en: 'Trademark query screenshot' },
  letter: null,
}
const table = REQUIREMENTS as Record<string, RequirementSpec>

let lib: Awaited<ReturnType<typeof suiteDemoBackend>>
let packetId = ''
let trademarkId = ''

beforeAll(async () => {
  table[FIXTURE_ID] = FIXTURE
  lib = await suiteDemoBackend()
  const h = lib.backend.handlers
  const packet = (await h['packets.list']({})).find((p) => p.accountName === '青禾文化')
  packetId = packet?.id ?? ''
  trademarkId = packet?.trademarkIds[0] ?? ''
})
afterAll(async () => {
  await lib.cleanup()
  Reflect.deleteProperty(table, FIXTURE_ID)
})

describe('a requirement added to the table', () => {
  it('is offered by the import dialog of its owner kind, and only there', () => {
    expect(purposesFor('trademark')).toContain(FIXTURE_ID)
    expect(purposesFor('company')).not.toContain(FIXTURE_ID)
  })

  it('is where the check step’s import button looks (packets.requirementTarget)', async () => {
    // A rule asking for it puts it in the plan; the backend then says where its file belongs.
    const planned = await planForPacket(lib.backend.context, packetId, '2026-11-28')
    const item: PlainRequirement = {
      id: FIXTURE_ID as PlainRequirement['id'],
      subject: trademarkId,
      slot: 'other',
      rule: 'R4',
      status: 'missing',
      reasons: [],
    }
    const plan = { ...planned.plan, requirements: [...planned.plan.requirements, item] }
    const target = await requirementTarget(lib.backend.context.library, {
      packetId,
      ref: { id: FIXTURE_ID, subject: trademarkId },
      plan,
    })
    expect(target).toEqual({
      kind: 'documents',
      ownerKind: 'trademark',
      ownerId: trademarkId,
      requirement: FIXTURE_ID,
      subject: trademarkId,
    })
  })

  it('is imported, exported into its slot’s folder under its file label, and listed in the checklist', async () => {
    const jpeg = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 60, b: 40 } },
    })
      .jpeg()
      .toBuffer()
    const imported = await dispatch(lib.backend.handlers, 'documents.import', {
      ownerKind: 'trademark',
      ownerId: trademarkId,
      requirement: FIXTURE_ID,
      fileName: 'query.jpg',
      dataBase64: jpeg.toString('base64'),
    })
    expect(imported.ok).toBe(true)

    const planned = await planForPacket(lib.backend.context, packetId, '2026-11-28')
    // The scenario carries the document (the table's owner rule says it serves the packet).
    expect(planned.scenario.documents?.some((d) => d.requirement === FIXTURE_ID)).toBe(true)

    // A rule asking for it: the plan item the export and the checklist work from.
    const item: PlainRequirement = {
      id: FIXTURE_ID as PlainRequirement['id'],
      subject: trademarkId,
      slot: slotFor(FIXTURE_ID, planned.plan.route),
      rule: 'R4',
      status: 'satisfied',
      reasons: [],
    }
    const plan: Plan = { ...planned.plan, requirements: [...planned.plan.requirements, item] }
    expect(SLOT_FOLDERS[item.slot]).toBe('3_其他资质')
    expect(slotFor(FIXTURE_ID, 'email')).toBe('other')

    const selected = selectDocuments({
      plan,
      scenario: planned.scenario,
      packet: planned.packet,
      documents: await listAllDocuments(lib.backend.context.library.db),
      relationIds: new Set(),
    })
    const chosen = selected.find((s) => s.ref.id === FIXTURE_ID)
    expect(chosen?.document.file.originalName).toBe('query.jpg')
    const name = fileBaseName(planned.scenario, chosen?.ref ?? item, {
      accountName: planned.packet.accountName,
    })
    expect(name).toMatch(/^商标查询截图_/)

    const blocks = checklistBlocks({
      formProblems: [],
      packet: planned.packet,
      scenario: planned.scenario,
      plan,
      draft: false,
      folderName: 'x',
      filesByItem: plan.requirements.map(() => []),
      emailPath: null,
      slotFolders: { other: SLOT_FOLDERS.other },
    })
    expect(JSON.stringify(blocks)).toContain('商标查询截图')
  })
})
