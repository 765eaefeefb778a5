import { isIsoDate } from '../dates'
import { icaoCheckDigit } from '../validators/passport'

/**
 * A passport's machine-readable zone (ICAO 9303 TD3: two lines of 44 characters) as OCR reads
 * it, turned into the passport's fields (issue 12): `number`, `nationality` (ICAO 3-letter),
 * `birthDate`, `expiryDate` (YYYY-MM-DD), `name` (NFKC, no spaces). Pure: text lines in, fields
 * out. OCR's usual confusions (O/0, I/1, B/8 …) are corrected where the zone says which kind of
 * character belongs there, and in the passport number only when exactly one correction
 * satisfies its check digit and the composite one — the one place a number may be "fixed"
 * (by its own check digits, never guessed). What does not check out is reported as unsure.
 */
export interface MrzFields {
  fields: {
    number?: string
    nationality?: string
    birthDate?: string
    expiryDate?: string
    name?: string
  }
  /** Fields read but not confirmed (a check digit fails, a date cannot exist). */
  unsure: string[]
  /** The two lines after correction, for display. */
  lines: [string, string]
}

const LENGTH = 44

/** Letters OCR reads for digits, in a field that can only hold digits. */
const AS_DIGIT: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  U: '0',
  I: '1',
  L: '1',
  T: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
}
/** Digits OCR reads for letters, in a field that can only hold letters (or <). */
const AS_LETTER: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
}
/** Either way, for the alphanumeric passport number (decided by its check digit). */
const CONFUSABLE: Record<string, string[]> = {
  '0': ['O', 'D'],
  O: ['0'],
  D: ['0'],
  '1': ['I'],
  I: ['1'],
  '8': ['B'],
  B: ['8'],
  '5': ['S'],
  S: ['5'],
  '2': ['Z'],
  Z: ['2'],
  '6': ['G'],
  G: ['6'],
}

/** One OCR line as MRZ characters: upper case, no spaces, the filler's look-alikes as `<`. */
function clean(line: string): string {
  return line
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[«‹く〈＜]/gu, '<')
    .replace(/\s+/gu, '')
}

const digits = (text: string) =>
  text
    .split('')
    .map((c) => AS_DIGIT[c] ?? c)
    .join('')
const letters = (text: string) =>
  text
    .split('')
    .map((c) => AS_LETTER[c] ?? c)
    .join('')

/**
 * Line 1 as read: the detector often drops the run of `<` fillers at its end, so a line that
 * starts as a passport's (`P`, a type, a three-letter state, a name with `<<`) and is short is
 * filled back to 44 — fillers carry nothing, and line 2 has the check digits.
 */
function firstLine(line: string): string | null {
  if (line.length === LENGTH) return line.startsWith('P') ? line : null
  if (line.length > LENGTH || line.length < 10) return null
  return /^P[A-Z<][A-Z<0-9]{3}[A-Z0-9<]*<<[A-Z0-9<]*$/u.test(line) ? line.padEnd(LENGTH, '<') : null
}

/**
 * Line 2 as read. A character lost or doubled in the nationality (CHN read as H2) shifts the
 * rest: with a length off by up to two, the number (0–9) is taken from the start and positions
 * 13–43 from the end, the nationality from line 1's issuing state — the composite check digit,
 * which covers all of those but the nationality, then says whether that was right.
 */
function secondLine(line: string, first: string): string | null {
  if (line.length === LENGTH) return line
  if (Math.abs(line.length - LENGTH) > 2 || !/^[A-Z0-9<]+$/u.test(line)) return null
  return line.slice(0, 10) + first.slice(2, 5) + line.slice(line.length - 31)
}

/** Find the zone: a passport's line 1 followed by its line 2. */
function findZone(lines: readonly string[]): [string, string] | null {
  const cleaned = lines.map(clean)
  for (let i = 0; i + 1 < cleaned.length; i++) {
    const first = firstLine(cleaned[i] ?? '')
    const second = first ? secondLine(cleaned[i + 1] ?? '', first) : null
    if (first && second) return [first, second]
  }
  return null
}

/** Whether the lines hold a passport's machine-readable zone (for the classifier). */
export function hasMrz(lines: readonly string[]): boolean {
  return findZone(lines) !== null
}

/** YYMMDD as a real date: births in the past century window, expiries in this one. */
function mrzDate(text: string, kind: 'birth' | 'expiry', today: string): string | null {
  if (!/^\d{6}$/.test(text)) return null
  const yy = Number(text.slice(0, 2))
  const thisYear = Number(today.slice(2, 4))
  const century = kind === 'birth' ? (yy > thisYear ? 1900 : 2000) : yy >= 70 ? 1900 : 2000
  const iso = `${century + yy}-${text.slice(2, 4)}-${text.slice(4, 6)}`
  return isIsoDate(iso) ? iso : null
}

const checks = (field: string, digit: string | undefined) =>
  digit !== undefined && /^\d$/.test(digit) && icaoCheckDigit(field) === Number(digit)

