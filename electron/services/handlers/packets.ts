import type { Handlers } from '../../../shared/contract'
import { trademarksHitByName } from '../../../shared/rules/account-name'
import { listTrademarks } from '../library/trademarks'
import { planForPacket } from '../packets/plan-for-packet'
import { requirementTarget } from '../packets/requirement-target'
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
  | 'packets.requirementTarget'
  | 'packets.trademarkHits'
  | 'packets.recordSubmission'
  | 'packets.submissions'

export function packetHandlers(ctx: BackendContext): Pick<Handlers, PacketMethods> {
  const { db } = ctx
  return {
    'industries.catalog': async () => ctx.catalog(),
    'industries.save': async (entry) => {
      saveUserIndustry(db, entry)
      return ctx.catalog()
    },
    'industries.remove': async ({ primary, secondary, hide }) => {
      removeUserIndustry(db, primary, secondary, hide)
      return ctx.catalog()
    },
    'industries.userEdits': async () => userIndustryKeys(db),
    // Each packet with its state by the one definition of ready (planForPacket).
    'packets.list': async () => {
      const asOf = ctx.today()
      return listPackets(db).map((packet) => {
        // One packet that cannot be planned must not hide the others: it shows as not ready.
        try {
          const { plan, formProblems } = planForPacket(ctx, packet.id, asOf)
          return { ...packet, ready: plan.ready, route: plan.route, formProblems }
        } catch {
          const reason = '无法计算此资质包的材料清单（申请主体或相关记录可能已被删除）'
          return { ...packet, ready: false, route: 'online' as const, formProblems: [reason] }
        }
      })
    },
    'packets.save': async (input) => savePacket(db, input),
    'packets.plan': async ({ id }) => {
      const { plan, asOf, formProblems } = planForPacket(ctx, id, ctx.today())
      return { plan, asOf, formProblems }
    },
    'packets.requirementTarget': async (input) =>
      requirementTarget(db, {
        ...input,
        plan: planForPacket(ctx, input.packetId, ctx.today()).plan,
      }),
    // R4: the library's trademarks the account name hits, offered for adding.
    'packets.trademarkHits': async ({ accountName }) =>
      accountName.trim() ? trademarksHitByName(accountName, listTrademarks(db)) : [],
    'packets.recordSubmission': async (input) => {
      getPacket(db, input.packetId)
      const scenario = buildScenario(db, input.packetId, ctx.today())
      recordSubmission(db, input, scenario)
      return listSubmissions(db, input.packetId, scenario)
    },
    'packets.submissions': async ({ id }) =>
      listSubmissions(db, id, buildScenario(db, id, ctx.today())),
  }
}
