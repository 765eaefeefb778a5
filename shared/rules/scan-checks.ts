import { maskIdNumber } from '../library/mask'
import { isPerson, partyName, type RuleContext } from './context'
import {
  acceptedReads,
  acceptsKind,
  isKnownKind,
  normalName,
  normalNumber,
  readAcceptanceDates,
  readField,
  type ReadFacts,
} from './scan-reads'
import { SCAN_KIND_LABELS, SCAN_KINDS, type ScanKind } from './scan-kinds'
import type { Trademark } from './scenario'
import type { Blocker, RequirementId, RequirementRef, RuleOutcome, Warning } from './types'

/**
 * RULES.md §4b, R15–R18: what the scans say, compared with the records. A document without
 * `read` is judged as before; only reads of a kind the requirement accepts are compared.
 */

function kindLabel(kind: string): string {
  return (SCAN_KINDS as readonly string[]).includes(kind)
    ? SCAN_KIND_LABELS[kind as ScanKind].zh
    : kind
}

/** R18: a paper of a known kind its requirement does not accept cannot serve it. */
export function ruleR18WrongKind(requirement: string, read: ReadFacts): string | null {
  if (!isKnownKind(read.kind) || acceptsKind(requirement, read.kind)) return null
  return `R18：扫描件看起来是“${kindLabel(read.kind)}”，不是此处要求的材料，请换成正确的文件`
}

function trademarkOf(ctx: RuleContext, id: string): Trademark | undefined {
  return ctx.scenario.trademarks.find((t) => t.id === id)
}

function numbersDiffer(read: string | null, record: string | null | undefined): boolean {
  if (read === null || record == null || record.trim() === '') return false
  return normalNumber(read) !== normalNumber(record)
}

/** The read field each document-level verdict of R15–R17 compares with the record. */
const MISMATCH_FIELDS: Readonly<Partial<Record<RequirementId, 'regNo' | 'number'>>> = {
  trademark_certificate: 'regNo',
  trademark_acceptance_notice: 'regNo',
  trademark_transfer_notice: 'regNo',
  registrant_id_copy: 'number',
}

/**
 * The read field a requirement's reason is about when the reason is readMismatch's (R15–R17: the
 * scan says another number), else null: the check step shows the scan's line of that field.
 */
export function readMismatchField(requirement: string, reason: string): 'regNo' | 'number' | null {
  if (!/^R1[5-7]：/u.test(reason) || !Object.hasOwn(MISMATCH_FIELDS, requirement)) return null
  return MISMATCH_FIELDS[requirement as RequirementId] ?? null
}

/**
 * The document-level verdicts of R15–R17: a scan whose number is not the record's is `invalid`.
 * Returns the reason, or null when nothing read contradicts the record.
 */
export function readMismatch(
  ctx: RuleContext,
  ref: RequirementRef,
  read: ReadFacts,
): string | null {
  if (!acceptsKind(ref.id, read.kind) || !isKnownKind(read.kind)) return null
  const field = MISMATCH_FIELDS[ref.id]
  if (!field) return null
  const value = readField(read, field)
  switch (ref.id) {
    case 'trademark_certificate': {
      const record = trademarkOf(ctx, ref.subject)?.regNo
      return numbersDiffer(value, record)
        ? `R15：扫描件显示注册号 ${value ?? ''}，记录为 ${record ?? ''}，两者不一致`
        : null
    }
    case 'trademark_acceptance_notice':
    case 'trademark_transfer_notice': {
      const record = trademarkOf(ctx, ref.subject)?.regNo
      return numbersDiffer(value, record)
        ? `R17：通知书显示注册号/申请号 ${value ?? ''}，记录为 ${record ?? ''}，两者不一致`
        : null
    }
    case 'registrant_id_copy': {
      const person = ctx.party(ref.subject)
      const record = isPerson(person) ? person.idDocument?.number : null
      return numbersDiffer(value, record)
        ? // The number is personal data: shown masked, as in lists (the scan's line is the
          // audited way to see it whole).
          `R16：证件复印件显示号码 ${maskIdNumber(value ?? '')}，与登记的号码不一致（授权书注明的是登记的号码）`
        : null
    }
    default:
      return null
  }
}

