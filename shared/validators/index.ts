import { ID_DOCUMENT_KIND_LABELS } from '../i18n/labels'
import { validateHkMacaoPermit, validateTaiwanPermit } from './permits'
import { validatePassport } from './passport'
import { validateResidentId } from './resident-id'
import type { ValidationResult } from './result'
import { validateTrademarkNo } from './trademark-no'
import { validateUscc } from './uscc'

export type { ValidationResult } from './result'
export { normalizeNumber } from './result'

export const ID_DOCUMENT_TYPES = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
] as const
export type IdDocumentType = (typeof ID_DOCUMENT_TYPES)[number]

/** The full names of the identity documents (shared/i18n/labels.ts holds the wording). */
export const ID_DOCUMENT_LABELS: Record<IdDocumentType, string> = {
  resident_id: ID_DOCUMENT_KIND_LABELS.resident_id.name.zh,
  passport: ID_DOCUMENT_KIND_LABELS.passport.name.zh,
  hk_macao_permit: ID_DOCUMENT_KIND_LABELS.hk_macao_permit.name.zh,
  taiwan_permit: ID_DOCUMENT_KIND_LABELS.taiwan_permit.name.zh,
}

/** Validate a person's identity document number as of `today` (YYYY-MM-DD). */
export function validateIdDocument(
  type: IdDocumentType,
  number: string,
  today: string,
): ValidationResult {
  switch (type) {
    case 'resident_id':
      return validateResidentId(number, today)
    case 'passport':
      return validatePassport(number)
    case 'hk_macao_permit':
      return validateHkMacaoPermit(number)
    case 'taiwan_permit':
      return validateTaiwanPermit(number)
  }
}

export const VALIDATOR_KINDS = [...ID_DOCUMENT_TYPES, 'uscc', 'trademark_no'] as const
export type ValidatorKind = (typeof VALIDATOR_KINDS)[number]

export function validate(kind: ValidatorKind, value: string, today: string): ValidationResult {
  if (kind === 'uscc') return validateUscc(value)
  if (kind === 'trademark_no') return validateTrademarkNo(value)
  return validateIdDocument(kind, value, today)
}
