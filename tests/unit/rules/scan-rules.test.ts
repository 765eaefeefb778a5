import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readMismatchField } from '../../../shared/rules/scan-checks'
import { isAnyOf, type Plan, type PlainRequirement } from '../../../shared/rules/types'
import { runPlanFile, type PlanRun } from '../../helpers/plan-cli'
import { baseScenario, GOOD_JPEG, mark, type ScenarioInput } from '../../helpers/scenario-builder'
import { tempDir } from '../../helpers/temp'

/** RULES.md §4b (R15–R18), one test per sentence, through the CLI's `plan FILE` code path. */

const temp = tempDir('packetdesk-scan-rules-')
afterAll(() => temp.cleanup())
let counter = 0

function cliPlan(patch: (s: ScenarioInput) => void): PlanRun {
  const s = baseScenario()
  patch(s)
  const file = join(temp.dir, `s${counter++}.json`)
  writeFileSync(file, JSON.stringify(s))
  return runPlanFile(file)
}

function planned(patch: (s: ScenarioInput) => void): Plan {
  const run = cliPlan(patch)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  if (!run.plan) throw new Error('no plan')
  return run.plan
}

const item = (p: Plan, id: string, subject: string) =>
  p.requirements.find(
    (r): r is PlainRequirement => !isAnyOf(r) && r.id === id && r.subject === subject,
  )
const warnings = (p: Plan, rule: string) =>
  p.warnings.filter((w) => w.rule === rule).map((w) => `${w.rule}@${w.subject}`)
const blockers = (p: Plan) => p.blockers.map((b) => `${b.rule}@${b.subject}`)

type Read = { kind: string; fields?: Record<string, string> }
const doc = (requirement: string, subject: string, read?: Read) => ({
  requirement: requirement as 'trademark_certificate',
  subject,
  file: { ...GOOD_JPEG, ...(read ? { read } : {}) },
})

const person = (type: 'resident_id' | 'passport' = 'resident_id') => ({
  id: 'p-1',
  kind: 'person' as const,
  name: '张伟',
  idDocument:
    type === 'resident_id' ? { type, number: '11010519491231002X' } : { type, number: 'E12345678' },
})

/** A mark registered to person p-1, with their letter and ID copy (R11). */
function personMark(s: ScenarioInput, idRead: Read | undefined, type?: 'passport') {
  s.parties = [person(type)]
  s.trademarks = [mark({ registrant: 'p-1' })]
  s.relations = [{ type: 'authorization', from: 'p-1', to: 'c-app', validUntil: null }]
  s.documents = [
    doc('trademark_certificate', 'tm-1'),
    doc('authorization_letter', 'p-1->c-app'),
    doc('registrant_id_copy', 'p-1', idRead),
  ]
}

describe('R15 certificate vs record', () => {
  it('a regNo that differs from the trademark’s makes the certificate invalid, naming both', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { regNo: '45678999' },
        }),
      ]
    })
    const cert = item(p, 'trademark_certificate', 'tm-1')
    expect(cert?.status).toBe('invalid')
    expect(cert?.reasons.join('')).toContain('45678999')
    expect(cert?.reasons.join('')).toContain('45678901')
    expect(p.ready).toBe(false)
    // The check step shows the scan's line of the field the reason is about.
    expect(readMismatchField('trademark_certificate', cert?.reasons[0] ?? '')).toBe('regNo')
  })

  it('numbers are compared after NFKC with whitespace removed and upper-cased', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ regNo: 'g1234567' })]
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { regNo: 'Ｇ 1234 567' },
        }),
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
  })

  it('a registrant that differs from the registrant’s name warns R15 when officialRegistrantDiffers is null', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { regNo: '45678901', registrant: '上海青禾文化传播有限公司' },
        }),
      ]
    })
    expect(warnings(p, 'R15')).toEqual(['R15@tm-1'])
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
  })

  it('names compare after NFKC without whitespace, and without case folding', () => {
    const same = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { registrant: '上海青禾文化传媒 有限公司' },
        }),
      ]
    })
    expect(warnings(same, 'R15')).toEqual([])
    const caseOnly = planned((s) => {
      s.applicant.name = 'Maple Leaf Ltd.'
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { registrant: 'MAPLE LEAF LTD.' },
        }),
      ]
    })
    expect(warnings(caseOnly, 'R15')).toEqual(['R15@tm-1'])
  })

  it('the registrant warning is skipped when officialRegistrantDiffers is set', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ officialRegistrantDiffers: 'change' })]
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { registrant: '别的公司' },
        }),
      ]
    })
    expect(warnings(p, 'R15')).toEqual([])
  })

  it('a validUntil that differs from the record warns R15', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { validUntil: '2030-03-13' },
        }),
      ]
    })
    expect(warnings(p, 'R15')).toEqual(['R15@tm-1'])
  })

  it('validUntil is compared only when the record has one, and never feeds R5', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ validUntil: null })]
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { validUntil: '2020-01-01' },
        }),
      ]
    })
    expect(warnings(p, 'R15')).toEqual([])
    expect(item(p, 'trademark_renewal_proof', 'tm-1')).toBeUndefined()
    expect(warnings(p, 'R5')).toEqual([])
  })

  it('a transfer-accepted mark’s certificate is compared too (R7 asks for it)', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ status: 'transfer_accepted', transferee: 'c-app' })]
      s.documents = [
        doc('trademark_transfer_notice', 'tm-1'),
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { regNo: '1' },
        }),
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('invalid')
  })
})

