import { residentIdCheckChar } from '../../../shared/validators/resident-id'
import type { LetterDataInput } from '../../../electron/services/letters'

/** A resident ID number with a correct GB 11643 check character (a made-up person). */
export function residentId(first17 = '11010519491231002'): string {
  return first17 + residentIdCheckChar(first17)
}

export const GRANTEE = { name: '上海星河广告传媒有限公司', uscc: '91310000MA1FL0000X' }

export const TRADEMARKS = [
  { text: '花间集', regNo: '12345678', class: 3 },
  { text: 'HUAJIAN', regNo: '23456789', class: 35 },
]

const common = {
  grantee: GRANTEE,
  trademarks: TRADEMARKS,
  validFrom: '2026-11-28',
  validUntil: '2027-11-27',
  date: '2026-11-28',
}

export function personData(
  name = '张伟',
  idDocument: {
    type: 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit'
    number: string
  } = {
    type: 'resident_id',
    number: residentId(),
  },
): LetterDataInput {
  return { ...common, grantor: { kind: 'person', name, idDocument } }
}

export function companyData(
  name = '杭州花间集化妆品有限公司',
  region: 'domestic' | 'foreign' = 'domestic',
  uscc: string | null = '91330100MA2B000000',
): LetterDataInput {
  return { ...common, grantor: { kind: 'company', name, region, uscc } }
}

/** The data each built-in template is meant for. */
export const SAMPLES: Record<string, LetterDataInput> = {
  'person-to-company': personData(),
  'company-to-company': companyData(),
  'general-agency': companyData('Huajian Cosmetics International Co., Ltd.', 'foreign', null),
  'parent-subsidiary': companyData('杭州花间集化妆品集团有限公司'),
}

/** Person data with no grantee at all (as a hand-written JSON file might be). */
export function withoutGrantee(): Record<string, unknown> {
  const data: Record<string, unknown> = { ...personData() }
  delete data.grantee
  return data
}
