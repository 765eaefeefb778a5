import type { Handlers } from '../../../shared/contract'
import { plan } from '../../../shared/rules/plan'
import { trademarksHitByName } from '../../../shared/rules/account-name'
import { listTrademarks } from '../library/trademarks'
import { withPendingLetters } from '../letters/pending'
import { getPacket, listPackets, savePacket } from '../packets/packets'
import { buildScenario } from '../packets/scenario'
import { listSubmissions, recordSubmission } from '../packets/submissions'
import { removeUserIndustry, saveUserIndustry, userIndustryKeys } from '../industries-user'
import type { BackendContext } from './context'

type PacketMethods =
  | 'industries.catalog'
  | 'industries.save'
  | 'industries.remove'
  | 'industries.userEdits'
  | 'packets.list'
  | 'packets.save'
  | 'packets.plan'
  | 'packets.trademarkHits'
  | 'packets.recordSubmission'
  | 'packets.submissions'

export function packetHandlers(ctx: BackendContext): Pick<Handlers, PacketMethods> {
  const { db } = ctx
  const planOf = (id: string) => {
    const asOf = ctx.today()
    return { plan: withPendingLetters(db, plan(buildScenario(db, id, asOf), ctx.catalog())), asOf }
  }
  return {
    'industries.catalog': () => Promise.resolve(ctx.catalog()),
    'industries.save': (entry) => {
      saveUserIndustry(db, entry)
      return Promise.resolve(ctx.catalog())
    },
    'industries.remove': ({ primary, secondary, hide }) => {
      removeUserIndustry(db, primary, secondary, hide)
      return Promise.resolve(ctx.catalog())
    },
    'industries.userEdits': () => Promise.resolve(userIndustryKeys(db)),
    'packets.list': () => Promise.resolve(listPackets(db)),
    'packets.save': (input) => Promise.resolve(savePacket(db, input)),
    'packets.plan': ({ id }) => Promise.resolve(planOf(id)),
    // R4: the library's trademarks the account name hits, offered for adding.
    'packets.trademarkHits': ({ accountName }) =>
      Promise.resolve(
        accountName.trim() ? trademarksHitByName(accountName, listTrademarks(db)) : [],
      ),
    'packets.recordSubmission': (input) => {
      getPacket(db, input.packetId)
      const scenario = buildScenario(db, input.packetId, ctx.today())
      recordSubmission(db, input, scenario)
      return Promise.resolve(listSubmissions(db, input.packetId, scenario))
    },
    'packets.submissions': ({ id }) =>
      Promise.resolve(listSubmissions(db, id, buildScenario(db, id, ctx.today()))),
  }
}
