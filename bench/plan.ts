import { plan } from '../shared/rules/plan'
import { scenarioSchema } from '../shared/rules/scenario'
import { loadStarterCatalog } from '../electron/services/industries'
import { resourcesDir } from '../electron/services/resources'
import { median, percentile, timeMs, type Metrics } from './stats'

/** Plan evaluation for a 20-trademark packet with mixed registrants and documents. */
export function benchPlan(): Metrics {
  const catalog = loadStarterCatalog(resourcesDir())
  const parties = Array.from({ length: 20 }, (_, i) => ({
    id: `c-${i}`,
    kind: 'company' as const,
    name: `品牌方${i}`,
    region: i % 3 === 0 ? ('foreign' as const) : ('domestic' as const),
  }))
  const scenario = scenarioSchema.parse({
    asOf: '2026-11-28',
    applicant: {
      id: 'c-app',
      name: '上海青禾文化传媒有限公司',
      region: 'domestic',
      businessScope: '化妆品零售',
    },
    account: {
      type: 'enterprise',
      name: '青禾文化',
      promotedSubject: 'website',
      industries: [{ primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' }],
      avatar: { format: 'jpeg', width: 800, height: 800, bytes: 100_000 },
    },
    parties,
    trademarks: parties.map((p, i) => ({
      id: `tm-${i}`,
      regNo: String(45678900 + i),
      text: `商标${i}`,
      registrant: p.id,
      status: i % 5 === 0 ? 'application_accepted' : 'registered',
      validUntil: '2030-01-01',
      acceptanceDate: i % 5 === 0 ? '2026-01-01' : null,
      transferee: null,
      officialRegistrantDiffers: i % 7 === 0 ? 'change' : null,
    })),
    relations: parties.map((p) => ({
      type: 'authorization',
      from: p.id,
      to: 'c-app',
      validUntil: null,
    })),
    documents: parties.map((_, i) => ({
      requirement: 'trademark_certificate',
      subject: `tm-${i}`,
      file: { format: 'jpeg', width: 2480, height: 3508, bytes: 900_000, color: true },
    })),
  })
  for (let i = 0; i < 200; i++) plan(scenario, catalog) // warm up
  const samples = Array.from({ length: 2000 }, () => timeMs(() => plan(scenario, catalog)))
  return { 'plan.median_ms': median(samples), 'plan.p99_ms': percentile(samples, 99) }
}
