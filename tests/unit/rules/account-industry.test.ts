import { describe, expect, it } from 'vitest'
import type { IndustryCatalog } from '../../../shared/industries/catalog'
import { plan } from '../../../shared/rules/plan'
import { isPacketReady, packetFormProblems } from '../../../shared/rules/readiness'
import { CATALOG, scenario } from '../../helpers/scenario-builder'

/**
 * Issue 13 item 15: Step 1's account-level 行业类别, checked against the business scope like R3
 * checks 推广行业 (RULES.md has no id of its own: R3, account level). Table-tested on the starter
 * catalog, whose new entries carry what the help page says and does not say.
 */
const accountWarnings = (
  businessScope: string,
  accountIndustry: { primary: string; secondary: string } | null | undefined,
  catalog: IndustryCatalog = CATALOG,
) =>
  plan(
    scenario((s) => {
      s.applicant.businessScope = businessScope
      if (accountIndustry !== undefined) s.account.accountIndustry = accountIndustry
    }),
    catalog,
  ).warnings.filter((w) => w.subject === 'account')

const design = { primary: '商务服务', secondary: '设计' }

describe('R3 account level: 行业类别 against the business scope', () => {
  it.each([
    ['the help page’s own example, scope with 专业设计服务', '专业设计服务；平面设计', design, 0],
    ['design named inside 广告设计、代理', '广告设计、代理；市场营销策划', design, 0],
    ['a scope without any design', '品牌管理；化妆品批发；化妆品零售', design, 1],
    ['an empty scope', '', design, 1],
    [
      '广告/营销 on an advertising scope',
      '广告制作；广告发布',
      { primary: '商务服务', secondary: '广告/营销' },
      0,
    ],
    [
      '文化传媒 on a cosmetics shop',
      '化妆品零售',
      { primary: '文化传媒', secondary: '文化传播/品牌内容' },
      1,
    ],
    ['no account industry in the scenario: not checked', '化妆品零售', undefined, 0],
    ['null account industry: not checked (the form requires it)', '化妆品零售', null, 0],
  ] as const)('%s', (_name, scope, chosen, expected) => {
    const warnings = accountWarnings(scope, chosen)
    expect(warnings).toHaveLength(expected)
    for (const w of warnings) {
      expect(w.rule).toBe('R3')
      expect(w.message).toMatch(/^R3（账号行业类别）：经营范围中未找到与“.+”相关的表述/)
    }
  })

  it('names the pair and a few of its keywords, in Chinese, citing R3', () => {
    const [warning] = accountWarnings('化妆品零售', design)
    expect(warning?.message).toContain('商务服务/设计')
    expect(warning?.message).toContain('专业设计服务')
    expect(warning?.message).toContain('账号信息的行业类别须与营业执照经营范围一致')
  })

  it('an industry the catalog does not have is a warning of its own, not a crash', () => {
    const [warning] = accountWarnings('化妆品零售', { primary: '不存在', secondary: '行业' })
    expect(warning?.message).toMatch(/^R3（账号行业类别）：行业目录中没有“不存在\/行业”/)
  })

  it('asks for no documents and blocks nothing: only a warning', () => {
    const withIt = plan(
      scenario((s) => {
        s.applicant.businessScope = '化妆品零售'
        s.account.accountIndustry = design
      }),
      CATALOG,
    )
    const without = plan(
      scenario((s) => {
        s.applicant.businessScope = '化妆品零售'
      }),
      CATALOG,
    )
    expect(withIt.requirements).toEqual(without.requirements)
    expect(withIt.ready).toBe(without.ready)
    expect(withIt.blockers).toEqual(without.blockers)
  })

  it('is separate from 推广行业: the same pair there warns under its own subject', () => {
    const p = plan(
      scenario((s) => {
        s.applicant.businessScope = '化妆品零售'
        s.account.accountIndustry = design
        s.account.industries = [design]
      }),
      CATALOG,
    )
    const subjects = p.warnings.filter((w) => w.rule === 'R3').map((w) => w.subject)
    expect(subjects).toEqual(expect.arrayContaining(['account', '商务服务/设计']))
  })
})

describe('the starter catalog’s agency industries (issue 13 item 15)', () => {
  const added = [
    ['商务服务', '设计'],
    ['商务服务', '广告/营销'],
    ['文化传媒', '文化传播/品牌内容'],
  ] as const
  it.each(added)('%s | %s is there, with a low confidence and an honest source', (p, s) => {
    const entry = CATALOG.industries.find((e) => e.primary === p && e.secondary === s)
    expect(entry).toBeDefined()
    expect(entry?.confidence).toBe('law-practice')
    expect(entry?.scopeKeywords.length).toBeGreaterThan(0)
    // Says what the help page does not say.
    expect(entry?.restriction).toMatch(/帮助页/)
  })

  it('cites the help page as a source (the only one for 商务服务 | 设计)', () => {
    const source = CATALOG.sources.find((s) => s.id === 'h1')
    expect(source?.title).toContain('商务服务 | 设计')
    expect(source?.title).toContain('未列出')
  })
})

describe('the one definition of ready counts the account industry', () => {
  const form = {
    applicantCompanyId: 'c-app',
    accountName: '青禾文化',
    industries: [design],
    hasAvatar: true,
  }
  it.each([
    [null, false],
    [design, true],
  ] as const)('account industry %j → ready %s', (accountIndustry, ready) => {
    const problems = packetFormProblems({ ...form, accountIndustry })
    expect(isPacketReady(true, problems)).toBe(ready)
    if (!ready) expect(problems).toEqual([expect.stringContaining('尚未选择账号行业类别')])
  })
})
