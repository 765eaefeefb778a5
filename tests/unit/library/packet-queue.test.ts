import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import type { PacketListItem } from '../../../shared/library/schemas'
import { suiteDemoBackend } from '../../helpers/backend'

/**
 * The packet list as a work queue (issue 13 item 7), on both engines: each packet's state from
 * the one definition of ready, its latest submission and export; duplicate, archive, delete to
 * the recycle bin and back; 更新时间 follows exports and submissions.
 */
let backend: Backend
let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => {
  ;({ backend, dir, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

const list = () => backend.handlers['packets.list']({})
async function byName(name: string): Promise<PacketListItem> {
  const found = (await list()).find((p) => p.accountName === name)
  if (!found) throw new Error(`no packet ${name}`)
  return found
}
const exportRows = (packetId: string) =>
  backend.context.library.db
    .selectFrom('packet_exports')
    .selectAll()
    .where('packet_id', '=', packetId)
    .execute()

describe('the work queue', () => {
  it('shows each packet’s state from the one definition of ready', async () => {
    const states = Object.fromEntries((await list()).map((p) => [p.accountName, p.state]))
    expect(states['青禾文化']).toMatchObject({ kind: 'ready', missing: [] })
    expect(states['Maple枫叶']).toMatchObject({ kind: 'email' })
    expect(states['山岚旗舰店']).toMatchObject({ kind: 'incomplete' })
    expect(states['山岚旗舰店']?.missing).toContain('avatar')
    expect(states['禾木生活']?.formProblems.length).toBeGreaterThan(0)
    for (const p of await list()) expect(p.archived).toBe(false)
  })

  it('an export is recorded after its folder is in place: 已导出 and a new 更新时间, until the packet changes', async () => {
    const before = await byName('青禾文化')
    const out = join(dir, 'out')
    const refused = await dispatch(backend.handlers, 'exports.run', {
      packetId: (await byName('山岚旗舰店')).id,
      outDir: out,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await exportRows((await byName('山岚旗舰店')).id)).toEqual([])

    const { folder } = await backend.handlers['exports.run']({ packetId: before.id, outDir: out })
    const rows = await exportRows(before.id)
    expect(rows).toEqual([expect.objectContaining({ folder, route: 'online', draft: 0 })])
    expect(rows[0]?.plan_digest).toMatch(/^[0-9a-f]{64}$/)
    const after = await byName('青禾文化')
    expect(after.state.kind).toBe('exported')
    expect(after.changedAt > before.changedAt).toBe(true)
    expect(after.changedAt).toBe(rows[0]?.exported_at)
    // The packet's own 更新时间 (its last save) is untouched: the row is not edited.
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(after.version).toBe(before.version)

    // A draft export moves 更新时间 but is not 已导出.
    const draftOf = await byName('山岚旗舰店')
    await backend.handlers['exports.run']({ packetId: draftOf.id, outDir: out, draft: true })
    const drafted = await byName('山岚旗舰店')
    expect(drafted.state.kind).toBe('incomplete')
    expect(drafted.changedAt > draftOf.changedAt).toBe(true)
    expect(await exportRows(draftOf.id)).toEqual([expect.objectContaining({ draft: 1 })])
  }, 120_000)

  it('a change to an exported packet makes it what its readiness says again', async () => {
    const exported = await byName('青禾文化')
    expect(exported.state.kind).toBe('exported')
    await backend.handlers['packets.save']({
      id: exported.id,
      version: exported.version,
      applicantCompanyId: exported.applicantCompanyId,
      accountType: exported.accountType,
      accountName: exported.accountName,
      promotedSubject: exported.promotedSubject,
      industries: exported.industries,
      trademarkIds: exported.trademarkIds,
      notes: `${exported.notes}（改）`,
      // A change the plan sees: the avatar's fit.
      avatarFit: exported.avatarFit === 'pad' ? 'crop' : 'pad',
    })
    const saved = await byName('青禾文化')
    // Notes and fit do not change what the rules saw: still the export's plan.
    expect(saved.state.kind).toBe('exported')
    await backend.handlers['packets.save']({
      id: saved.id,
      version: saved.version,
      applicantCompanyId: saved.applicantCompanyId,
      accountType: saved.accountType,
      accountName: `${saved.accountName}官方`,
      promotedSubject: saved.promotedSubject,
      industries: saved.industries,
      trademarkIds: saved.trademarkIds,
    })
    const renamed = await byName('青禾文化官方')
    expect(renamed.state.kind).toBe('ready')
    expect(renamed.changedAt >= renamed.updatedAt).toBe(true)
  })

  it('recording a submission: 已提交, 已驳回, 已通过, each with a new 更新时间', async () => {
    const packet = await byName('Maple枫叶')
    let last = packet.changedAt
    for (const [result, kind] of [
      ['pending', 'submitted'],
      ['rejected', 'rejected'],
      ['approved', 'approved'],
    ] as const) {
      await backend.handlers['packets.recordSubmission']({
        packetId: packet.id,
        submittedOn: '2026-11-28',
        result,
      })
      const now = await byName('Maple枫叶')
      expect(now.state.kind, result).toBe(kind)
      expect(now.changedAt > last, result).toBe(true)
      last = now.changedAt
    }
  })

  it('letters generated but not signed: 待签字扫描件', async () => {
    const packet = await byName('禾木生活')
    const { letters } = await backend.handlers['letters.generateForPacket']({
      packetId: packet.id,
    })
    expect(letters.length).toBeGreaterThan(0)
    expect((await byName('禾木生活')).state.kind).toBe('awaiting_signature')
  })

  it('a mark whose application is too young (R6): 受阻至 the first day it may be submitted', async () => {
    const packet = await byName('山岚旗舰店')
    const young = (await backend.handlers['trademarks.list']({})).find(
      (t) => t.regNo === '78901234',
    )
    await backend.handlers['packets.save']({
      id: packet.id,
      version: packet.version,
      applicantCompanyId: packet.applicantCompanyId,
      accountType: packet.accountType,
      accountName: packet.accountName,
      promotedSubject: packet.promotedSubject,
      industries: packet.industries,
      trademarkIds: [...packet.trademarkIds, young?.id ?? ''],
    })
    const blocked = await byName('山岚旗舰店')
    expect(blocked.state.kind).toBe('blocked')
    expect(blocked.state.until).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect((blocked.state.until ?? '') > '2026-11-28').toBe(true)
    // Back as it was, for the tests below.
    await backend.handlers['packets.save']({
      id: blocked.id,
      version: blocked.version,
      applicantCompanyId: blocked.applicantCompanyId,
      accountType: blocked.accountType,
      accountName: blocked.accountName,
      promotedSubject: blocked.promotedSubject,
      industries: blocked.industries,
      trademarkIds: packet.trademarkIds,
    })
    expect((await byName('山岚旗舰店')).state.kind).toBe('incomplete')
  })

  it('duplicates a packet for a new account: all but the name and its history', async () => {
    const source = await byName('Maple枫叶')
    const avatars = async (packetId: string) =>
      backend.handlers['documents.list']({ ownerKind: 'packet', ownerId: packetId })
    const copy = await backend.handlers['packets.duplicate']({
      id: source.id,
      accountName: ' Maple枫叶二号 ',
    })
    expect(copy).toMatchObject({
      accountName: 'Maple枫叶二号',
      applicantCompanyId: source.applicantCompanyId,
      accountType: source.accountType,
      promotedSubject: source.promotedSubject,
      industries: source.industries,
      accountIndustry: source.accountIndustry,
      trademarkIds: source.trademarkIds,
      avatarFit: source.avatarFit,
      prerequisites: source.prerequisites,
      archived: false,
    })
    expect(copy.id).not.toBe(source.id)
    const [theirs] = await avatars(source.id)
    const [mine] = await avatars(copy.id)
    expect(mine?.file?.sha256).toBe(theirs?.file?.sha256)
    expect(mine?.id).not.toBe(theirs?.id)
    // No submissions or exports: the copy is what its readiness says.
    expect(await backend.handlers['packets.submissions']({ id: copy.id })).toEqual([])
    expect((await byName('Maple枫叶二号')).state.kind).toBe('email')
    expect((await byName('Maple枫叶')).state.kind).toBe('approved')

    const taken = await dispatch(backend.handlers, 'packets.duplicate', {
      id: source.id,
      accountName: 'Maple枫叶二号',
    })
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const blank = await dispatch(backend.handlers, 'packets.duplicate', {
      id: source.id,
      accountName: '  ',
    })
    expect(blank).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const missing = await dispatch(backend.handlers, 'packets.duplicate', {
      id: 'pk_none',
      accountName: '新的',
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect((await list()).filter((p) => p.accountName.startsWith('Maple'))).toHaveLength(2)
  })

  it('archives and unarchives: only the flag changes', async () => {
    const packet = await byName('山岚旗舰店')
    const archived = await backend.handlers['packets.archive']({ id: packet.id, archived: true })
    expect(archived.archived).toBe(true)
    const listed = await byName('山岚旗舰店')
    expect(listed).toMatchObject({ archived: true, updatedAt: packet.updatedAt })
    expect(listed.state.kind).toBe(packet.state.kind)
    await backend.handlers['packets.archive']({ id: packet.id, archived: false })
    expect((await byName('山岚旗舰店')).archived).toBe(false)
    const missing = await dispatch(backend.handlers, 'packets.archive', {
      id: 'pk_none',
      archived: true,
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('deletes to the recycle bin, restores, and purges with its history', async () => {
    const packet = await byName('Maple枫叶')
    await backend.handlers['library.delete']({ kind: 'packet', id: packet.id })
    expect((await list()).map((p) => p.id)).not.toContain(packet.id)
    expect(await backend.handlers['recycle.list']({})).toContainEqual(
      expect.objectContaining({ kind: 'packet', id: packet.id, title: 'Maple枫叶' }),
    )
    await backend.handlers['recycle.restore']({ kind: 'packet', id: packet.id })
    const back = await byName('Maple枫叶')
    expect(back.state.kind).toBe('approved')
    expect(
      await backend.handlers['documents.list']({ ownerKind: 'packet', ownerId: packet.id }),
    ).not.toEqual([])

    // Its applicant in the bin too: restoring it first is asked for.
    const copy = await byName('Maple枫叶二号')
    await backend.handlers['library.delete']({ kind: 'packet', id: copy.id })
    await backend.handlers['library.delete']({ kind: 'packet', id: packet.id })
    const company = await backend.handlers['companies.save']({
      name: '杭州白杨广告有限公司',
      region: 'domestic',
    })
    const own = await backend.handlers['packets.save']({
      applicantCompanyId: company.id,
      accountType: 'enterprise',
      accountName: '白杨',
      promotedSubject: 'none',
      industries: [],
      trademarkIds: [],
    })
    await backend.handlers['library.delete']({ kind: 'packet', id: own.id })
    await backend.handlers['library.delete']({ kind: 'company', id: company.id })
    const refused = await dispatch(backend.handlers, 'recycle.restore', {
      kind: 'packet',
      id: own.id,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(refused.ok ? '' : refused.error.message).toContain('杭州白杨广告有限公司')
    await backend.handlers['recycle.restore']({ kind: 'company', id: company.id })
    await backend.handlers['recycle.restore']({ kind: 'packet', id: own.id })
    expect((await byName('白杨')).id).toBe(own.id)

    // 彻底删除: the packet, its submissions and exports; its avatar's row with it.
    const purged = await dispatch(backend.handlers, 'recycle.purge', {
      kind: 'packet',
      id: packet.id,
    })
    expect(purged).toEqual({ ok: true, value: { purged: 1 } })
    const db = backend.context.library.db
    for (const table of ['submissions', 'packet_exports', 'packet_trademarks'] as const) {
      expect(
        await db.selectFrom(table).select('packet_id').where('packet_id', '=', packet.id).execute(),
        table,
      ).toEqual([])
    }
    expect(
      await db
        .selectFrom('documents')
        .select('id')
        .where('owner_kind', '=', 'packet')
        .where('owner_id', '=', packet.id)
        .execute(),
    ).toEqual([])
    // The copy still has its avatar file (the same stored file).
    await backend.handlers['recycle.restore']({ kind: 'packet', id: copy.id })
    const [avatar] = await backend.handlers['documents.list']({
      ownerKind: 'packet',
      ownerId: copy.id,
    })
    expect(await backend.context.files.has(avatar?.file?.sha256 ?? '')).toBe(true)
  })
})
