import { ID_DOCUMENT_LABELS, validateIdDocument } from '../validators'
import { isPerson, partyName, type RuleContext } from './context'
import { evaluateItem } from './evaluate'
import { MAX_GENERAL_AGENCY_LEVELS } from './interpretations'
import { ruleR16IdCopyVsPerson } from './scan-checks'
import type { Relation, Trademark } from './scenario'
import type { Requirement, RequirementRef, RuleId, RuleOutcome } from './types'

type Authorization = Extract<Relation, { type: 'authorization' }>
type GeneralAgency = Extract<Relation, { type: 'general_agency' }>
type ParentSubsidiary = Extract<Relation, { type: 'parent_subsidiary' }>

const directedSubject = (from: string, to: string) => `${from}->${to}`
/** RULES.md §3: the two ids sorted and joined by `<->`. */
const pairSubject = (a: string, b: string) => [a, b].sort().join('<->')

function authorization(ctx: RuleContext, from: string, to: string): Authorization | undefined {
  return ctx.scenario.relations.find(
    (r): r is Authorization => r.type === 'authorization' && r.from === from && r.to === to,
  )
}

function generalAgency(ctx: RuleContext, from: string, to: string): GeneralAgency | undefined {
  return ctx.scenario.relations.find(
    (r): r is GeneralAgency => r.type === 'general_agency' && r.from === from && r.to === to,
  )
}

function generalAgenciesFrom(ctx: RuleContext, from: string): GeneralAgency[] {
  return ctx.scenario.relations.filter(
    (r): r is GeneralAgency => r.type === 'general_agency' && r.from === from,
  )
}

function parentSubsidiary(ctx: RuleContext, a: string, b: string): ParentSubsidiary | undefined {
  return ctx.scenario.relations.find(
    (r): r is ParentSubsidiary =>
      r.type === 'parent_subsidiary' &&
      ((r.parent === a && r.child === b) || (r.parent === b && r.child === a)),
  )
}

interface Alternative {
  ref: RequirementRef
  relation: Relation | undefined
}

/**
 * The choice R9 and R10 share: the declared alternative is required; both or
 * neither declared gives an anyOf taking its best alternative's status.
 */
function choose(
  ctx: RuleContext,
  rule: RuleId,
  alternatives: [Alternative, Alternative],
): Requirement {
  const declared = alternatives.filter((a) => a.relation !== undefined)
  if (declared.length === 1 && declared[0]) {
    const { ref, relation } = declared[0]
    const verdict = evaluateItem(ctx, ref, { relation })
    return { ...ref, slot: 'other', rule, status: verdict.status, reasons: verdict.reasons }
  }
  const verdicts = alternatives.map((a) => evaluateItem(ctx, a.ref, { relation: a.relation }))
  const order = ['satisfied', 'fixable', 'invalid', 'missing'] as const
  const status = order.find((s) => verdicts.some((v) => v.status === s)) ?? 'missing'
  return {
    anyOf: alternatives.map((a) => a.ref),
    slot: 'other',
    rule,
    status,
    reasons: verdicts.find((v) => v.status === status)?.reasons ?? [],
  }
}

/** R9's choice between a brand owner and the applicant: authorization letter or parent–subsidiary proof. */
function ownerToApplicantChoice(ctx: RuleContext, owner: string, rule: RuleId): Requirement {
  const applicant = ctx.applicantId
  return choose(ctx, rule, [
    {
      ref: { id: 'authorization_letter', subject: directedSubject(owner, applicant) },
      relation: authorization(ctx, owner, applicant),
    },
    {
      ref: { id: 'parent_subsidiary_proof', subject: pairSubject(owner, applicant) },
      relation: parentSubsidiary(ctx, owner, applicant),
    },
  ])
}

/** R9: the registrant is a domestic company. */
function ruleR9DomesticCompany(ctx: RuleContext, tm: Trademark): RuleOutcome {
  return { requirements: [ownerToApplicantChoice(ctx, tm.registrant, 'R9')] }
}

/**
 * R10: the registrant is a foreign company. A relation declared directly with
 * the applicant takes precedence; else one level of general agency to G, with
 * G then treated as the brand owner under R9. A second level is a blocker.
 */
