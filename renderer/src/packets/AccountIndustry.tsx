import { Alert, Select, Text } from '@mantine/core'
import type { IndustryEntry } from '../../../shared/industries/catalog'
import { scopeMatches } from '../../../shared/rules/industry'
import { useI18n } from '../i18n/I18nProvider'

type Pair = { primary: string; secondary: string }

const keyOf = (pair: Pair) => JSON.stringify([pair.primary, pair.secondary])

function pairOf(key: string | null): Pair | null {
  if (!key) return null
  const parsed = JSON.parse(key) as unknown
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string')
    return null
  return { primary: parsed[0], secondary: parsed[1] }
}

/**
 * 企业主体 / 企业员工, said where they are chosen (issue 13 item 17). The help page names the two
 * types and links a 账号类型说明 it does not include; what it does say is that the brand
 * account's subject must be a company and that its name, avatar and subject come from the
 * 专业号 certification.
 */
export function AccountTypeNote(props: { accountType: 'enterprise' | 'employee' }) {
  const { pick } = useI18n()
  return (
    <Text size="sm" c="dimmed" data-testid="account-type-note">
      {props.accountType === 'enterprise'
        ? pick(
            '企业主体：账号代表申请公司本身，主体信息取自专业号认证，这也是本工作台准备材料的情形。平台要求品牌账号的注册主体为企业。',
            'Enterprise: the account stands for the applicant company itself; its subject comes from the professional-account certification. This is the case PacketDesk prepares packets for.',
          )
        : pick(
            '企业员工：账号属于公司的员工，以员工身份为公司发布内容。平台帮助页只列出这一选项，未附说明正文，选择前请在聚光的“查看账号类型说明”中核对要求。',
            "Employee: the account belongs to a member of staff who posts for the company. The help page lists this option without explaining it; check Juguang's own account-type note before choosing it.",
          )}
    </Text>
  )
}

/**
 * Step 1's account-level 行业类别 (issue 13 item 15): one 一级 | 二级 pair from the catalog,
 * separate from Step 3's 推广行业. Checked here against the applicant's business scope as the
 * plan's R3 account-level check does (shared/rules/industry.ts).
 */
export function AccountIndustrySelect(props: {
  value: Pair | null
  entries: readonly IndustryEntry[]
  /** The applicant's 经营范围, or null before an applicant is chosen. */
  businessScope: string | null
  onChange: (value: Pair | null) => void
}) {
  const { pick } = useI18n()
  const groups = new Map<string, { value: string; label: string }[]>()
  const options = [...props.entries]
  // A stored choice the catalog no longer has stays visible (the plan says it is unknown).
  const stored = props.value
  if (
    stored &&
    !options.some((e) => e.primary === stored.primary && e.secondary === stored.secondary)
  ) {
    options.push({ ...stored, documents: [], scopeKeywords: [], confidence: 'user' })
  }
  for (const e of options) {
    const items = groups.get(e.primary) ?? []
    items.push({ value: keyOf(e), label: `${e.primary} | ${e.secondary}` })
    groups.set(e.primary, items)
  }
  const entry = stored
    ? props.entries.find((e) => e.primary === stored.primary && e.secondary === stored.secondary)
    : undefined
  const mismatch =
    entry !== undefined && props.businessScope !== null && !scopeMatches(entry, props.businessScope)
  return (
    <>
      <Select
        label={pick('行业类别（账号信息）', 'Account industry (account info)')}
        description={pick(
          '平台表单第 1 步的行业类别，与第 3 步的推广行业分开填写。需和营业执照的经营范围保持一致；涉及多个行业时，选其中一个重点行业。',
          "The industry of step 1 of the platform's form, separate from the promoted industries of step 3. It must match the business scope on the licence; if several apply, choose the main one.",
        )}
        placeholder={pick('一级 | 二级', 'Primary | secondary')}
        data={[...groups].map(([group, items]) => ({ group, items }))}
        value={props.value ? keyOf(props.value) : null}
        onChange={(key) => props.onChange(pairOf(key))}
        searchable
        clearable
        required
        data-testid="account-industry"
      />
      {mismatch && entry && (
        <Alert color="yellow" data-testid="account-industry-warning">
          {pick(
            `R3（账号行业类别）：申请主体的经营范围中没有与“${entry.primary} | ${entry.secondary}”相关的表述（如：${entry.scopeKeywords.slice(0, 3).join('、')}）。请另选行业类别，或先核对营业执照的经营范围。`,
            `R3 (account industry): the applicant's business scope names nothing of this industry. Choose another account industry, or check the business scope on the licence first.`,
          )}
        </Alert>
      )}
    </>
  )
}
