import { ID_DOCUMENT_KIND_LABELS } from '../../../shared/i18n/labels'
import { fileLabel, requirementLabel, specOf } from '../../../shared/rules/requirement-derive'
import type { Scenario } from '../../../shared/rules/scenario'
import type { RequirementId } from '../../../shared/rules/types'

interface Ref {
  id: RequirementId
  subject: string
}

function partyName(scenario: Scenario, id: string): string {
  if (id === scenario.applicant.id) return scenario.applicant.name
  return scenario.parties.find((p) => p.id === id)?.name ?? id
}

function trademark(scenario: Scenario, id: string): Scenario['trademarks'][number] | undefined {
  return scenario.trademarks.find((t) => t.id === id)
}

/** `A->B` or `A<->B` as the two parties' names. */
function pairNames(scenario: Scenario, subject: string): [string, string, 'directed' | 'pair'] {
  const directed = subject.split('->')
  if (directed.length === 2 && !subject.includes('<->')) {
    return [
      partyName(scenario, directed[0] ?? ''),
      partyName(scenario, directed[1] ?? ''),
      'directed',
    ]
  }
  const pair = subject.split('<->')
  return [partyName(scenario, pair[0] ?? ''), partyName(scenario, pair[1] ?? ''), 'pair']
}

/**
 * What a requirement's subject is, for people: `青禾（第 45678901 号）`, `A → B`, `A 与 B`, a
 * person's name, an industry pair. Empty for the avatar and R13 items.
 */
function subjectText(scenario: Scenario, ref: Ref): string {
  if (ref.subject === '') return ''
  const tm = trademark(scenario, ref.subject)
  if (tm) return `${tm.text}（第 ${tm.regNo} 号）`
  if (specOf(ref.id)?.slot === 'industry') return ref.subject.replace('/', ' / ')
  if (ref.subject.includes('->')) {
    const [a, b, kind] = pairNames(scenario, ref.subject)
    return kind === 'directed' ? `${a} → ${b}` : `${a} 与 ${b}`
  }
  return partyName(scenario, ref.subject)
}

/** `商标注册证（青禾（第 45678901 号））`: a requirement with its subject, for lists. */
export function requirementText(scenario: Scenario, ref: Ref): string {
  const subject = subjectText(scenario, ref)
  const label = requirementLabel(ref.id)
  return subject === '' ? label : `${label}（${subject}）`
}

/**
 * The file name (without extension or page marker) that says what the file is:
 * `商标注册证_青禾_45678901`, `授权书_张伟至上海青禾文化传媒有限公司`, `身份证复印件_张伟`.
 */
export function fileBaseName(
  scenario: Scenario,
  ref: Ref,
  extra: { catalogName?: string | null; accountName: string },
): string {
  const spec = specOf(ref.id)
  if (spec?.fit === 'square') {
    return `${fileLabel(ref.id)}_${extra.accountName}`
  }
  if (spec?.slot === 'industry') {
    const secondary = ref.subject.split('/').slice(1).join('/')
    return extra.catalogName ?? `${fileLabel(ref.id)}_${secondary === '' ? ref.subject : secondary}`
  }
  if (spec?.owner.kind === 'person') {
    // The label says what the copy is, never which number it shows.
    const person = scenario.parties.find((p) => p.id === ref.subject)
    const type = person?.kind === 'person' ? person.idDocument?.type : undefined
    const label = type ? ID_DOCUMENT_KIND_LABELS[type].copy.zh : fileLabel(ref.id)
    return `${label}_${partyName(scenario, ref.subject)}`
  }
  const label = fileLabel(ref.id)
  const tm = trademark(scenario, ref.subject)
  if (tm) return `${label}_${tm.text}_${tm.regNo}`
  if (ref.subject.includes('->')) {
    const [a, b, kind] = pairNames(scenario, ref.subject)
    return kind === 'directed' ? `${label}_${a}至${b}` : `${label}_${a}与${b}`
  }
  return ref.subject === '' ? label : `${label}_${partyName(scenario, ref.subject)}`
}
