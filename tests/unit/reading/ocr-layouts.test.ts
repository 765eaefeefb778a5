import { describe, expect, it } from 'vitest'
import { extractBusinessLicence } from '../../../shared/reading/business-licence'
import { readMrz } from '../../../shared/reading/mrz'
import { extractFields } from '../../../shared/reading/papers'
import { valueAfter } from '../../../shared/reading/text'

/**
 * What PP-OCRv4 really gives on the papers' layouts (lines copied from reads of the generated
 * scans, tests/helpers/scan-samples.ts): a row's boxes joined across columns, a spread-out
 * label broken, a seal over the stamp date's year, the MRZ's fillers dropped.
 */
const TODAY = '2026-12-01'

describe('a row read across two columns', () => {
  const lines = [
    '营业执照',
    '统一社会信用代码91310112MA1GB6KX2G',
    '名称上海星河广告有限公司 注册资本人民币200.0000万元整',
    '类型有限责任公司(自然人投资或控股) 成立日期2019年03月15日',
    '法定代表人周立群 营业期限2019年03月15日至长期',
    '经营范围一般项目：广告设计、代理；广告制作； 住所上海市闵行区虹梅路2008号3幢201室',
    '广告发布；企业形象策划；会议服务。',
    '登记机关',
  ]
  it('cuts each value where the next column’s label starts', () => {
    const read = extractBusinessLicence(lines)
    expect(read.fields.name).toBe('上海星河广告有限公司')
    expect(read.fields.legalRepresentative).toBe('周立群')
    expect(read.fields.businessScope).toBe(
      '一般项目:广告设计、代理;广告制作;广告发布;企业形象策划;会议服务。',
    )
    expect(read.fields.establishedOn).toBe('2019-03-15')
  })

  it('keeps the scope’s lines when the right column’s rows come between them', () => {
    const read = extractBusinessLicence([
      '经营范围一般项目：文化艺术交流活动策划；',
      '住所浙江省杭州市西湖区文三路478号5楼',
      '广告设计、代理；数字内容制作服务。',
      '登记机关',
    ])
    expect(read.fields.businessScope).toBe(
      '一般项目:文化艺术交流活动策划;广告设计、代理;数字内容制作服务。',
    )
  })
})

describe('a label printed spread out', () => {
  it('is found when its first character stands alone on a line', () => {
    expect(valueAfter(['名', '称深圳青岚网络科技有限公司 注册资本人民币500万元'], '名称')).toBe(
      '深圳青岚网络科技有限公司',
    )
  })
  it('is found with one stray character read in its gap', () => {
    expect(valueAfter(['名禾 称上海星河广告有限公司 注册资本人民币200万元'], '名称')).toBe(
      '上海星河广告有限公司',
    )
  })
})

describe('a notice whose stamp date is under the seal', () => {
  const body = ['商标注册申请受理通知书', '申请号：78451236', '申请人：上海星河广告有限公司']
  it('reports the date unsure when the seal hides part of it, never an earlier date', () => {
    const read = extractFields(
      'acceptance_notice',
      [...body, '你单位（人）于2026年07月10日提交的商标注册申请已受理', '26年08月03日'],
      TODAY,
    )
    expect(read.fields.acceptanceDate).toBeUndefined()
    expect(read.unsure).toContain('acceptanceDate')
  })
  it('also when the seal hides the 日', () => {
    const read = extractFields(
      'acceptance_notice',
      [...body, '申请日期 2026年08月21日', '国家知识产权璃', '26年09月14', '业务专用章'],
      TODAY,
    )
    expect(read.fields.acceptanceDate).toBeUndefined()
    expect(read.unsure).toContain('acceptanceDate')
  })
  it('takes the stamp date when it is read whole', () => {
    const read = extractFields(
      'acceptance_notice',
      [...body, '你单位（人）于2026年07月10日提交的商标注册申请已受理', '2026年08月03日'],
      TODAY,
    )
    expect(read.fields.acceptanceDate).toBe('2026-08-03')
  })
})

describe('a passport zone as the detector gives it', () => {
  const second = 'EK583219600HN8803148M2906210<<<<<<<<<<<<<<<2'
  it('fills line 1’s dropped fillers and takes the nationality’s look-alike letters from the issuing state', () => {
    const read = readMrz(['POCHNWANG<<XIAOMING<<<<<<', second], TODAY)
    expect(read?.fields).toMatchObject({ nationality: 'CHN', name: 'WANGXIAOMING' })
    expect(read?.unsure).not.toContain('nationality')
    expect(read?.fields.number).toBe('EK5832196')
  })
  it('reads a line 2 that lost a character in the nationality, and a line 1 with a speck joined to it', () => {
    const read = readMrz(
      ['POCHNL1U<<YUTING<<<<<<<<< KAAKS', 'E650238718H29506022F3209103<<<<<<<<<<<<<<<0'],
      TODAY,
    )
    expect(read?.fields).toEqual({
      number: 'E65023871',
      nationality: 'CHN',
      birthDate: '1995-06-02',
      expiryDate: '2032-09-10',
      name: 'LIUYUTING',
    })
    expect(read?.unsure).toEqual([])
  })
  it('ignores a line that does not start like a passport’s', () => {
    expect(readMrz(['VISA<<SOMETHING', second], TODAY)).toBeNull()
  })
})