/**
 * The passport number (line 2, 0–8, check 9) corrected by its check digits: as read when it
 * checks; else the one single-character swap among OCR's confusions that makes both the number's
 * and the composite check digit right; else null.
 */
function correctNumber(line2: string, composite: (candidate: string) => boolean): string | null {
  const field = line2.slice(0, 9)
  const digit = line2[9]
  if (checks(field, digit) && composite(field)) return field
  const found = new Set<string>()
  for (let i = 0; i < field.length; i++) {
    for (const swap of CONFUSABLE[field[i] ?? ''] ?? []) {
      const candidate = field.slice(0, i) + swap + field.slice(i + 1)
      if (checks(candidate, digit) && composite(candidate)) found.add(candidate)
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null
}

/**
 * A field as read when its check digit holds; else the one single-character swap among OCR's
 * confusions that makes it hold; else null. (An all-filler field checks as 0.)
 */
function correctByCheckDigit(field: string, digit: string | undefined): string | null {
  if (checks(field, digit)) return field
  const found = new Set<string>()
  for (let i = 0; i < field.length; i++) {
    for (const swap of CONFUSABLE[field[i] ?? ''] ?? []) {
      const candidate = field.slice(0, i) + swap + field.slice(i + 1)
      if (checks(candidate, digit)) found.add(candidate)
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null
}

/** The fields of the first TD3 zone among `lines`, or null when there is none. */
export function readMrz(lines: readonly string[], today: string): MrzFields | null {
  const zone = findZone(lines)
  if (!zone) return null
  const [rawFirst, rawSecond] = zone
  // Line 1: P, type, issuing state (2–4, letters), name (5–43, letters and <).
  const first = rawFirst.slice(0, 2) + letters(rawFirst.slice(2))
  // Line 2: digits where the zone holds digits; letters for the nationality (10–12) and sex (20).
  const second =
    rawSecond.slice(0, 9) +
    digits(rawSecond.slice(9, 10)) +
    letters(rawSecond.slice(10, 13)) +
    digits(rawSecond.slice(13, 20)) +
    letters(rawSecond.slice(20, 21)) +
    digits(rawSecond.slice(21, 28)) +
    rawSecond.slice(28, 42) +
    digits(rawSecond.slice(42, 44))
  const unsure: string[] = []
  const fields: MrzFields['fields'] = {}

  // The optional data (28–41, a Chinese passport's encoded personal number) has its own check
  // digit (42): a look-alike misread there is corrected by it, as the number is, so that the
  // composite check can confirm the rest.
  const optional = correctByCheckDigit(second.slice(28, 42), second[42]) ?? second.slice(28, 42)
  const withOptional = second.slice(0, 28) + optional + second.slice(42)
  const compositeWith = (number: string) =>
    checks(
      number + withOptional.slice(9, 10) + withOptional.slice(13, 20) + withOptional.slice(21, 43),
      withOptional[43],
    )
  const number = correctNumber(second, compositeWith)
  const numberRead = (number ?? second.slice(0, 9)).replace(/<+$/u, '')
  if (numberRead) fields.number = numberRead
  if (number === null) unsure.push('number')

  // The nationality has no check digit. Where it differs from the issuing state (line 1) only
  // in letters that were read as digits (CHN read as 0HN), it is that state; a nationality
  // that differs otherwise is kept as read but unsure.
  const read = rawSecond.slice(10, 13)
  const state = first.slice(2, 5)
  const asLetters = second.slice(10, 13)
  const fromDigit = (i: number) => /\d/u.test(read[i] ?? '')
  const sameButDigits = [0, 1, 2].every((i) => asLetters[i] === state[i] || fromDigit(i))
  const nationality = (sameButDigits ? state : asLetters).replace(/<+$/u, '')
  if (/^[A-Z]{1,3}$/u.test(nationality)) fields.nationality = nationality
  if (!/^[A-Z]{1,3}$/u.test(nationality) || (!sameButDigits && /\d/u.test(read)))
    unsure.push('nationality')

  for (const [name, from, kind] of [
    ['birthDate', 13, 'birth'],
    ['expiryDate', 21, 'expiry'],
  ] as const) {
    const raw = second.slice(from, from + 6)
    const date = mrzDate(raw, kind, today)
    if (date) fields[name] = date
    if (!date || !checks(raw, second[from + 6])) unsure.push(name)
  }

  // SURNAME<<GIVEN<NAMES: the name as printed there, without the fillers (no spaces, §4b).
  // The name ends at the first `<<` after the surname's: the rest is fillers (or specks the
  // detector joined to the line).
  const [surname = '', given = ''] = first.slice(5).split('<<')
  const name = `${surname} ${given}`.replace(/<+/gu, ' ').trim()
  if (/^[A-Z ]+$/u.test(name)) fields.name = name.replace(/ /gu, '')
  else unsure.push('name')

  const correctedSecond = (number ?? second.slice(0, 9)) + second.slice(9)
  return { fields, unsure, lines: [first, correctedSecond] }
}