describe('R16 ID copy vs person', () => {
  it('a number that differs from the person’s makes the ID copy invalid, not the letter', () => {
    const p = planned((s) =>
      personMark(s, { kind: 'resident_id', fields: { number: '110105194912310037' } }),
    )
    expect(item(p, 'registrant_id_copy', 'p-1')?.status).toBe('invalid')
    expect(item(p, 'registrant_id_copy', 'p-1')?.reasons.join('')).toContain('R16')
    expect(item(p, 'authorization_letter', 'p-1->c-app')?.status).toBe('satisfied')
    const reason = item(p, 'registrant_id_copy', 'p-1')?.reasons[0] ?? ''
    expect(readMismatchField('registrant_id_copy', reason)).toBe('number')
    // Personal data: the number the scan shows is masked in the message, as in lists.
    expect(reason).toContain('1101**********0037')
    expect(reason).not.toContain('110105194912310037')
  })

  it('the same number written with spaces and a lower-case x is the same number', () => {
    const p = planned((s) =>
      personMark(s, { kind: 'resident_id', fields: { number: '110105 19491231 002x' } }),
    )
    expect(item(p, 'registrant_id_copy', 'p-1')?.status).toBe('satisfied')
  })

  it('validUntil before the as-of date warns R16 on the person; long_term does not', () => {
    const expired = planned((s) =>
      personMark(s, { kind: 'resident_id', fields: { validUntil: '2026-01-01' } }),
    )
    expect(warnings(expired, 'R16')).toEqual(['R16@p-1'])
    expect(item(expired, 'registrant_id_copy', 'p-1')?.status).toBe('satisfied')
    const longTerm = planned((s) =>
      personMark(s, { kind: 'resident_id', fields: { validUntil: 'long_term' } }),
    )
    expect(warnings(longTerm, 'R16')).toEqual([])
  })

  it('R16b: a passport’s expiry is expiryDate, not validUntil', () => {
    const expired = planned((s) =>
      personMark(s, { kind: 'passport', fields: { expiryDate: '2025-05-01' } }, 'passport'),
    )
    expect(warnings(expired, 'R16')).toEqual(['R16@p-1'])
    const fine = planned((s) =>
      personMark(
        s,
        { kind: 'passport', fields: { validUntil: '2025-05-01', expiryDate: '2031-05-01' } },
        'passport',
      ),
    )
    expect(warnings(fine, 'R16')).toEqual([])
  })

  it('the scan’s kind is not compared with the person’s document type', () => {
    const p = planned((s) => personMark(s, { kind: 'passport', fields: {} }))
    expect(item(p, 'registrant_id_copy', 'p-1')?.status).toBe('satisfied')
  })
})

