/** The UI languages (the contract's Language). */
export type Language = 'zh-CN' | 'en'

/** A label in both UI languages; zh-CN is the reference. */
export interface Bilingual {
  zh: string
  en: string
}

export function pickLabel(label: Bilingual, language: Language = 'zh-CN'): string {
  return language === 'en' ? label.en : label.zh
}

export type RelationType = 'authorization' | 'general_agency' | 'parent_subsidiary'
export type TrademarkStatus = 'registered' | 'application_accepted' | 'transfer_accepted'
export type IdDocumentKind = 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit'

/**
 * The one wording of each relation type (RULES.md §2): `name` for lists and forms, `relation`
 * where the word 关系 is needed (recycle bin, dependants), `direction` for the form's hint.
 */
export const RELATION_TYPE_LABELS: Record<
  RelationType,
  { name: Bilingual; relation: Bilingual; direction: Bilingual }
> = {
  authorization: {
    name: { zh: '授权', en: 'Authorization' },
    relation: { zh: '授权关系', en: 'authorization' },
    direction: { zh: '授权方 → 被授权公司', en: 'grantor → grantee company' },
  },
  general_agency: {
    name: { zh: '总代授权', en: 'General agency' },
    relation: { zh: '总代授权关系', en: 'general agency' },
    direction: { zh: '境外注册人 → 总代理公司', en: 'foreign registrant → general agent' },
  },
  parent_subsidiary: {
    name: { zh: '母子公司', en: 'Parent–subsidiary' },
    relation: { zh: '母子公司关系', en: 'parent–subsidiary relation' },
    direction: { zh: '母公司 → 子公司', en: 'parent → subsidiary' },
  },
}

/** The one wording of each trademark status (RULES.md §2). */
export const TRADEMARK_STATUS_LABELS: Record<TrademarkStatus, Bilingual> = {
  registered: { zh: '已注册', en: 'Registered' },
  application_accepted: { zh: '注册申请受理中', en: 'Application accepted' },
  transfer_accepted: { zh: '转让申请受理中', en: 'Transfer accepted' },
}

/** Identity documents (RULES.md §2), full names and the short names used for copies. */
export const ID_DOCUMENT_KIND_LABELS: Record<IdDocumentKind, { name: Bilingual; copy: Bilingual }> =
  {
    resident_id: {
      name: { zh: '居民身份证', en: 'Resident ID card' },
      copy: { zh: '身份证复印件', en: 'ID card copy' },
    },
    passport: {
      name: { zh: '护照', en: 'Passport' },
      copy: { zh: '护照复印件', en: 'Passport copy' },
    },
    hk_macao_permit: {
      name: { zh: '港澳居民来往内地通行证', en: 'Hong Kong/Macao resident permit' },
      copy: { zh: '港澳通行证复印件', en: 'HK/Macao permit copy' },
    },
    taiwan_permit: {
      name: { zh: '台湾居民来往大陆通行证', en: 'Taiwan resident permit' },
      copy: { zh: '台胞证复印件', en: 'Taiwan permit copy' },
    },
  }
