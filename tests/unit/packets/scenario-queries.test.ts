import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import {
  listDocumentsOwnedBy,
  listDocumentsServing,
} from '../../../electron/services/library/documents'
import {
  listRelations,
  listRelationsByIds,
  listRelationsTouching,
} from '../../../electron/services/library/relations'
import { buildScenario, scopeOwnerIds } from '../../../electron/services/packets/scenario'
import { documentServesPacket } from '../../../shared/rules/requirement-derive'
import { demoBackend } from '../../helpers/backend'

/**
 * The scenario reads what a packet needs, not whole tables (issue 14, start-up): the narrower
 * queries give exactly what the whole tables filtered gave, on the demo library.
 */
let backend: Backend
let cleanup: () => void
beforeAll(async () => {
  ;({ backend, cleanup } = await demoBackend())
}, 60_000)
afterAll(() => cleanup())
const db = () => backend.context.library.db

describe('a packet scenario’s narrower queries', () => {
  it('relations touching some parties: the whole list filtered, in its order', async () => {
    const all = await listRelations(db())
    expect(all.length).toBeGreaterThan(2)
    const ends = [...new Set(all.flatMap((r) => [r.from.id, r.to.id]))]
    for (const id of ends) {
      const ids = [id, 'co-none']
      expect(await listRelationsTouching(db(), ids)).toEqual(
        all.filter((r) => ids.includes(r.from.id) || ids.includes(r.to.id)),
      )
    }
    expect(await listRelationsTouching(db(), [])).toEqual([])
  })

  it('relations by id: the live ones asked for', async () => {
    const all = await listRelations(db())
    const wanted = [all[0]?.id ?? '', all[2]?.id ?? '', 're-none']
    const found = await listRelationsByIds(db(), wanted)
    expect(found.map((r) => r.id).sort()).toEqual([all[0]?.id, all[2]?.id].sort())
    expect(found).toEqual(expect.arrayContaining([all[0], all[2]]))
    expect(await listRelationsByIds(db(), [])).toEqual([])
  })

  it('documents serving a packet: its owners’ documents filtered by the owner rule, oldest first', async () => {
    const packets = await backend.handlers['packets.list']({})
    expect(packets.length).toBeGreaterThan(2)
    let served = 0
    for (const packet of packets) {
      const scenario = await buildScenario(db(), packet.id, '2026-11-28')
      const scope = {
        packetId: packet.id,
        applicantId: packet.applicantCompanyId,
        trademarkIds: new Set(scenario.trademarks.map((t) => t.id)),
        partyIds: new Set(scenario.parties.map((p) => p.id)),
        relationIds: new Set(
          (await listRelations(db()))
            .filter((r) =>
              scenario.relations.some((s) =>
                'parent' in s
                  ? s.parent === r.from.id && s.child === r.to.id
                  : s.from === r.from.id && s.to === r.to.id,
              ),
            )
            .map((r) => r.id),
        ),
      }
      const expected = (await listDocumentsOwnedBy(db(), scopeOwnerIds(scope))).filter((d) =>
        documentServesPacket(d, scope),
      )
      const serving = (await listDocumentsServing(db(), scope)).filter((d) =>
        documentServesPacket(d, scope),
      )
      expect(serving, packet.accountName).toEqual(expected)
      served += serving.length
    }
    expect(served).toBeGreaterThan(0)
  })
})
