import type { Packet, PacketInput, Prerequisite } from '../../../shared/library/schemas'

/** What the wizard edits; saved as a PacketInput. */
export interface Draft {
  id?: string
  applicantCompanyId: string | null
  accountType: 'enterprise' | 'employee'
  accountName: string
  promotedSubject: 'none' | 'website' | 'app'
  industries: { primary: string; secondary: string }[]
  /** Step 1's account-level 行业类别 (issue 13 item 15). */
  accountIndustry: { primary: string; secondary: string } | null
  trademarkIds: string[]
  avatarFit: 'pad' | 'crop'
  prerequisites: Partial<Record<Prerequisite, boolean>>
}

export function emptyDraft(): Draft {
  return {
    applicantCompanyId: null,
    accountType: 'enterprise',
    accountName: '',
    promotedSubject: 'none',
    industries: [],
    accountIndustry: null,
    trademarkIds: [],
    avatarFit: 'pad',
    prerequisites: {},
  }
}

export function draftOf(packet: Packet): Draft {
  return {
    id: packet.id,
    applicantCompanyId: packet.applicantCompanyId,
    accountType: packet.accountType,
    accountName: packet.accountName,
    promotedSubject: packet.promotedSubject,
    industries: packet.industries,
    accountIndustry: packet.accountIndustry,
    trademarkIds: packet.trademarkIds,
    avatarFit: packet.avatarFit,
    prerequisites: packet.prerequisites,
  }
}

export function toInput(draft: Draft): PacketInput {
  return {
    ...(draft.id ? { id: draft.id } : {}),
    applicantCompanyId: draft.applicantCompanyId ?? '',
    accountType: draft.accountType,
    accountName: draft.accountName,
    promotedSubject: draft.promotedSubject,
    industries: draft.industries,
    accountIndustry: draft.accountIndustry,
    trademarkIds: draft.trademarkIds,
    avatarFit: draft.avatarFit,
    prerequisites: draft.prerequisites,
  }
}
