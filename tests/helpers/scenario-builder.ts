import { loadStarterCatalog } from '../../electron/services/industries'
import { resourcesDir } from '../../electron/services/resources'
import { plan } from '../../shared/rules/plan'
import { scenarioSchema, type Scenario } from '../../shared/rules/scenario'
import type { Plan } from '../../shared/rules/types'
import type { z } from 'zod'

export const CATALOG = loadStarterCatalog(resourcesDir())

export const GOOD_JPEG = { format: 'jpeg', width: 2480, height: 3508, bytes: 800_000, color: true }
export const AVATAR_OK = { format: 'jpeg', width: 800, height: 800, bytes: 120_000 }

type Input = z.input<typeof scenarioSchema>
type MarkInput = Input['trademarks'][number]

/** A domestic applicant with its own registered mark; tests override parts. */
export function baseScenario(): Input {
  return {
    asOf: '2026-11-28',
    applicant: {
      id: 'c-app',
      name: '上海青禾文化传媒有限公司',
      region: 'domestic',
      uscc: '91310000MA1FL0000N',
      businessScope: '文化艺术交流策划；广告设计、代理；市场营销策划',
    },
    account: {
      type: 'enterprise',
      name: '青禾文化',
      promotedSubject: 'none',
      industries: [],
      avatar: AVATAR_OK,
    },
    parties: [],
    trademarks: [mark({})],
    relations: [],
    documents: [],
  }
}

export function mark(overrides: Partial<MarkInput>): MarkInput {
  return {
    id: 'tm-1',
    regNo: '45678901',
    text: '青禾',
    registrant: 'c-app',
    status: 'registered',
    validUntil: '2031-03-13',
    acceptanceDate: null,
    transferee: null,
    officialRegistrantDiffers: null,
    ...overrides,
  }
}

export function scenario(patch: (s: Input) => void): Scenario {
  const s = baseScenario()
  patch(s)
  return scenarioSchema.parse(s)
}

export function planOf(patch: (s: Input) => void): Plan {
  return plan(scenario(patch), CATALOG)
}

export type { Input as ScenarioInput }
