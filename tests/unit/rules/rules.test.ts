import { describe, expect, it } from 'vitest'
import { RULE_IDS, RULE_SOURCES } from '../../../shared/rules/sources'
import { isAnyOf, type Plan, type PlainRequirement } from '../../../shared/rules/types'
import { planKeys } from '../../helpers/plan-compare'
import { plan } from '../../../shared/rules/plan'
import {
  AVATAR_OK,
  CATALOG,
  GOOD_JPEG,
  mark,
  planOf,
  scenario,
} from '../../helpers/scenario-builder'

const warningKeys = (p: Plan) => p.warnings.map((w) => `${w.rule}@${w.subject}`)
const blockerKeys = (p: Plan) => p.blockers.map((b) => `${b.rule}@${b.subject}`)
const item = (p: Plan, id: string, subject: string) =>
  p.requirements.find(
    (r): r is PlainRequirement => !isAnyOf(r) && r.id === id && r.subject === subject,
  )

const brand = {
  id: 'c-brand',
  kind: 'company' as const,
  name: '杭州山岚品牌管理有限公司',
  region: 'domestic' as const,
}
const foreignBrand = {
  id: 'c-f',
  kind: 'company' as const,
  name: 'Maple Leaf Goods Ltd.',
  region: 'foreign' as const,
}
const agent = {
  id: 'c-g',
  kind: 'company' as const,
  name: '上海总代贸易有限公司',
  region: 'domestic' as const,
}
const agent2 = {
  id: 'c-h',
  kind: 'company' as const,
  name: '苏州二级代理有限公司',
  region: 'domestic' as const,
}
const person = (number: string, type: 'resident_id' | 'passport' = 'resident_id') => ({
  id: 'p-1',
  kind: 'person' as const,
  name: '张伟',
  idDocument: { type, number },
})

describe('R1 avatar', () => {
  it.each([
    ['missing', null, 'missing'],
    ['800×800 JPG', AVATAR_OK, 'satisfied'],
    ['exactly 1,000,000 bytes', { ...AVATAR_OK, bytes: 1_000_000 }, 'satisfied'],
    ['1,000,001 bytes', { ...AVATAR_OK, bytes: 1_000_001 }, 'fixable'],
    ['PNG', { ...AVATAR_OK, format: 'png' }, 'fixable'],
    ['jpg spelled jpg', { ...AVATAR_OK, format: 'jpg' }, 'satisfied'],
    ['not square', { ...AVATAR_OK, height: 600 }, 'fixable'],
    ['HEIC', { ...AVATAR_OK, format: 'heic' }, 'invalid'],
    ['docx', { ...AVATAR_OK, format: 'docx' }, 'invalid'],
  ] as const)('%s → %s', (_label, avatar, status) => {
    const p = planOf((s) => {
      s.account.avatar = avatar
    })
    expect(item(p, 'avatar', '')?.status).toBe(status)
  })

  it('warns when square but not 800×800', () => {
    const p = planOf((s) => {
      s.account.avatar = { ...AVATAR_OK, width: 640, height: 640 }
    })
    expect(item(p, 'avatar', '')?.status).toBe('satisfied')
    expect(warningKeys(p)).toContain('R1@')
  })
})