/** R15: the certificate's registrant and valid-until compared with the record (warnings). */
export function ruleR15CertificateVsRecord(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const warnings: Warning[] = []
  const registrantName = partyName(ctx, tm.registrant)
  for (const read of acceptedReads(ctx.documents, 'trademark_certificate', tm.id)) {
    const registrant = readField(read, 'registrant')
    if (
      registrant !== null &&
      tm.officialRegistrantDiffers == null &&
      normalName(registrant) !== normalName(registrantName)
    ) {
      warnings.push({
        rule: 'R15',
        subject: tm.id,
        message: `R15：商标“${tm.text}”的注册证显示注册人“${registrant}”，记录为“${registrantName}”；如商标已变更或转让，平台要求补充核准变更/转让证明`,
      })
    }
    const validUntil = readField(read, 'validUntil')
    if (validUntil !== null && tm.validUntil != null && validUntil !== tm.validUntil) {
      warnings.push({
        rule: 'R15',
        subject: tm.id,
        message: `R15：商标“${tm.text}”的注册证显示有效期至 ${validUntil}，记录为 ${tm.validUntil}，请核对`,
      })
    }
  }
  return { warnings }
}

/** R16: an ID copy whose document has expired (R16b: a passport's expiryDate). */
export function ruleR16IdCopyVsPerson(ctx: RuleContext, personId: string): RuleOutcome {
  const warnings: Warning[] = []
  for (const read of acceptedReads(ctx.documents, 'registrant_id_copy', personId)) {
    const expiry = readField(read, read.kind === 'passport' ? 'expiryDate' : 'validUntil')
    if (expiry !== null && expiry !== 'long_term' && expiry < ctx.asOf) {
      warnings.push({
        rule: 'R16',
        subject: personId,
        message: `R16：${partyName(ctx, personId)} 的证件复印件显示有效期至 ${expiry}，已过期，请提供有效证件的复印件`,
      })
    }
  }
  return { warnings }
}

/**
 * R17: the stamp date R6 counts from — the later of the record's and the notices' (the
 * stricter reading); the record's alone when nothing was read. Null when neither has one.
 */
export function effectiveAcceptanceDate(ctx: RuleContext, tm: Trademark): string | null {
  const dates = readAcceptanceDates(ctx.documents, tm.id)
  if (tm.acceptanceDate != null) dates.push(tm.acceptanceDate)
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b))
}

/** R17: acceptance notices whose stamp date differs from the record (warnings). */
export function ruleR17AcceptanceNotice(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const warnings: Warning[] = []
  if (tm.acceptanceDate == null) return { warnings }
  for (const read of acceptedReads(ctx.documents, 'trademark_acceptance_notice', tm.id)) {
    const date = readField(read, 'acceptanceDate')
    if (date !== null && date !== tm.acceptanceDate) {
      warnings.push({
        rule: 'R17',
        subject: tm.id,
        message: `R17：商标“${tm.text}”的受理通知书盖章日期为 ${date}，记录为 ${tm.acceptanceDate}；三个月按较晚的日期起算`,
      })
    }
  }
  return { warnings }
}

/** R17: a transfer notice naming another transferee than the applicant blocks (as R7). */
export function ruleR17TransferNotice(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const applicant = ctx.scenario.applicant.name
  const blockers: Blocker[] = []
  for (const read of acceptedReads(ctx.documents, 'trademark_transfer_notice', tm.id)) {
    const transferee = readField(read, 'transferee')
    if (transferee !== null && normalName(transferee) !== normalName(applicant)) {
      blockers.push({
        rule: 'R7',
        subject: tm.id,
        message: `R7：商标“${tm.text}”的转让受理通知书显示受让方为“${transferee}”，不是申请主体“${applicant}”，只有受让方可以申请`,
      })
      break
    }
  }
  return { blockers }
}