describe('R17 notices', () => {
  const accepted = (s: ScenarioInput, read: Read, acceptanceDate: string | null) => {
    s.asOf = '2026-11-30'
    s.trademarks = [mark({ status: 'application_accepted', validUntil: null, acceptanceDate })]
    s.documents = [doc('trademark_acceptance_notice', 'tm-1', read)]
  }

  it('an acceptance notice whose regNo differs is invalid', () => {
    const p = planned((s) =>
      accepted(s, { kind: 'acceptance_notice', fields: { regNo: '999' } }, '2026-01-05'),
    )
    expect(item(p, 'trademark_acceptance_notice', 'tm-1')?.status).toBe('invalid')
    const reason = item(p, 'trademark_acceptance_notice', 'tm-1')?.reasons[0] ?? ''
    expect(readMismatchField('trademark_acceptance_notice', reason)).toBe('regNo')
  })

  it('a transfer notice whose regNo differs is invalid', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ status: 'transfer_accepted', transferee: 'c-app' })]
      s.documents = [
        doc('trademark_transfer_notice', 'tm-1', {
          kind: 'transfer_notice',
          fields: { regNo: '999' },
        }),
        doc('trademark_certificate', 'tm-1'),
      ]
    })
    expect(item(p, 'trademark_transfer_notice', 'tm-1')?.status).toBe('invalid')
    const reason = item(p, 'trademark_transfer_notice', 'tm-1')?.reasons[0] ?? ''
    expect(readMismatchField('trademark_transfer_notice', reason)).toBe('regNo')
  })

  it('a stamp date that differs from the record warns R17, and R6 counts from the later one', () => {
    const p = planned((s) =>
      accepted(
        s,
        { kind: 'acceptance_notice', fields: { acceptanceDate: '2026-09-10' } },
        '2026-08-15',
      ),
    )
    expect(warnings(p, 'R17')).toEqual(['R17@tm-1'])
    expect(p.blockers).toHaveLength(1)
    expect(p.blockers[0]?.until).toBe('2026-12-11')
  })

  it('an earlier stamp on the paper than on the record keeps the record’s date (the later one)', () => {
    const p = planned((s) =>
      accepted(
        s,
        { kind: 'acceptance_notice', fields: { acceptanceDate: '2026-01-02' } },
        '2026-08-15',
      ),
    )
    expect(warnings(p, 'R17')).toEqual(['R17@tm-1'])
    expect(blockers(p)).toEqual([])
  })

  it('a record without an acceptance date uses the scan’s', () => {
    const p = planned((s) =>
      accepted(s, { kind: 'acceptance_notice', fields: { acceptanceDate: '2026-09-10' } }, null),
    )
    expect(warnings(p, 'R17')).toEqual([])
    expect(p.blockers[0]?.until).toBe('2026-12-11')
  })

  it('no acceptance date on the record and none read: an invalid scenario naming the field', () => {
    const run = cliPlan((s) => accepted(s, { kind: 'acceptance_notice', fields: {} }, null))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('trademarks[0].acceptanceDate')
  })

  it('several notices: the latest stamp date counts', () => {
    const p = planned((s) => {
      accepted(s, { kind: 'acceptance_notice', fields: { acceptanceDate: '2026-07-01' } }, null)
      s.documents?.push(
        doc('trademark_acceptance_notice', 'tm-1', {
          kind: 'acceptance_notice',
          fields: { acceptanceDate: '2026-09-10' },
        }),
      )
    })
    expect(p.blockers[0]?.until).toBe('2026-12-11')
  })

  it('a transfer notice naming another transferee blocks R7, whatever the record says', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ status: 'transfer_accepted', transferee: 'c-app' })]
      s.documents = [
        doc('trademark_transfer_notice', 'tm-1', {
          kind: 'transfer_notice',
          fields: { regNo: '45678901', transferee: '杭州别家贸易有限公司' },
        }),
        doc('trademark_certificate', 'tm-1'),
      ]
    })
    expect(blockers(p)).toEqual(['R7@tm-1'])
    expect(p.blockers[0]?.message).toContain('杭州别家贸易有限公司')
    // It does not change which links the record requires (none: the transferee's own mark).
    expect(p.requirements.map((r) => ('anyOf' in r ? 'anyOf' : r.id))).toEqual([
      'avatar',
      'trademark_transfer_notice',
      'trademark_certificate',
    ])
  })

  it('a transfer notice naming the applicant adds no blocker', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ status: 'transfer_accepted', transferee: 'c-app' })]
      s.documents = [
        doc('trademark_transfer_notice', 'tm-1', {
          kind: 'transfer_notice',
          fields: { transferee: '上海青禾文化传媒有限公司' },
        }),
      ]
    })
    expect(blockers(p)).toEqual([])
  })
})

