import { describe, expect, it } from 'vitest'
import { classifyScan } from '../../../shared/reading/classify'
import { extractFields } from '../../../shared/reading/papers'

/** Classifier and extractors together on the other papers of issue 12, as OCR lines. */
const TODAY = '2026-12-01'
const read = (lines: string[]) => {
  const kind = classifyScan(lines)
  return { kind, ...extractFields(kind, lines, TODAY) }
}

describe('papers a packet carries', () => {
  it('商标注册证: number, registrant, class, end of validity', () => {
    expect(
      read([
        '商 标 注 册 证',
        '第 12345678 号',
        '注册人 上海青禾文化传媒有限公司',
        '核定使用商品/服务项目（第 35 类）',
        '注册有效期限 自2016年05月14日至2026年05月13日',
      ]),
    ).toEqual({
      kind: 'trademark_certificate',
      fields: {
        regNo: '12345678',
        registrant: '上海青禾文化传媒有限公司',
        class: '35',
        validUntil: '2026-05-13',
      },
      unsure: [],
    })
  })

  it('受理通知书: number, applicant and the stamp date at the foot (R17), not the filing date', () => {
    expect(
      read([
        '商标注册申请受理通知书',
        '申请号：87654321',
        '申请人：北京山岚科技有限公司',
        '申请日期：2026年05月02日',
        '国家知识产权局商标局',
        '2026年06月18日',
      ]),
    ).toEqual({
      kind: 'acceptance_notice',
      fields: {
        regNo: '87654321',
        applicant: '北京山岚科技有限公司',
        acceptanceDate: '2026-06-18',
      },
      unsure: [],
    })
  })

  it('转让申请受理通知书: number, transferee, stamp date', () => {
    expect(
      read([
        '转让申请受理通知书',
        '注册号 12345678',
        '受让人 杭州白杨广告有限公司',
        '2026 年 7 月 1 日',
      ]),
    ).toEqual({
      kind: 'transfer_notice',
      fields: {
        regNo: '12345678',
        transferee: '杭州白杨广告有限公司',
        acceptanceDate: '2026-07-01',
      },
      unsure: [],
    })
  })

  it('港澳 and 台湾 permits: name, number, end of validity', () => {
    expect(
      read(['往来港澳通行证', '姓名 陈 大文', 'H 12345678', '有效期限 2019.01.01-2029.01.01']),
    ).toMatchObject({
      kind: 'hk_macao_permit',
      fields: { name: '陈大文', number: 'H12345678', validUntil: '2029-01-01' },
    })
    expect(
      read([
        '台湾居民来往大陆通行证',
        '姓名 林志明',
        '号码 01234567',
        '有效期限 2020.03.01-2030.02.28',
      ]),
    ).toMatchObject({
      kind: 'taiwan_permit',
      fields: { name: '林志明', number: '01234567', validUntil: '2030-02-28' },
    })
  })

  it('ICP filing and software copyright', () => {
    expect(
      read(['ICP备案查询', '主办单位名称 上海青禾文化传媒有限公司', '沪ICP备12345678号-1']),
    ).toEqual({
      kind: 'icp_filing',
      fields: { recordNo: '沪ICP备12345678号-1', organizer: '上海青禾文化传媒有限公司' },
      unsure: [],
    })
    expect(
      read([
        '计算机软件著作权登记证书',
        '登记号：2020SR1234567',
        '软件名称：青禾排期助手 V1.0',
        '著作权人：上海青禾文化传媒有限公司',
      ]),
    ).toEqual({
      kind: 'software_copyright',
      fields: {
        registrationNo: '2020SR1234567',
        softwareName: '青禾排期助手V1.0',
        owner: '上海青禾文化传媒有限公司',
      },
      unsure: [],
    })
  })

  it('what is missing or impossible is unsure, never invented', () => {
    const unreadable = read(['商标注册证', '注册人', '有效期 自2016年05月14日至2026年02月30日'])
    expect(unreadable.kind).toBe('trademark_certificate')
    expect(unreadable.fields).toEqual({})
    expect(unreadable.unsure).toEqual(['regNo', 'registrant', 'class', 'validUntil'])
    expect(read(['核准商标转让证明'])).toEqual({ kind: 'transfer_proof', fields: {}, unsure: [] })
  })
})
