import type { Handlers } from '../../../shared/contract'
import { getDocument } from '../library/documents'
import { listPackets } from '../packets/packets'
import { planForPacket } from '../packets/plan-for-packet'
import type { BackendContext } from './context'

/**
 * What a delete would do, asked before it (issue 13 item 2): the packets ready now that would
 * stop being ready without the document — by the one definition of ready (planForPacket), each
 * packet planned as it is and without the document.
 */
export function impactHandlers(ctx: BackendContext): Pick<Handlers, 'library.deleteImpact'> {
  return {
    'library.deleteImpact': async ({ id }) => {
      await getDocument(ctx.library.db, id)
      const asOf = ctx.today()
      const without = new Set([id])
      const stopsReady: { id: string; accountName: string }[] = []
      for (const packet of await listPackets(ctx.library.db)) {
        try {
          const now = await planForPacket(ctx, packet.id, asOf)
          if (!now.plan.ready) continue
          const after = await planForPacket(ctx, packet.id, asOf, without)
          if (!after.plan.ready) stopsReady.push({ id: packet.id, accountName: packet.accountName })
        } catch {
          // A packet that cannot be planned is not ready now: nothing it would lose.
        }
      }
      return { stopsReady }
    },
  }
}
