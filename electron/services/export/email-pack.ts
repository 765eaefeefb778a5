import { randomBytes } from 'node:crypto'
import MailComposer from 'nodemailer/lib/mail-composer'
import type { Packet } from '../../../shared/library/schemas'
import type { Scenario } from '../../../shared/rules/scenario'

export interface EmailAttachment {
  /** File name as attached (the same as the loose copy in the folder). */
  fileName: string
  /** What it is, for the body's list: `商标注册证（Maple（第 G1234567 号））`. */
  description: string
  data: Buffer
  contentType: 'image/jpeg' | 'image/png'
}

export interface EmailInput {
  packet: Packet
  scenario: Scenario
  attachments: EmailAttachment[]
  draft: boolean
  /** 设置 → 邮件提交收件地址; none: no recipient (the help page gives no address). */
  to?: string | null
  /** Fixes the Date header (tests, reproducible exports). */
  date?: Date
}

function trademarkList(scenario: Scenario): string {
  return scenario.trademarks
    .map((t) => `${t.text}（注册号 ${t.regNo}${t.class ? `，第 ${t.class} 类` : ''}）`)
    .join('、')
}

function emailSubject(packet: Packet, scenario: Scenario, draft: boolean): string {
  const marks = scenario.trademarks.map((t) => t.text).join('、')
  const prefix = draft ? '【草稿】' : ''
  const brand = marks === '' ? '' : `（商标：${marks}）`
  return `${prefix}聚光推广资质认证材料 - ${scenario.applicant.name} - 小红书账号「${packet.accountName}」${brand}`
}

function emailBody(input: EmailInput): string {
  const { packet, scenario, attachments } = input
  const marks = trademarkList(scenario)
  const lines = [
    '您好：',
    '',
    `我司${scenario.applicant.name}为小红书账号「${packet.accountName}」申请聚光平台推广资质认证。` +
      '因认证主体为境外公司，按平台要求通过邮件提交商标相关材料，请审核。',
    '',
    `认证主体：${scenario.applicant.name}`,
    `账号名称：${packet.accountName}`,
  ]
  if (marks !== '') lines.push(`涉及商标：${marks}`)
  lines.push('', `附件（共 ${attachments.length} 个）：`)
  attachments.forEach((a, i) => lines.push(`${i + 1}. ${a.fileName} —— ${a.description}`))
  lines.push('', '如需补充材料，请回复本邮件。谢谢！', '', scenario.applicant.name, scenario.asOf)
  return lines.join('\n')
}

/**
 * The email pack (R8, route 'email') as an .eml draft: Chinese subject and body naming the
 * company, the account and the trademarks, every file attached. The recipient is the one set in
 * 设置 (the help page gives no address), else none; X-Unsent makes Outlook open the file as a
 * draft to send.
 */
export async function buildEmail(input: EmailInput): Promise<Buffer> {
  const composer = new MailComposer({
    ...(input.to ? { to: input.to } : {}),
    subject: emailSubject(input.packet, input.scenario, input.draft),
    text: emailBody(input),
    date: input.date ?? new Date(),
    // Our own id: the default would carry this computer's host name.
    messageId: `<${randomBytes(12).toString('hex')}@packetdesk.invalid>`,
    headers: { 'X-Unsent': '1' },
    attachments: input.attachments.map((a) => ({
      filename: a.fileName,
      content: a.data,
      contentType: a.contentType,
    })),
    textEncoding: 'base64',
    newline: 'win',
    // Content is given in memory; nothing may be read from paths or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
  })
  return composer.compile().build()
}
