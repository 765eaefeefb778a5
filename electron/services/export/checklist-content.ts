import { industrySubject } from '../../../shared/industries/catalog'
import type { Packet, Prerequisite } from '../../../shared/library/schemas'
import { TRADEMARK_STATUS_LABELS } from '../../../shared/i18n/labels'
import { STATUS_LABELS } from '../../../shared/rules/labels'
import type { Scenario } from '../../../shared/rules/scenario'
import { RULE_SOURCES } from '../../../shared/rules/sources'
import { blocksReadiness } from '../../../shared/rules/status'
import { isAnyOf, type Plan, type Requirement } from '../../../shared/rules/types'
import { requirementText } from './describe'
import type { ManifestFile } from './types'
import { specOf } from '../../../shared/rules/requirement-derive'

/** What the checklist is made of; checklist-pdf.ts decides how it looks. */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'banner'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'item'; marker: string; text: string; level: number; small?: boolean }

export interface ChecklistInput {
  packet: Packet
  scenario: Scenario
  plan: Plan
  /** What the platform's form still lacks (planForPacket). */
  formProblems: readonly string[]
  draft: boolean
  folderName: string
  /** The files written for each plan requirement, same order as plan.requirements. */
  filesByItem: ManifestFile[][]
  /** The .eml draft's path in the folder (email route). */
  emailPath: string | null
  /** Folder of each slot in this export (absent: nothing was written there). */
  slotFolders: { avatar?: string; industry?: string; other?: string; email?: string }
  /** 设置 → 邮件提交收件地址, when the clerk set one (the help page gives none). */
  emailRecipient?: string | null
}

/** The platform form's own wording (renderer/src/packets/PrerequisitesStep.tsx). */
const PREREQUISITES: Record<Prerequisite, string> = {
  xhsAccountWithPhone: '已注册小红书账号并绑定手机号（登录聚光须使用该手机号）',
  professionalCertified: '已完成专业号认证（认证后账号名称、头像和主体自动获取，不可在聚光修改）',
  advertiserAccount: '选择的是“广告主账号”（代理商账号须前往合作伙伴平台，不走本流程）',
}

const ACCOUNT_TYPES: Record<Packet['accountType'], string> = {
  enterprise: '企业主体',
  employee: '企业员工',
}

const PROMOTED: Record<Packet['promotedSubject'], string> = {
  none: '无（品牌/商品推广）',
  website: '网站',
  app: '软件/App',
}