describe('R2 other files', () => {
  it.each([
    ['small JPG', GOOD_JPEG, 'satisfied'],
    ['small PNG', { ...GOOD_JPEG, format: 'png' }, 'satisfied'],
    ['oversize JPG', { ...GOOD_JPEG, bytes: 3_000_000 }, 'fixable'],
    ['PDF scan', { format: 'pdf', bytes: 2_000_000, pages: 2 }, 'fixable'],
    ['WebP', { ...GOOD_JPEG, format: 'webp' }, 'fixable'],
    ['TIFF', { ...GOOD_JPEG, format: 'tiff' }, 'fixable'],
    ['HEIC', { ...GOOD_JPEG, format: 'heic' }, 'invalid'],
    ['docx', { format: 'docx', bytes: 10_000 }, 'invalid'],
  ] as const)('certificate as %s → %s', (_label, file, status) => {
    const p = planOf((s) => {
      s.documents = [{ requirement: 'trademark_certificate', subject: 'tm-1', file }]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe(status)
  })

  it('takes the best of several files and is ready when everything is satisfied', () => {
    const p = planOf((s) => {
      s.documents = [
        { requirement: 'trademark_certificate', subject: 'tm-1', file: { format: 'heic' } },
        { requirement: 'trademark_certificate', subject: 'tm-1', file: GOOD_JPEG },
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
    expect(p.ready).toBe(true)
  })

  it('fixable items still count as ready', () => {
    const p = planOf((s) => {
      s.account.avatar = { ...AVATAR_OK, format: 'png' }
      s.documents = [
        { requirement: 'trademark_certificate', subject: 'tm-1', file: { format: 'pdf' } },
      ]
    })
    expect(p.ready).toBe(true)
  })
})

describe('R3 industry', () => {
  const pair = { primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' }
  const subject = `${pair.primary}/${pair.secondary}`

  it('warns when no industry is chosen, and the plan stays evaluable', () => {
    const p = planOf(() => undefined)
    expect(warningKeys(p)).toContain('R3@')
    expect(p.requirements.some((r) => !isAnyOf(r) && r.id === 'industry_qualification')).toBe(false)
  })

  it('lists the catalog documents and is missing without files', () => {
    const p = planOf((s) => {
      s.account.industries = [pair]
    })
    const industry = item(p, 'industry_qualification', subject)
    expect(industry?.status).toBe('missing')
    expect(industry?.slot).toBe('industry')
    expect(industry?.documents?.length).toBeGreaterThan(0)
    expect(p.ready).toBe(false)
  })

  it('greyscale scan is invalid, colour scan satisfies', () => {
    const grey = planOf((s) => {
      s.account.industries = [pair]
      s.documents = [
        { requirement: 'industry_qualification', subject, file: { ...GOOD_JPEG, color: false } },
      ]
    })
    expect(item(grey, 'industry_qualification', subject)?.status).toBe('invalid')
    const colour = planOf((s) => {
      s.account.industries = [pair]
      s.documents = [{ requirement: 'industry_qualification', subject, file: GOOD_JPEG }]
    })
    expect(item(colour, 'industry_qualification', subject)?.status).toBe('satisfied')
  })

  it('warns when the business scope has none of the industry keywords', () => {
    const p = planOf((s) => {
      s.account.industries = [pair]
    })
    expect(warningKeys(p)).toContain(`R3@${subject}`)
    const matching = planOf((s) => {
      s.account.industries = [pair]
      s.applicant.businessScope = '化妆品零售；日用百货销售'
    })
    expect(warningKeys(matching)).not.toContain(`R3@${subject}`)
  })

  it('warns about an industry missing from the catalog', () => {
    const p = planOf((s) => {
      s.account.industries = [{ primary: '不存在', secondary: '行业' }]
    })
    expect(warningKeys(p)).toContain('R3@不存在/行业')
  })
})

describe('R4 account name', () => {
  it('warns when the name matches only after width/case/space folding', () => {
    const p = planOf((s) => {
      s.account.name = 'ＭＡＰＬＥ 旗舰店'
      s.trademarks = [mark({ text: 'Maple' })]
    })
    expect(warningKeys(p)).toContain('R4@tm-1')
  })

  it('no R4 warning for a literal hit', () => {
    const p = planOf(() => undefined)
    expect(warningKeys(p)).not.toContain('R4@tm-1')
  })

  it('every listed mark is used even when the name does not contain it', () => {
    const p = planOf((s) => {
      s.account.name = '另一个名字'
    })
    expect(planKeys(p)).toContain('trademark_certificate:tm-1:missing')
    expect(warningKeys(p)).toContain('R4@tm-1')
  })
})

describe('R5 registered trademark', () => {
  it.each([
    ['expired yesterday', '2026-11-27', true, false],
    ['expires on the as-of date', '2026-11-28', false, true],
    ['expires in 90 days', '2027-02-26', false, true],
    ['expires in 91 days', '2027-02-27', false, false],
  ])('%s: renewal proof %s, warning %s', (_label, validUntil, renewal, warning) => {
    const p = planOf((s) => {
      s.trademarks = [mark({ validUntil })]
    })
    expect(planKeys(p).includes('trademark_renewal_proof:tm-1:missing')).toBe(renewal)
    expect(warningKeys(p).includes('R5@tm-1')).toBe(warning)
  })

  it('no valid-until: no expiry checks', () => {
    const p = planOf((s) => {
      s.trademarks = [mark({ validUntil: null })]
    })
    expect(planKeys(p)).toEqual(['avatar::satisfied', 'trademark_certificate:tm-1:missing'])
  })

  it.each([
    ['change', 'trademark_change_proof'],
    ['transfer', 'trademark_transfer_proof'],
  ] as const)('official registrant differs by %s → %s', (reason, id) => {
    const p = planOf((s) => {
      s.trademarks = [mark({ officialRegistrantDiffers: reason })]
    })
    expect(planKeys(p)).toContain(`${id}:tm-1:missing`)
  })
})

describe('R6 application age', () => {
  it.each([
    ['2026-08-15', '2026-11-16'],
    ['2026-11-30', '2027-03-01'],
    ['2026-08-31', '2026-12-01'],
    ['2023-11-30', '2024-03-01'], // leap year: period ends 2024-02-29
    ['2023-11-29', '2024-03-01'],
    ['2023-11-28', '2024-02-29'],
    ['2024-11-29', '2025-03-01'],
    ['2026-12-31', '2027-04-01'],
    ['2026-10-31', '2027-02-01'],
  ])('stamp %s → may submit from %s', (stamp, until) => {
    const blocked = planOf((s) => {
      s.asOf = '2020-01-01'
      s.trademarks = [
        mark({ status: 'application_accepted', validUntil: null, acceptanceDate: stamp }),
      ]
    })
    expect(blocked.blockers).toEqual([
      expect.objectContaining({ rule: 'R6', subject: 'tm-1', until }),
    ])
    expect(blocked.ready).toBe(false)
    const onTheDay = planOf((s) => {
      s.asOf = until
      s.trademarks = [
        mark({ status: 'application_accepted', validUntil: null, acceptanceDate: stamp }),
      ]
    })
    expect(blockerKeys(onTheDay)).toEqual([])
    expect(planKeys(onTheDay)).toContain('trademark_acceptance_notice:tm-1:missing')
  })

  it('the day before is still blocked', () => {
    const p = planOf((s) => {
      s.asOf = '2026-11-15'
      s.trademarks = [mark({ status: 'application_accepted', acceptanceDate: '2026-08-15' })]
    })
    expect(p.blockers[0]?.until).toBe('2026-11-16')
    expect(p.blockers[0]?.message).toContain('可于 2026-11-16 起提交')
  })

  it('a missing stamp date is a blocker without a date (the app’s library; a scenario file is refused)', () => {
    const s = scenario((x) => {
      x.trademarks = [mark({ status: 'application_accepted', acceptanceDate: '2026-01-01' })]
    })
    const tm = s.trademarks[0]
    if (tm) tm.acceptanceDate = null
    const p = plan(s, CATALOG)
    expect(blockerKeys(p)).toEqual(['R6@tm-1'])
    expect(p.blockers[0]?.until).toBeUndefined()
  })
})

describe('R7 transfer accepted', () => {
  it('the transferee applies: notice and certificate, no link, no blocker', () => {
    const p = planOf((s) => {
      s.parties = [brand]
      s.trademarks = [
        mark({ status: 'transfer_accepted', registrant: 'c-brand', transferee: 'c-app' }),
      ]
    })
    expect(planKeys(p).sort()).toEqual(
      [
        'avatar::satisfied',
        'trademark_certificate:tm-1:missing',
        'trademark_transfer_notice:tm-1:missing',
      ].sort(),
    )
    expect(p.blockers).toEqual([])
  })

  it('anyone else is blocked', () => {
    const p = planOf((s) => {
      s.parties = [brand]
      s.trademarks = [
        mark({ status: 'transfer_accepted', registrant: 'c-brand', transferee: 'c-brand' }),
      ]
    })
    expect(blockerKeys(p)).toEqual(['R7@tm-1'])
  })
})

describe('R8 route', () => {
  it('foreign applicant with a link → email, link items in the email slot', () => {
    const p = planOf((s) => {
      s.applicant.region = 'foreign'
      s.applicant.uscc = null
      s.parties = [brand]
      s.trademarks = [mark({ registrant: 'c-brand' })]
    })
    expect(p.route).toBe('email')
    const link = p.requirements.find(isAnyOf)
    expect(link?.slot).toBe('email')
    expect(item(p, 'trademark_certificate', 'tm-1')?.slot).toBe('other')
  })

  it('foreign applicant with its own mark → online', () => {
    const p = planOf((s) => {
      s.applicant.region = 'foreign'
    })
    expect(p.route).toBe('online')
  })

  it('domestic applicant with a link → online, slot other', () => {
    const p = planOf((s) => {
      s.parties = [brand]
      s.trademarks = [mark({ registrant: 'c-brand' })]
    })
    expect(p.route).toBe('online')
    expect(p.requirements.find(isAnyOf)?.slot).toBe('other')
  })
})

describe('R9 domestic company registrant', () => {
  const withBrand = (relations: unknown[]) =>
    planOf((s) => {
      s.parties = [brand]
      s.trademarks = [mark({ registrant: 'c-brand' })]
      s.relations = relations as typeof s.relations
    })

  it('declared authorization → the letter', () => {
    const p = withBrand([{ type: 'authorization', from: 'c-brand', to: 'c-app' }])
    expect(planKeys(p)).toContain('authorization_letter:c-brand->c-app:missing')
  })

  it('declared parent–subsidiary (either direction) → the proof with sorted subject', () => {
    const p = withBrand([{ type: 'parent_subsidiary', parent: 'c-app', child: 'c-brand' }])
    expect(planKeys(p)).toContain('parent_subsidiary_proof:c-app<->c-brand:missing')
  })

  it('both declared → anyOf', () => {
    const p = withBrand([
      { type: 'authorization', from: 'c-brand', to: 'c-app' },
      { type: 'parent_subsidiary', parent: 'c-brand', child: 'c-app' },
    ])
    expect(planKeys(p)).toContain(
      'anyOf(authorization_letter:c-brand->c-app|parent_subsidiary_proof:c-app<->c-brand):missing',
    )
  })

  it('R14: an expired declared relation is invalid even without a file', () => {
    const p = withBrand([
      { type: 'authorization', from: 'c-brand', to: 'c-app', validUntil: '2026-11-27' },
    ])
    expect(planKeys(p)).toContain('authorization_letter:c-brand->c-app:invalid')
    const onTheDay = withBrand([
      { type: 'authorization', from: 'c-brand', to: 'c-app', validUntil: '2026-11-28' },
    ])
    expect(planKeys(onTheDay)).toContain('authorization_letter:c-brand->c-app:missing')
  })

  it('anyOf takes the best alternative', () => {
    const p = planOf((s) => {
      s.parties = [brand]
      s.trademarks = [mark({ registrant: 'c-brand' })]
      s.documents = [
        { requirement: 'trademark_certificate', subject: 'tm-1', file: GOOD_JPEG },
        {
          requirement: 'parent_subsidiary_proof',
          subject: 'c-app<->c-brand',
          file: { format: 'pdf' },
        },
      ]
    })
    expect(planKeys(p)).toContain(
      'anyOf(authorization_letter:c-brand->c-app|parent_subsidiary_proof:c-app<->c-brand):fixable',
    )
    expect(p.ready).toBe(true)
  })

  it('R14: an expired document does not satisfy', () => {
    const p = planOf((s) => {
      s.parties = [brand]
      s.trademarks = [mark({ registrant: 'c-brand' })]
      s.relations = [{ type: 'authorization', from: 'c-brand', to: 'c-app' }]
      s.documents = [
        {
          requirement: 'authorization_letter',
          subject: 'c-brand->c-app',
          file: GOOD_JPEG,
          validUntil: '2025-01-01',
        },
      ]
    })
    expect(planKeys(p)).toContain('authorization_letter:c-brand->c-app:invalid')
  })

  it('the same link reached through two marks is listed once', () => {
    const p = planOf((s) => {
      s.parties = [brand]
      s.trademarks = [
        mark({ registrant: 'c-brand' }),
        mark({ id: 'tm-2', text: '青禾文化', registrant: 'c-brand' }),
      ]
    })
    expect(p.requirements.filter(isAnyOf)).toHaveLength(1)
  })
})

describe('R10 foreign company registrant', () => {
  const foreign = (relations: unknown[], parties: unknown[] = []) =>
    planOf((s) => {
      s.parties = [foreignBrand, ...(parties as typeof s.parties)]
      s.trademarks = [mark({ registrant: 'c-f' })]
      s.relations = relations as typeof s.relations
    })

  it('neither declared → anyOf of general agency and parent–subsidiary', () => {
    expect(planKeys(foreign([]))).toContain(
      'anyOf(general_agency_authorization:c-f->c-app|parent_subsidiary_proof:c-app<->c-f):missing',
    )
  })

  it('declared general agency to the applicant', () => {
    expect(planKeys(foreign([{ type: 'general_agency', from: 'c-f', to: 'c-app' }]))).toContain(
      'general_agency_authorization:c-f->c-app:missing',
    )
  })

  it('through one general agent G: F→G general agency, then R9 choice between G and applicant', () => {
    const p = foreign(
      [
        { type: 'general_agency', from: 'c-f', to: 'c-g' },
        { type: 'authorization', from: 'c-g', to: 'c-app' },
      ],
      [agent],
    )
    expect(planKeys(p)).toEqual(
      expect.arrayContaining([
        'general_agency_authorization:c-f->c-g:missing',
        'authorization_letter:c-g->c-app:missing',
      ]),
    )
    expect(p.blockers).toEqual([])
  })

  it('through G with nothing declared between G and the applicant → anyOf for G', () => {
    const p = foreign([{ type: 'general_agency', from: 'c-f', to: 'c-g' }], [agent])
    expect(planKeys(p)).toContain(
      'anyOf(authorization_letter:c-g->c-app|parent_subsidiary_proof:c-app<->c-g):missing',
    )
  })

  it('two levels of general agency → blocker R10', () => {
    const p = foreign(
      [
        { type: 'general_agency', from: 'c-f', to: 'c-g' },
        { type: 'general_agency', from: 'c-g', to: 'c-h' },
        { type: 'authorization', from: 'c-h', to: 'c-app' },
      ],
      [agent, agent2],
    )
    expect(blockerKeys(p)).toEqual(['R10@tm-1'])
  })

  it('a direct relation takes precedence over a path through G', () => {
    const p = foreign(
      [
        { type: 'general_agency', from: 'c-f', to: 'c-g' },
        { type: 'authorization', from: 'c-g', to: 'c-app' },
        { type: 'parent_subsidiary', parent: 'c-f', child: 'c-app' },
      ],
      [agent],
    )
    const keys = planKeys(p)
    expect(keys).toContain('parent_subsidiary_proof:c-app<->c-f:missing')
    expect(keys.some((k) => k.includes('c-g'))).toBe(false)
  })
})

describe('R11 person registrant', () => {
  const withPerson = (p: ReturnType<typeof person> | Record<string, unknown>) =>
    planOf((s) => {
      s.parties = [p as ReturnType<typeof person>]
      s.trademarks = [mark({ registrant: 'p-1' })]
      s.relations = [{ type: 'authorization', from: 'p-1', to: 'c-app' }]
    })

  it.each([
    ['valid resident ID', person('11010519491231002X'), 'missing'],
    ['lower-case x normalised', person('11010519491231002x'), 'missing'],
    ['15-digit legacy number', person('110105491231002'), 'missing'],
    ['PRC passport', person('E12345678', 'passport'), 'missing'],
    ['wrong check digit', person('110105194912310021'), 'invalid'],
    ['impossible birth date', person('110105194902300020'), 'invalid'],
    ['birth date in the future', person('110105203001010011'), 'invalid'],
    ['wrong length', person('1101051949123100'), 'invalid'],
    ['no ID document', { id: 'p-1', kind: 'person', name: '张伟' }, 'invalid'],
  ] as const)('%s → letter %s', (_label, p, status) => {
    const result = withPerson(p)
    expect(planKeys(result)).toContain(`authorization_letter:p-1->c-app:${status}`)
    expect(planKeys(result)).toContain('registrant_id_copy:p-1:missing')
    if (status === 'invalid') {
      expect(item(result, 'authorization_letter', 'p-1->c-app')?.reasons.join('')).toContain('R11')
    }
  })
})

describe('R12 applicant', () => {
  it('a person cannot apply', () => {
    const p = planOf((s) => {
      s.applicant.kind = 'person'
    })
    expect(blockerKeys(p)).toContain('R12@c-app')
  })

  it('a wrong USCC check character is a warning only', () => {
    const p = planOf((s) => {
      s.applicant.uscc = '91310000MA1FL0000A'
      s.documents = [{ requirement: 'trademark_certificate', subject: 'tm-1', file: GOOD_JPEG }]
    })
    expect(warningKeys(p)).toContain('R12@c-app')
    expect(p.ready).toBe(true)
  })
})

describe('R13 promoted subject', () => {
  it('website → ICP screenshot; app → software copyright (colour)', () => {
    expect(planKeys(planOf((s) => void (s.account.promotedSubject = 'website')))).toContain(
      'icp_filing_screenshot::missing',
    )
    const app = planOf((s) => {
      s.account.promotedSubject = 'app'
      s.documents = [
        {
          requirement: 'software_copyright_certificate',
          subject: '',
          file: { ...GOOD_JPEG, color: false },
        },
      ]
    })
    expect(planKeys(app)).toContain('software_copyright_certificate::invalid')
  })
})

describe('plan shape', () => {
  it('cites a rule on every item and writes messages in Chinese', () => {
    const p = planOf((s) => {
      s.asOf = '2026-09-01'
      s.parties = [brand]
      s.trademarks = [
        mark({
          registrant: 'c-brand',
          status: 'application_accepted',
          acceptanceDate: '2026-08-15',
        }),
      ]
    })
    for (const r of p.requirements) expect(r.rule).toMatch(/^R\d+$/)
    for (const b of [...p.blockers, ...p.warnings]) {
      expect(b.message).toMatch(/[\u4e00-\u9fff]/)
      expect(b.message).toContain(b.rule)
    }
  })
})

describe('rule vocabulary', () => {
  it('every rule id has the source sentence the UI shows, in rule order', () => {
    expect(RULE_IDS).toEqual(Array.from({ length: 18 }, (_, i) => `R${i + 1}`))
    for (const id of RULE_IDS) expect(RULE_SOURCES[id].length).toBeGreaterThan(10)
  })
})
