import { addDays } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import { usccCheckChar } from '../../../shared/validators/uscc'
import type { Handlers } from '../../../shared/contract'
import { fakeLogo, fakeScan, scansToPdf } from './scans'

/** A USCC with a correct GB 32100 check character, from its first 17 characters. */
function uscc(first17: string): string {
  return first17 + (usccCheckChar(first17) ?? '0')
}

export interface DemoSummary {
  companies: number
  persons: number
  trademarks: number
  relations: number
  documents: number
  packets: { id: string; accountName: string }[]
}

/**
 * Fill an empty library with a realistic demo set through the contract's own
 * handlers: domestic and foreign companies, persons, trademarks in each
 * status, relations (one expired), colour and greyscale scans, a multi-page
 * PDF, and packets — one ready online, one ready by email, others not ready.
 */
export async function loadDemo(
  backend: { handlers: Handlers },
  today: string,
): Promise<DemoSummary> {
  const h = backend.handlers
  if ((await h['companies.list']({})).length > 0) {
    throw new AppError('CONFLICT', '资料库不是空的：演示数据只能载入到新的数据文件夹。')
  }
  let documents = 0
  const attach = async (
    ownerKind: 'company' | 'person' | 'trademark' | 'relation' | 'packet',
    ownerId: string,
    requirement: string,
    fileName: string,
    bytes: Buffer,
    extra: { subject?: string; catalogName?: string; validUntil?: string } = {},
  ) => {
    documents++
    await h['documents.import']({
      ownerKind,
      ownerId,
      requirement,
      fileName,
      dataBase64: bytes.toString('base64'),
      ...extra,
    })
  }

  const qinghe = await h['companies.save']({
    name: '上海青禾文化传媒有限公司',
    region: 'domestic',
    uscc: uscc('91310000MA1FL0000'),
    businessScope: '文化艺术交流策划；广告设计、代理；市场营销策划；化妆品零售；日用百货销售',
  })
  const shanlan = await h['companies.save']({
    name: '杭州山岚品牌管理有限公司',
    region: 'domestic',
    uscc: uscc('91330106MA2H3K7L4'),
    businessScope: '品牌管理；化妆品批发；化妆品零售',
  })
  const yuanfan = await h['companies.save']({
    name: '苏州远帆贸易有限公司',
    region: 'domestic',
    uscc: uscc('91320505MA1WQ8T2X'),
    businessScope: '货物进出口；服装服饰批发',
  })
  const maple = await h['companies.save']({
    name: 'Maple Leaf Goods Ltd.',
    region: 'foreign',
    notes: '加拿大品牌方',
  })
  const mapleHk = await h['companies.save']({
    name: '枫叶（香港）贸易有限公司',
    region: 'foreign',
    businessScope: '服装服饰零售；服装服饰批发',
  })

  const zhang = await h['persons.save']({
    name: '张伟',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    nationality: '中国',
  })
  const smith = await h['persons.save']({
    name: 'John Smith',
    idType: 'passport',
    idNumber: 'K1234567',
    nationality: 'Canada',
  })

  const mark = (input: Parameters<(typeof h)['trademarks.save']>[0]) => h['trademarks.save'](input)
  const tmQinghe = await mark({
    text: '青禾',
    regNo: '45678901',
    class: 35,
    registrant: { kind: 'company', id: qinghe.id },
    status: 'registered',
    validUntil: '2031-03-13',
  })
  const tmShanlan = await mark({
    text: '山岚',
    regNo: '56789012',
    class: 3,
    registrant: { kind: 'company', id: shanlan.id },
    status: 'registered',
    validUntil: addDays(today, 60),
  })
  const tmHemu = await mark({
    text: '禾木',
    regNo: '34567890',
    class: 21,
    registrant: { kind: 'person', id: zhang.id },
    status: 'registered',
    validUntil: '2029-09-20',
  })
  await mark({
    text: '青禾优选',
    regNo: '78901234',
    class: 35,
    registrant: { kind: 'company', id: qinghe.id },
    status: 'application_accepted',
    acceptanceDate: addDays(today, -40),
  })
  const tmMaple = await mark({
    text: 'Maple',
    regNo: 'G1234567',
    class: 25,
    registrant: { kind: 'company', id: maple.id },
    status: 'registered',
    validUntil: '2032-05-31',
  })
  await mark({
    text: '远帆',
    regNo: '23456789',
    class: 25,
    registrant: { kind: 'company', id: yuanfan.id },
    status: 'transfer_accepted',
    transfereeCompanyId: qinghe.id,
    validUntil: '2030-01-01',
  })
  await mark({
    text: 'Smith & Co',
    regNo: '12345678',
    class: 18,
    registrant: { kind: 'person', id: smith.id },
    status: 'registered',
    validUntil: addDays(today, -30),
    notes: '已过期，宽展期内',
  })

  await h['relations.save']({
    type: 'authorization',
    from: { kind: 'company', id: shanlan.id },
    toCompanyId: qinghe.id,
    validFrom: today,
    validUntil: addDays(today, 730),
  })
  await h['relations.save']({
    type: 'authorization',
    from: { kind: 'person', id: zhang.id },
    toCompanyId: qinghe.id,
    validUntil: addDays(today, 365),
  })
  const general = await h['relations.save']({
    type: 'general_agency',
    from: { kind: 'company', id: maple.id },
    toCompanyId: mapleHk.id,
    validUntil: addDays(today, 1000),
  })
  await h['relations.save']({
    type: 'authorization',
    from: { kind: 'company', id: yuanfan.id },
    toCompanyId: qinghe.id,
    validUntil: addDays(today, -10),
    notes: '已过期的授权',
  })

  // Scans: colour certificates, a greyscale one, a two-page PDF, ID copy, letters, industry papers.
  await attach(
    'trademark',
    tmQinghe.id,
    'trademark_certificate',
    '青禾-商标注册证.jpg',
    await fakeScan('商标注册证', [
      '第 45678901 号',
      '商标：青禾',
      '核定使用商品/服务项目：第 35 类',
      '注册人：上海青禾文化传媒有限公司',
    ]),
  )
  const shanlanPages = [
    await fakeScan('商标注册证', [
      '第 56789012 号',
      '商标：山岚',
      '第 3 类',
      '注册人：杭州山岚品牌管理有限公司',
    ]),
    await fakeScan('核定使用商品', ['化妆品；香水；护肤品', '（第 2 页）']),
  ]
  await attach(
    'trademark',
    tmShanlan.id,
    'trademark_certificate',
    '山岚-商标注册证.pdf',
    await scansToPdf(shanlanPages),
  )
  await attach(
    'trademark',
    tmHemu.id,
    'trademark_certificate',
    '禾木-商标注册证（黑白）.jpg',
    await fakeScan('商标注册证', ['第 34567890 号', '商标：禾木', '注册人：张伟'], {
      color: false,
    }),
  )
  await attach(
    'trademark',
    tmMaple.id,
    'trademark_certificate',
    'Maple-certificate.png',
    await fakeScan('商标注册证', ['G1234567', 'Maple', '第 25 类', 'Maple Leaf Goods Ltd.'], {
      format: 'png',
    }),
  )
  await attach(
    'person',
    zhang.id,
    'registrant_id_copy',
    '张伟-身份证复印件（签字）.jpg',
    await fakeScan('居民身份证复印件', ['姓名：张伟', '（复印件，本人签字）', '仅供资质认证使用'], {
      color: false,
    }),
  )
  await attach(
    'relation',
    general.id,
    'general_agency_authorization',
    'Maple-总代授权书.jpg',
    await fakeScan('总代授权书 General Agency', [
      'Maple Leaf Goods Ltd.',
      '授权 枫叶（香港）贸易有限公司',
      '为中国大陆地区总代理',
    ]),
    { validUntil: addDays(today, 1000) },
  )
  await attach(
    'company',
    qinghe.id,
    'industry_qualification',
    '普通化妆品备案.jpg',
    await fakeScan('国产普通化妆品备案信息', [
      '备案编号：沪G妆网备字2024000001',
      '备案人：上海青禾文化传媒有限公司',
    ]),
    {
      subject: '美妆个护/护肤/彩妆/香水（普通化妆品）',
      catalogName: '普通化妆品备案（备案编号/国家药监局备案信息截图）',
    },
  )
  await attach(
    'company',
    mapleHk.id,
    'industry_qualification',
    '商业登记证.jpg',
    await fakeScan('商业登记证', ['枫叶（香港）贸易有限公司', 'Business Registration']),
    { subject: '服饰鞋包配饰/服装/内衣/鞋帽' },
  )

  const packet = (input: Parameters<(typeof h)['packets.save']>[0]) => h['packets.save'](input)
  const allDone = {
    xhsAccountWithPhone: true,
    professionalCertified: true,
    advertiserAccount: true,
  }
  const ready = await packet({
    applicantCompanyId: qinghe.id,
    accountType: 'enterprise',
    accountName: '青禾文化',
    promotedSubject: 'none',
    industries: [{ primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' }],
    accountIndustry: { primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' },
    trademarkIds: [tmQinghe.id],
    prerequisites: allDone,
  })
  await attach('packet', ready.id, 'avatar', '青禾-logo.jpg', await fakeLogo('青禾'))
  const email = await packet({
    applicantCompanyId: mapleHk.id,
    accountType: 'enterprise',
    accountName: 'Maple枫叶',
    promotedSubject: 'none',
    industries: [{ primary: '服饰鞋包配饰', secondary: '服装/内衣/鞋帽' }],
    accountIndustry: { primary: '服饰鞋包配饰', secondary: '服装/内衣/鞋帽' },
    trademarkIds: [tmMaple.id],
    prerequisites: allDone,
  })
  await attach('packet', email.id, 'avatar', 'maple-logo.jpg', await fakeLogo('Maple'))
  const brand = await packet({
    applicantCompanyId: qinghe.id,
    accountType: 'enterprise',
    accountName: '山岚旗舰店',
    promotedSubject: 'website',
    industries: [{ primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' }],
    accountIndustry: { primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' },
    trademarkIds: [tmShanlan.id],
    prerequisites: allDone,
  })
  const person = await packet({
    applicantCompanyId: qinghe.id,
    accountType: 'enterprise',
    accountName: '禾木生活',
    promotedSubject: 'none',
    industries: [],
    trademarkIds: [tmHemu.id],
    prerequisites: { xhsAccountWithPhone: true },
  })

  return {
    companies: 5,
    persons: 2,
    trademarks: 7,
    relations: 4,
    documents,
    packets: [ready, email, brand, person].map((p) => ({ id: p.id, accountName: p.accountName })),
  }
}