function formatSize(bytes: number): string {
  return bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${Math.ceil(bytes / 1000)} KB`
}

function fileLine(file: ManifestFile): string {
  const size = file.width && file.height ? `${file.width}×${file.height}，` : ''
  return `${file.path}（${size}${formatSize(file.size)}）`
}

function itemTitle(scenario: Scenario, item: Requirement): string {
  if (!isAnyOf(item)) return requirementText(scenario, item)
  return `以下任选其一：${item.anyOf.map((a) => requirementText(scenario, a)).join(' 或 ')}`
}

/**
 * What keeps the packet from being submitted, one line each: what the form lacks, missing and
 * invalid items, blockers.
 */
export function problems(
  scenario: Scenario,
  plan: Plan,
  formProblems: readonly string[],
): string[] {
  const lines = formProblems.map((p) => `表单：${p}`)
  lines.push(
    ...plan.requirements
      .filter((r) => blocksReadiness(r.status))
      .map((r) => `${STATUS_LABELS[r.status].zh}：${itemTitle(scenario, r)}`),
  )
  for (const b of plan.blockers) {
    lines.push(b.until ? `${b.message}（最早可提交日期：${b.until}）` : b.message)
  }
  return lines
}

function summary(input: ChecklistInput): Block[] {
  const { packet, scenario, plan } = input
  const industries = packet.industries.map((i) => `${i.primary} / ${i.secondary}`).join('；')
  const trademarks = scenario.trademarks
    .map((t) => `${t.text}（第 ${t.regNo} 号，${TRADEMARK_STATUS_LABELS[t.status].zh}）`)
    .join('；')
  const route =
    plan.route === 'email'
      ? '邮件提交（申请主体为境外公司，商标关系材料须通过邮件提交，R8）'
      : '聚光平台线上上传（PC 端）'
  const fields: [string, string][] = [
    ['申请主体', scenario.applicant.name],
    ['统一社会信用代码', scenario.applicant.uscc ?? '—'],
    ['账号名称', packet.accountName],
    ['账号类型', ACCOUNT_TYPES[packet.accountType]],
    [
      '行业类别（账号信息）',
      packet.accountIndustry
        ? `${packet.accountIndustry.primary} | ${packet.accountIndustry.secondary}`
        : '（未选择）',
    ],
    ['推广行业', industries === '' ? '（未选择）' : industries],
    ['推广主体', PROMOTED[packet.promotedSubject]],
    ['使用的商标', trademarks === '' ? '无' : trademarks],
    ['提交方式', route],
    ['核对日期', scenario.asOf],
    ['导出文件夹', input.folderName],
    ['状态', plan.ready ? '材料齐全，可以提交' : '草稿：尚未满足提交条件'],
  ]
  return fields.map(([label, value]) => ({ kind: 'field', label, value }))
}

function requirements(input: ChecklistInput): Block[] {
  const { scenario, plan } = input
  const blocks: Block[] = []
  plan.requirements.forEach((item, index) => {
    const status = STATUS_LABELS[item.status].zh
    blocks.push({
      kind: 'item',
      marker: `${index + 1}.`,
      text: `${itemTitle(scenario, item)} —— ${item.rule} · ${status}`,
      level: 0,
    })
    if (!isAnyOf(item) && item.documents && item.documents.length > 0) {
      blocks.push({
        kind: 'item',
        marker: '',
        text: `所需文件：${item.documents.join('；')}`,
        level: 1,
      })
    }
    for (const reason of item.reasons) {
      blocks.push({ kind: 'item', marker: '·', text: reason, level: 1 })
    }
    const files = input.filesByItem[index] ?? []
    if (files.length === 0) {
      blocks.push({ kind: 'item', marker: '', text: '文件：（无）', level: 1 })
    }
    for (const file of files) {
      blocks.push({ kind: 'item', marker: '→', text: fileLine(file), level: 1 })
    }
    blocks.push({
      kind: 'item',
      marker: '',
      text: `依据 ${item.rule}：${RULE_SOURCES[item.rule]}`,
      level: 1,
      small: true,
    })
  })
  return blocks
}

/** The sub-folder an industry pair's files were written to, if any. */
function industryFolder(input: ChecklistInput, subject: string): string | undefined {
  const index = input.plan.requirements.findIndex(
    (r) => !isAnyOf(r) && specOf(r.id)?.slot === 'industry' && r.subject === subject,
  )
  const path = input.filesByItem[index]?.[0]?.path
  return path?.slice(0, path.lastIndexOf('/'))
}

function steps(input: ChecklistInput): Block[] {
  const { packet, plan, slotFolders } = input
  const out: string[] = []
  out.push(
    slotFolders.avatar
      ? `账号信息 · 头像上传：上传 ${slotFolders.avatar} 中的 JPG（800×800，1 MB 以内）。`
      : '账号信息 · 头像上传：本次未导出头像（见上方材料清单）。',
  )
  if (packet.industries.length === 0) {
    out.push('推广行业资质：尚未选择行业，请先在资质包中选择一级/二级行业。')
  }
  for (const industry of packet.industries) {
    const folder = industryFolder(input, industrySubject(industry.primary, industry.secondary))
    const what = folder ? `上传 ${folder} 中的全部文件` : '本次没有可上传的文件（见上方材料清单）'
    out.push(
      `推广行业资质：选择一级行业“${industry.primary}”、二级行业“${industry.secondary}”，${what}。`,
    )
  }
  if (slotFolders.other) {
    const also = plan.route === 'email' ? '商标注册证等仍须在表单上传，' : ''
    out.push(
      `其他资质（选填栏）：${also}上传 ${slotFolders.other} 中的全部文件（JPG/PNG，每个 1 MB 以内）。`,
    )
  }
  if (plan.route === 'email') {
    out.push(
      input.emailPath
        ? input.emailRecipient
          ? `邮件提交：用邮件软件打开 ${input.emailPath}（已附全部材料，收件人已填为设置中的 ${input.emailRecipient}，发送前请核对），发送；附件也单独放在 ${slotFolders.email ?? ''} 中。`
          : `邮件提交：用邮件软件打开 ${input.emailPath}（已附全部材料），填写平台指定的收件地址后发送（可在 PacketDesk 设置中填写收件地址）；附件也单独放在 ${slotFolders.email ?? ''} 中。`
        : '邮件提交：本次没有可附的文件，未生成邮件草稿。',
    )
  }
  out.push('核对清单中的每项材料后，勾选同意《小红书推广服务协议》并点击“提交资料”。')
  out.push('若被驳回，在 PacketDesk 中记录驳回原因，修改后重新导出并提交。')
  return out.map((text, index) => ({ kind: 'item', marker: `${index + 1}.`, text, level: 0 }))
}

function listOr(lines: string[], none: string): Block[] {
  if (lines.length === 0) return [{ kind: 'item', marker: '', text: none, level: 0 }]
  return lines.map((text) => ({ kind: 'item', marker: '·', text, level: 0 }))
}

/** The checklist of one export, top to bottom. */
export function checklistBlocks(input: ChecklistInput): Block[] {
  const { packet, scenario, plan } = input
  const blocks: Block[] = [{ kind: 'title', text: `资质包清单 · ${packet.accountName}` }]
  if (input.draft) {
    blocks.push({
      kind: 'banner',
      lines: [
        '草稿 —— 本资质包尚未满足提交条件，请勿直接提交。',
        ...problems(scenario, plan, input.formProblems).map((p) => `· ${p}`),
      ],
    })
  }
  blocks.push({ kind: 'heading', text: '一、基本信息' }, ...summary(input))
  blocks.push({ kind: 'heading', text: '二、前提条件（无需上传）' })
  for (const [key, label] of Object.entries(PREREQUISITES) as [Prerequisite, string][]) {
    const done = packet.prerequisites[key] === true
    blocks.push({ kind: 'item', marker: done ? '【已完成】' : '【未完成】', text: label, level: 0 })
  }
  blocks.push(
    { kind: 'heading', text: '三、材料清单（规则 · 状态 · 文件）' },
    ...requirements(input),
  )
  blocks.push({ kind: 'heading', text: '四、上传步骤' }, ...steps(input))
  const blockers = plan.blockers.map((b) =>
    b.until ? `${b.message}（最早可提交日期：${b.until}）` : b.message,
  )
  blocks.push({ kind: 'heading', text: '五、阻碍事项' }, ...listOr(blockers, '无'))
  blocks.push(
    { kind: 'heading', text: '六、提醒' },
    ...listOr(
      plan.warnings.map((w) => w.message),
      '无',
    ),
  )
  return blocks
}