function ruleR10ForeignCompany(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const registrant = tm.registrant
  const applicant = ctx.applicantId
  const direct: [Alternative, Alternative] = [
    {
      ref: { id: 'general_agency_authorization', subject: directedSubject(registrant, applicant) },
      relation: generalAgency(ctx, registrant, applicant),
    },
    {
      ref: { id: 'parent_subsidiary_proof', subject: pairSubject(registrant, applicant) },
      relation: parentSubsidiary(ctx, registrant, applicant),
    },
  ]
  const agents = generalAgenciesFrom(ctx, registrant).filter((r) => r.to !== applicant)
  if (direct.some((a) => a.relation) || agents.length === 0) {
    return { requirements: [choose(ctx, 'R10', direct)] }
  }
  const linked = (g: GeneralAgency) =>
    authorization(ctx, g.to, applicant) !== undefined ||
    parentSubsidiary(ctx, g.to, applicant) !== undefined
  const agency = agents.find(linked) ?? agents[0]
  if (!agency) return { requirements: [choose(ctx, 'R10', direct)] }
  const agent = agency.to
  const verdict = evaluateItem(
    ctx,
    { id: 'general_agency_authorization', subject: directedSubject(registrant, agent) },
    { relation: agency },
  )
  const outcome: RuleOutcome = {
    requirements: [
      {
        id: 'general_agency_authorization',
        subject: directedSubject(registrant, agent),
        slot: 'other',
        rule: 'R10',
        status: verdict.status,
        reasons: verdict.reasons,
      },
      ownerToApplicantChoice(ctx, agent, 'R10'),
    ],
  }
  const onward = generalAgenciesFrom(ctx, agent)
  // A general agency onward from G is one level more than the platform accepts.
  const levels = 1 + (onward.length > 0 ? 1 : 0)
  if (!linked(agency) && levels > MAX_GENERAL_AGENCY_LEVELS) {
    const next = onward[0]?.to ?? ''
    outcome.blockers = [
      {
        rule: 'R10',
        subject: tm.id,
        message: `R10：商标“${tm.text}”的总代授权链为 ${partyName(ctx, registrant)} → ${partyName(ctx, agent)} → ${partyName(ctx, next)}，平台最多接受一级总代授权（从注册证上的注册人起算）`,
      },
    ]
  }
  return outcome
}

/** Why a person's number cannot go on the letter (R11), or null when it can. */
function personNumberProblem(ctx: RuleContext, personId: string): string | null {
  const person = ctx.party(personId)
  if (!isPerson(person)) return null
  const document = person.idDocument
  if (!document || document.number.trim() === '') {
    return `R11：授权书须注明 ${person.name} 的身份证号或护照号，目前未登记证件号码`
  }
  const result = validateIdDocument(document.type, document.number, ctx.asOf)
  if (result.valid) return null
  return `R11：${person.name} 的${ID_DOCUMENT_LABELS[document.type]}号码无效（${result.reason ?? '格式不正确'}），授权书须注明有效号码`
}

/**
 * R11: the registrant is a person: a signed copy of their ID or passport, and
 * their authorization letter to the applicant stating that number.
 */
function ruleR11Person(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const person = tm.registrant
  const applicant = ctx.applicantId
  const idCopy = evaluateItem(ctx, { id: 'registrant_id_copy', subject: person })
  const letterRef: RequirementRef = {
    id: 'authorization_letter',
    subject: directedSubject(person, applicant),
  }
  const letter = evaluateItem(ctx, letterRef, {
    relation: authorization(ctx, person, applicant),
    dataProblem: personNumberProblem(ctx, person),
  })
  return {
    requirements: [
      { id: 'registrant_id_copy', subject: person, slot: 'other', rule: 'R11', ...idCopy },
      { ...letterRef, slot: 'other', rule: 'R11', ...letter },
    ],
    warnings: ruleR16IdCopyVsPerson(ctx, person).warnings ?? [],
  }
}

/** R8: which link rule applies, by who the registrant is. */
export function ruleR8Link(ctx: RuleContext, tm: Trademark): RuleOutcome {
  const registrant = ctx.party(tm.registrant)
  if (isPerson(registrant)) return ruleR11Person(ctx, tm)
  if (registrant?.region === 'foreign') return ruleR10ForeignCompany(ctx, tm)
  return ruleR9DomesticCompany(ctx, tm)
}

/** R8: link documents go online for a domestic applicant, by email for a foreign one. */
export function ruleR8Route(ctx: RuleContext, anyLink: boolean): 'online' | 'email' {
  return anyLink && ctx.scenario.applicant.region === 'foreign' ? 'email' : 'online'
}
