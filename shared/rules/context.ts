import type { IndustryCatalog } from '../industries/catalog'
import type { Party, Person, Scenario, ScenarioDocument } from './scenario'

/** The applicant seen as a party (it is one of the ids relations and trademarks refer to). */
type ApplicantParty = Scenario['applicant']
export type AnyParty = Party | ApplicantParty

export interface RuleContext {
  scenario: Scenario
  asOf: string
  catalog: IndustryCatalog
  applicantId: string
  party: (id: string) => AnyParty | undefined
  /** Every document of the scenario (R15–R17 read them). */
  documents: readonly ScenarioDocument[]
  documentsFor: (requirement: string, subject: string) => ScenarioDocument[]
}

export function createContext(scenario: Scenario, catalog: IndustryCatalog): RuleContext {
  const parties = new Map<string, AnyParty>()
  parties.set(scenario.applicant.id, scenario.applicant)
  for (const party of scenario.parties) parties.set(party.id, party)
  const documents = scenario.documents ?? []
  return {
    scenario,
    asOf: scenario.asOf,
    catalog,
    applicantId: scenario.applicant.id,
    party: (id) => parties.get(id),
    documents,
    documentsFor: (requirement, subject) =>
      documents.filter((d) => d.requirement === requirement && (d.subject ?? '') === subject),
  }
}

export function isPerson(party: AnyParty | undefined): party is Person {
  return party !== undefined && 'kind' in party && party.kind === 'person'
}

export function partyName(ctx: RuleContext, id: string): string {
  return ctx.party(id)?.name ?? id
}