describe('R18 wrong kind of paper', () => {
  it('a known kind the requirement does not accept is invalid, saying what the scan looks like', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'acceptance_notice',
          fields: { regNo: '999', acceptanceDate: '2018-04-02' },
        }),
      ]
    })
    const cert = item(p, 'trademark_certificate', 'tm-1')
    expect(cert?.status).toBe('invalid')
    // R18 alone: its fields are not compared with anything.
    expect(cert?.reasons).toHaveLength(1)
    expect(cert?.reasons[0]).toContain('R18')
    expect(cert?.reasons[0]).toContain('商标注册申请受理通知书')
    // A wrong kind of paper has no line to show.
    expect(readMismatchField('trademark_certificate', cert?.reasons[0] ?? '')).toBeNull()
  })

  it('an `unknown` kind is not a wrong kind: judged as before', () => {
    const p = planned((s) => {
      s.documents = [doc('trademark_certificate', 'tm-1', { kind: 'unknown', fields: {} })]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
  })

  it('the ID copy accepts the four identity documents and nothing else', () => {
    for (const kind of ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit']) {
      const p = planned((s) => personMark(s, { kind }))
      expect(item(p, 'registrant_id_copy', 'p-1')?.status).toBe('satisfied')
    }
    const licence = planned((s) => personMark(s, { kind: 'business_licence' }))
    expect(item(licence, 'registrant_id_copy', 'p-1')?.status).toBe('invalid')
  })

  it('other requirements accept any kind', () => {
    const p = planned((s) => {
      s.trademarks = [mark({ validUntil: '2020-01-01' })]
      s.documents = [
        doc('trademark_certificate', 'tm-1'),
        doc('trademark_renewal_proof', 'tm-1', { kind: 'acceptance_notice' }),
      ]
    })
    expect(item(p, 'trademark_renewal_proof', 'tm-1')?.status).toBe('satisfied')
  })

  it('several files: the best file’s status counts', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', { kind: 'transfer_notice' }),
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { regNo: '45678901', registrant: '另一家公司' },
        }),
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
    expect(warnings(p, 'R15')).toEqual(['R15@tm-1'])
  })
})

describe('§4b fixed readings', () => {
  it('an empty string is "not read": nothing is compared', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { regNo: '', registrant: '', validUntil: '' },
        }),
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
    expect(p.warnings.filter((w) => w.rule !== 'R3')).toEqual([])
  })

  it('absent fields are {} and unknown fields are ignored', () => {
    const p = planned((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', { kind: 'trademark_certificate' }),
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { colourOfInk: 'red', regNo: '45678901' },
        }),
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('satisfied')
  })

  it('a malformed date field is an invalid scenario naming the field', () => {
    const run = cliPlan((s) => {
      s.documents = [
        doc('trademark_certificate', 'tm-1', {
          kind: 'trademark_certificate',
          fields: { validUntil: '2026-13-01' },
        }),
      ]
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('documents[0].file.read.fields.validUntil')
  })

  it('an empty kind is an invalid scenario naming documents[i].file.read.kind', () => {
    const run = cliPlan((s) => {
      s.documents = [doc('trademark_certificate', 'tm-1', { kind: '' })]
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('documents[0].file.read.kind')
  })

  it('a record without a number compares nothing', () => {
    const p = planned((s) => {
      personMark(s, { kind: 'resident_id', fields: { number: '110105194912310037' } })
      s.parties = [{ id: 'p-1', kind: 'person', name: '张伟', idDocument: null }]
    })
    expect(item(p, 'registrant_id_copy', 'p-1')?.status).toBe('satisfied')
  })
})

describe('spec v2: null file facts', () => {
  it('an undecodable docx with null width, height and colour: exit 0, that document invalid', () => {
    const p = planned((s) => {
      s.documents = [
        {
          requirement: 'trademark_certificate',
          subject: 'tm-1',
          file: { format: 'docx', bytes: 20_000, width: null, height: null, color: null },
        },
      ]
    })
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('invalid')
  })

  it('a decodable file with some null facts is judged on the known ones (null colour is not greyscale)', () => {
    const p = planned((s) => {
      s.account.promotedSubject = 'app'
      s.documents = [
        doc('trademark_certificate', 'tm-1'),
        {
          requirement: 'software_copyright_certificate',
          subject: '',
          file: { format: 'jpeg', bytes: 300_000, width: null, height: null, color: null },
        },
      ]
      s.account.avatar = { format: 'jpeg', bytes: 90_000, width: null, height: null }
    })
    expect(item(p, 'software_copyright_certificate', '')?.status).toBe('satisfied')
    expect(item(p, 'avatar', '')?.status).toBe('satisfied')
    expect(p.warnings.filter((w) => w.rule === 'R1')).toEqual([])
  })

  it('HEIC is invalid in every slot, the avatar included', () => {
    const p = planned((s) => {
      s.account.avatar = { format: 'heic', bytes: 90_000, width: 800, height: 800 }
      s.documents = [
        {
          requirement: 'trademark_certificate',
          subject: 'tm-1',
          file: { format: 'heif', bytes: 1 },
        },
      ]
    })
    expect(item(p, 'avatar', '')?.status).toBe('invalid')
    expect(item(p, 'trademark_certificate', 'tm-1')?.status).toBe('invalid')
  })
})
