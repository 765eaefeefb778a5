import { addDays, addMonthsClamped, daysBetween } from '../dates'
import type { RuleContext } from './context'
import { evaluateItem } from './evaluate'
import {
  effectiveAcceptanceDate,
  ruleR15CertificateVsRecord,
  ruleR17AcceptanceNotice,
  ruleR17TransferNotice,
} from './scan-checks'
import { APPLICATION_MIN_AGE_MONTHS, EXPIRY_WARNING_DAYS } from './interpretations'
import type { Trademark } from './scenario'
import type { PlainRequirement, RequirementId, RuleId, RuleOutcome } from './types'

function trademarkItem(
  ctx: RuleContext,
  id: RequirementId,
  tm: Trademark,
  rule: RuleId,
): PlainRequirement {
  const verdict = evaluateItem(ctx, { id, subject: tm.id })
  return {
    id,
    subject: tm.id,
    slot: 'other',
    rule,
    status: verdict.status,
    reasons: verdict.reasons,
  }
}

/**
 * R5 (registered marks): the certificate; an expired one also needs the
 * renewal proof; a registrant changed or transferred since the certificate
 * needs the CTMO's proof; expiring within 90 days is a warning.
 */
export function ruleR5Registered(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const requirements = [trademarkItem(ctx, 'trademark_certificate', tm, 'R5')]
  const warnings: RuleOutcome['warnings'] = []
  if (tm.validUntil != null) {
    if (tm.validUntil < ctx.asOf) {
      requirements.push(trademarkItem(ctx, 'trademark_renewal_proof', tm, 'R5'))
    } else if (daysBetween(ctx.asOf, tm.validUntil) <= EXPIRY_WARNING_DAYS) {
      warnings.push({
        rule: 'R5',
        subject: tm.id,
        message: `R5：商标“${tm.text}”注册有效期至 ${tm.validUntil}，${daysBetween(ctx.asOf, tm.validUntil)} 天后到期，请尽快办理续展`,
      })
    }
  }
  if (tm.officialRegistrantDiffers === 'change') {
    requirements.push(trademarkItem(ctx, 'trademark_change_proof', tm, 'R5'))
  } else if (tm.officialRegistrantDiffers === 'transfer') {
    requirements.push(trademarkItem(ctx, 'trademark_transfer_proof', tm, 'R5'))
  }
  warnings.push(...(ruleR15CertificateVsRecord(ctx, tm).warnings ?? []))
  return { requirements, warnings }
}

/**
 * R6: the first day a packet using a mark whose application was stamped on
 * `stampDate` may be submitted. 民法典 art. 201: the period starts the day
 * after the stamp; art. 202: it ends on the corresponding day three months on
 * (or that month's last day); submission is allowed from the day after.
 */
export function applicationEligibleFrom(stampDate: string): string {
  return addDays(addMonthsClamped(stampDate, APPLICATION_MIN_AGE_MONTHS), 1)
}

/**
 * R6 (application accepted): the acceptance notice, and three full months since the stamp date
 * — the later of the record's and the notices' (R17).
 */
export function ruleR6ApplicationAge(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const requirements = [trademarkItem(ctx, 'trademark_acceptance_notice', tm, 'R6')]
  const warnings = ruleR17AcceptanceNotice(ctx, tm).warnings ?? []
  const stamp = effectiveAcceptanceDate(ctx, tm)
  if (stamp === null) {
    return {
      requirements,
      warnings,
      blockers: [
        {
          rule: 'R6',
          subject: tm.id,
          message: `R6：商标“${tm.text}”缺少受理通知书上的盖章受理日期，无法判断是否已满三个月`,
        },
      ],
    }
  }
  const until = applicationEligibleFrom(stamp)
  if (ctx.asOf >= until) return { requirements, warnings }
  return {
    requirements,
    warnings,
    blockers: [
      {
        rule: 'R6',
        subject: tm.id,
        until,
        message: `R6：商标“${tm.text}”的注册申请于 ${stamp} 受理，须届满三个月，可于 ${until} 起提交`,
      },
    ],
  }
}

/**
 * R7 (transfer accepted): transfer notice and certificate; only the transferee may apply — as
 * recorded, and as the transfer notice reads (R17).
 */
export function ruleR7TransferAccepted(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const requirements = [
    trademarkItem(ctx, 'trademark_transfer_notice', tm, 'R7'),
    trademarkItem(ctx, 'trademark_certificate', tm, 'R7'),
  ]
  const warnings = ruleR15CertificateVsRecord(ctx, tm).warnings ?? []
  if (tm.transferee === ctx.applicantId) {
    return { requirements, warnings, blockers: ruleR17TransferNotice(ctx, tm).blockers ?? [] }
  }
  const transferee = tm.transferee
    ? (ctx.party(tm.transferee)?.name ?? tm.transferee)
    : '（未填写）'
  return {
    requirements,
    warnings,
    blockers: [
      {
        rule: 'R7',
        subject: tm.id,
        message: `R7：商标“${tm.text}”正处于转让申请受理状态，只接受受让方“${transferee}”的申请，当前申请主体不是受让方`,
      },
    ],
  }
}

/** Whether a mark needs link documents (R8–R11): someone else owns it, and R7 does not settle it. */
export function needsLink(ctx: RuleContext, tm: Trademark): boolean {
  if (tm.status === 'transfer_accepted') return false // R7: the transferee's own, or blocked
  return tm.registrant !== ctx.applicantId
}
