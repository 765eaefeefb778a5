import { describe, expect, it } from 'vitest'
import { readMrz } from '../../../shared/reading/mrz'
import { icaoCheckDigit } from '../../../shared/validators/passport'

/** A TD3 zone with correct check digits, as a passport prints it. */
function zone(options: {
  number: string
  nationality: string
  birth: string
  expiry: string
  surname: string
  given: string
}): [string, string] {
  const pad = (text: string, length: number) => text.padEnd(length, '<').slice(0, length)
  const line1 = pad(
    `P<${options.nationality}${options.surname}<<${options.given.replace(/ /g, '<')}`,
    44,
  )
  const number = pad(options.number, 9)
  const body =
    number +
    String(icaoCheckDigit(number)) +
    options.nationality +
    options.birth +
    String(icaoCheckDigit(options.birth)) +
    'M' +
    options.expiry +
    String(icaoCheckDigit(options.expiry)) +
    pad('', 14) +
    String(icaoCheckDigit(pad('', 14)))
  const composite = body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43)
  return [line1, body + String(icaoCheckDigit(composite))]
}

const TODAY = '2026-12-01'
const CHINESE = zone({
  number: 'E12345678',
  nationality: 'CHN',
  birth: '850312',
  expiry: '310711',
  surname: 'ZHANG',
  given: 'WEI',
})
const FOREIGN = zone({
  number: 'L898902C3',
  nationality: 'UTO',
  birth: '740812',
  expiry: '120415',
  surname: 'ERIKSSON',
  given: 'ANNA MARIA',
})

describe('reading a passport MRZ (ICAO 9303 TD3)', () => {
  it('reads every field of a clean zone among other lines of text', () => {
    expect(CHINESE[1]).toHaveLength(44)
    const read = readMrz(['中华人民共和国', '护照 PASSPORT', ...CHINESE, ''], TODAY)
    expect(read).toEqual({
      fields: {
        number: 'E12345678',
        nationality: 'CHN',
        birthDate: '1985-03-12',
        expiryDate: '2031-07-11',
        name: 'ZHANGWEI',
      },
      unsure: [],
      lines: CHINESE,
    })
    expect(readMrz(FOREIGN, TODAY)?.fields).toMatchObject({
      number: 'L898902C3',
      nationality: 'UTO',
      birthDate: '1974-08-12',
      expiryDate: '2012-04-15',
      name: 'ERIKSSONANNAMARIA',
    })
  })

  it.each([
    [
      'spaces, lower case and « for the filler',
      (l: string) =>
        l
          .toLowerCase()
          .replace(/</g, '«')
          .replace(/(.{11})/g, '$1 '),
    ],
    [
      'O for 0 and I for 1 in the dates and check digits',
      (l: string, i: number) =>
        i === 1 ? l.slice(0, 13) + l.slice(13).replace(/0/g, 'O').replace(/1/g, 'I') : l,
    ],
    [
      '0 for O in the names and the state',
      (l: string, i: number) => (i === 0 ? l.replace(/O/g, '0') : l),
    ],
  ])('corrects OCR confusions where the zone says what belongs: %s', (_name, damage) => {
    const lines = FOREIGN.map((line, i) => damage(line, i))
    const read = readMrz(lines, TODAY)
    expect(read?.unsure).toEqual([])
    expect(read?.lines).toEqual(FOREIGN)
  })

  it('fixes the passport number only when its check digits allow exactly one reading', () => {
    // B read for 8: the number's own and the composite check digit pick the 8.
    const damaged = [CHINESE[0], CHINESE[1].replace('E12345678', 'E1234567B')]
    const read = readMrz(damaged, TODAY)
    expect(read?.fields.number).toBe('E12345678')
    expect(read?.unsure).toEqual([])
    // A wrong digit with no look-alike cannot be fixed: read as is, reported unsure.
    const wrong = [CHINESE[0], CHINESE[1].replace('E12345678', 'E12345679')]
    expect(readMrz(wrong, TODAY)).toMatchObject({
      fields: { number: 'E12345679' },
      unsure: ['number'],
    })
  })

  it('leaves out a date that cannot exist and reports it unsure; a bad check digit too', () => {
    const impossible = zone({
      number: 'E12345678',
      nationality: 'CHN',
      birth: '850230',
      expiry: '310711',
      surname: 'ZHANG',
      given: 'WEI',
    })
    const read = readMrz(impossible, TODAY)
    expect(read?.fields.birthDate).toBeUndefined()
    expect(read?.unsure).toEqual(['birthDate'])
    const badCheck = [CHINESE[0], `${CHINESE[1].slice(0, 27)}0${CHINESE[1].slice(28)}`]
    expect(readMrz(badCheck, TODAY)?.unsure).toContain('expiryDate')
  })

  it('finds nothing where there is no zone', () => {
    expect(readMrz(['营业执照', '统一社会信用代码 91310000MA1FL8XQ37'], TODAY)).toBeNull()
    expect(readMrz([CHINESE[1], CHINESE[0]], TODAY)).toBeNull()
  })
})
