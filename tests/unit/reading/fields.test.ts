import { describe, expect, it } from 'vitest'
import { extractBusinessLicence } from '../../../shared/reading/business-licence'
import { extractResidentId } from '../../../shared/reading/resident-id'
import { chineseDate } from '../../../shared/reading/text'

/** Field extractors (issue 12): OCR lines as they come (spaces inside labels, split lines). */
const TODAY = '2026-12-01'

describe('dates as printed on Chinese papers', () => {
  it.each([
    ['2015年3月12日', '2015-03-12'],
    ['2015 年 03 月 12 日', '2015-03-12'],
    ['2015.08.01', '2015-08-01'],
    ['2015-8-1', '2015-08-01'],
    ['2015/08/01', '2015-08-01'],
    ['２０１５年３月１２日', '2015-03-12'],
    ['2015年2月30日', null],
    ['二〇一五年三月', null],
  ])('%s → %s', (text, iso) => {
    expect(chineseDate(text)).toBe(iso)
  })
})

describe('居民身份证', () => {
  const front = [
    '姓 名 张 伟',
    '性别 男 民族 汉',
    '出生 1949 年 12 月 31 日',
    '住址 北京市朝阳区建国路 88 号',
    '公民身份号码 1101 0519 4912 3100 2X',
  ]
  const back = [
    '中华人民共和国',
    '居民身份证',
    '签发机关 北京市公安局朝阳分局',
    '有效期限 2015.08.01-2035.08.01',
  ]

  it('reads name, number and the end of validity from both sides on one page', () => {
    expect(extractResidentId([...front, ...back], TODAY)).toEqual({
      fields: { name: '张伟', number: '11010519491231002X', validUntil: '2035-08-01' },
      unsure: [],
    })
  })

  it('长期 is long_term; a label alone on its line takes the next line', () => {
    const read = extractResidentId(['姓名', '李娜', '有效期限 2018.01.05—长期'], TODAY)
    expect(read.fields).toEqual({ name: '李娜', validUntil: 'long_term' })
  })

  it('a number failing its check character is read but unsure, never fixed; an impossible date is left out', () => {
    const read = extractResidentId(
      ['公民身份号码 110105194912310021', '有效期限 2015.08.01-2035.02.30'],
      TODAY,
    )
    expect(read.fields).toEqual({ number: '110105194912310021' })
    expect(read.unsure).toEqual(['number', 'validUntil'])
  })
})

describe('营业执照', () => {
  const licence = [
    '营 业 执 照',
    '统一社会信用代码 91310000 MA1FL8XQ37',
    '名 称 上海青禾文化传媒有限公司',
    '类 型 有限责任公司（自然人投资或控股）',
    '法定代表人 张 伟',
    '经营范围 品牌咨询，广告设计、代理，',
    '文化艺术交流活动策划。',
    '注册资本 人民币100.0000万元整',
    '成立日期 2015年03月12日',
    '住 所 上海市徐汇区',
  ]

  it('reads code, name, representative, the scope over two lines and the founding date', () => {
    expect(extractBusinessLicence(licence)).toEqual({
      fields: {
        uscc: '91310000MA1FL8XQ37',
        name: '上海青禾文化传媒有限公司',
        legalRepresentative: '张伟',
        businessScope: '品牌咨询,广告设计、代理,文化艺术交流活动策划。',
        establishedOn: '2015-03-12',
      },
      unsure: [],
    })
  })

  it('a code failing its check character is read but unsure', () => {
    const read = extractBusinessLicence(['统一社会信用代码 91310000MA1FL8XQ38'])
    expect(read).toEqual({ fields: { uscc: '91310000MA1FL8XQ38' }, unsure: ['uscc'] })
  })
})
