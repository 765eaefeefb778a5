import sharp, { type Sharp } from 'sharp'
import type { ScanKind } from '../../shared/rules/scan-kinds'
import type { ScanSample } from './scan-samples'

/**
 * A held-out set of scans for the reader (issue 12): pages the reader was NOT tuned on, drawn
 * independently of tests/helpers/scan-samples.ts — other layouts (the 2019 and the older
 * single-column 营业执照, a branch's and a 个体工商户's licence, ID copies side by side, foreign
 * passports, a 港澳 permit, an ICP screenshot, a software copyright certificate), other fonts
 * and sizes, other captures: flatbed scans at 150–300 dpi, phone photos on a dark table (turned
 * 3–6°, in perspective, the page filling only part of the picture), a card alone on a scanner's
 * bed, screenshots; then JPEG at low quality, noise, blur, grey paper, photocopies, quarter turns.
 *
 * Pages are drawn in millimetres (CSS pixels for screenshots) and rendered at the capture's
 * resolution with the Noto CJK fonts. Every company, person and number is invented; check
 * characters (GB 32100, GB 11643, ICAO 9303) are computed here by this file's own code.
 *
 * `fields` is what the paper says, normalised as shared/reading returns it (dates YYYY-MM-DD,
 * names without spaces, NFKC punctuation); `lines` is the page's perfect text in reading order
 * (top to bottom, left to right; a label and its value on one line). Where the extractors do not
 * handle a real layout's perfect text, `extractorGaps` names the field and why — the sample
 * still expects what the paper says (tests/unit/reading/scan-samples-unseen.test.ts).
 */
export interface UnseenScanSample extends ScanSample {
  /** Fields the extractors miss even from perfect text: field → what the layout does. */
  extractorGaps?: Record<string, string>
  /** How the page was captured, for reports. */
  capture: string
}

// ─── Check characters (this file's own code, not the validators under test) ─────────────────

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

/** GB 32100-2015: weights 3^i mod 31, check = (31 − Σ mod 31) mod 31. */
function uscc(first17: string): string {
  let sum = 0
  let weight = 1
  for (const c of first17) {
    const value = USCC_CHARSET.indexOf(c)
    if (value < 0) throw new Error(`USCC: ${c} is not in the charset`)
    sum += value * weight
    weight = (weight * 3) % 31
  }
  if (first17.length !== 17) throw new Error('USCC: 17 characters before the check')
  return first17 + (USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '?')
}

/** GB 11643-1999: weights 2^(17−i) mod 11, check = (12 − Σ mod 11) mod 11, 10 written X. */
function residentId(first17: string): string {
  if (!/^\d{17}$/u.test(first17)) throw new Error('resident ID: 17 digits before the check')
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11)
  const check = (12 - (sum % 11)) % 11
  return first17 + (check === 10 ? 'X' : String(check))
}

/** ICAO 9303 check digit: weights 7, 3, 1; digits, A=10…Z=35, `<` = 0. */
function icao(field: string): string {
  const weights = [7, 3, 1]
  let sum = 0
  Array.from(field).forEach((c, i) => {
    const value = c === '<' ? 0 : /\d/u.test(c) ? Number(c) : c.charCodeAt(0) - 55
    sum += value * (weights[i % 3] ?? 0)
  })
  return String(sum % 10)
}

interface Td3 {
  type: string
  state: string
  surname: string
  given: string[]
  number: string
  nationality: string
  birth: string
  sex: 'M' | 'F'
  expiry: string
  personal?: string
}

/** A passport's machine-readable zone (TD3): two lines of 44 characters. */
function td3(p: Td3): [string, string] {
  const first = `${p.type.padEnd(2, '<')}${p.state}${p.surname}<<${p.given.join('<')}`.padEnd(
    44,
    '<',
  )
  const number = p.number.padEnd(9, '<')
  const personal = (p.personal ?? '').padEnd(14, '<')
  const personalCheck = p.personal ? icao(personal) : '<'
  const second =
    number +
    icao(number) +
    p.nationality +
    p.birth +
    icao(p.birth) +
    p.sex +
    p.expiry +
    icao(p.expiry) +
    personal +
    personalCheck
  const composite = second.slice(0, 10) + second.slice(13, 20) + second.slice(21, 43)
  const zone: [string, string] = [first, second + icao(composite)]
  if (zone.some((line) => line.length !== 44)) throw new Error(`TD3 line length: ${zone.join()}`)
  return zone
}

/** How shared/reading normalises a value (§4b): NFKC, no whitespace. */
const norm = (value: string): string => value.normalize('NFKC').replace(/\s+/gu, '')

// ─── SVG pieces (units: mm, or CSS px for screenshots) ──────────────────────────────────────

const SERIF = "'Noto Serif CJK SC'"
const SANS = "'Noto Sans CJK SC'"
const CJK_MONO = "'Noto Sans Mono CJK SC'"
const LATIN = "'Liberation Sans'"
const LATIN_SERIF = "'Liberation Serif'"

interface Style {
  size: number
  font?: string
  weight?: number
  fill?: string
  anchor?: 'start' | 'middle' | 'end'
  spacing?: number
}

const escape = (text: string): string =>
  text.replace(
    /[<>&"]/gu,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  )

function t(x: number, y: number, content: string, s: Style): string {
  const attributes = [
    `x="${x.toFixed(2)}"`,
    `y="${y.toFixed(2)}"`,
    `font-size="${s.size}"`,
    `font-family="${s.font ?? SERIF}"`,
    `fill="${s.fill ?? '#161616'}"`,
  ]
  if (s.weight) attributes.push(`font-weight="${s.weight}"`)
  if (s.anchor && s.anchor !== 'start') attributes.push(`text-anchor="${s.anchor}"`)
  if (s.spacing) attributes.push(`letter-spacing="${s.spacing}"`)
  return `<text ${attributes.join(' ')} xml:space="preserve">${escape(content)}</text>`
}

/** A label's characters set apart over `width`, as forms print short labels (注 册 人). */
function spaced(x: number, y: number, label: string, width: number, s: Style): string {
  const chars = Array.from(label)
  const step = chars.length > 1 ? (width - s.size) / (chars.length - 1) : 0
  return chars.map((c, i) => t(x + i * step, y, c, s)).join('')
}

/** Deterministic randomness (xorshift32), one stream per seed. */
function rng(seed: number): () => number {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state / 4294967296
  }
}

const hash = (text: string): number =>
  Array.from(text).reduce(
    (h, c) => (Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0) | 0,
    2166136261,
  ) >>> 0

/** A five-pointed star's points. */
function starPoints(cx: number, cy: number, r: number, inner = 0.38, turn = 0): string {
  return Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2 + turn
    const radius = i % 2 === 0 ? r : r * inner
    return `${(cx + radius * Math.cos(a)).toFixed(2)},${(cy + radius * Math.sin(a)).toFixed(2)}`
  }).join(' ')
}

/** The national emblem as a flat drawing (no text): ring, five stars, a gate, a cog. */
function emblem(cx: number, cy: number, r: number, tone: 'colour' | 'ink' = 'colour'): string {
  const gold = tone === 'colour' ? '#e0b43a' : '#9a9a9a'
  const red = tone === 'colour' ? '#b8141b' : '#3d3d3d'
  const stars = [
    [-0.36, -0.36, 0.2],
    [-0.05, -0.6, 0.07],
    [0.1, -0.47, 0.07],
    [0.12, -0.28, 0.07],
    [-0.02, -0.14, 0.07],
  ] as const
  return `<g>
    <circle cx="${cx}" cy="${cy}" r="${r}" fill="${gold}"/>
    <circle cx="${cx}" cy="${cy}" r="${r * 0.82}" fill="${red}"/>
    ${stars.map(([dx, dy, size]) => `<polygon fill="${gold}" points="${starPoints(cx + dx * r, cy + dy * r, size * r)}"/>`).join('')}
    <path fill="${gold}" d="M ${cx - r * 0.5} ${cy + r * 0.42} h ${r} v ${-r * 0.1} h ${-r * 0.12} v ${-r * 0.2} h ${r * 0.06} l ${-r * 0.44} ${-r * 0.22} l ${-r * 0.44} ${r * 0.22} h ${r * 0.06} v ${r * 0.2} h ${-r * 0.12} z"/>
    <circle cx="${cx}" cy="${cy + r * 0.62}" r="${r * 0.1}" fill="none" stroke="${gold}" stroke-width="${r * 0.05}"/>
  </g>`
}

/** A QR code's look: three finder squares and random modules (not decodable). */
function qr(x: number, y: number, size: number, seed: number): string {
  const next = rng(seed)
  const n = 25
  const m = size / n
  const finder = (i: number, j: number) =>
    (i < 8 && j < 8) || (i < 8 && j >= n - 8) || (i >= n - 8 && j < 8)
  const cells: string[] = []
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!finder(i, j) && next() < 0.48) {
        cells.push(
          `<rect x="${(x + j * m).toFixed(2)}" y="${(y + i * m).toFixed(2)}" width="${(m * 1.02).toFixed(2)}" height="${(m * 1.02).toFixed(2)}"/>`,
        )
      }
    }
  }
  const eye = (i: number, j: number) =>
    `<rect x="${x + (j + 0.5) * m}" y="${y + (i + 0.5) * m}" width="${6 * m}" height="${6 * m}" fill="none" stroke="#151515" stroke-width="${m}"/>` +
    `<rect x="${x + (j + 2) * m}" y="${y + (i + 2) * m}" width="${3 * m}" height="${3 * m}"/>`
  return `<g fill="#151515">${cells.join('')}${eye(0, 0)}${eye(0, n - 7)}${eye(n - 7, 0)}</g>`
}

/** Security print: loops of a rosette curve, faint, clipped by the caller. */
function rosette(cx: number, cy: number, r: number, colour: string, width: number): string {
  const paths: string[] = []
  for (let k = 0; k < 6; k++) {
    let d = ''
    for (let s = 0; s <= 180; s++) {
      const a = (s / 180) * Math.PI * 2
      const radius = r * (0.55 + 0.12 * k) * (1 + 0.08 * Math.sin(a * 9 + k))
      d += `${s === 0 ? 'M' : 'L'} ${(cx + radius * Math.cos(a)).toFixed(2)} ${(cy + radius * Math.sin(a)).toFixed(2)} `
    }
    paths.push(`<path d="${d}Z" fill="none" stroke="${colour}" stroke-width="${width}"/>`)
  }
  return paths.join('')
}

/** A photo's place: grey head and shoulders. */
function face(x: number, y: number, w: number, h: number, tone = '#c9ced2'): string {
  return `<g>
    <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${tone}"/>
    <ellipse cx="${x + w / 2}" cy="${y + h * 0.38}" rx="${w * 0.22}" ry="${h * 0.2}" fill="#6f7478"/>
    <path d="M ${x + w * 0.1} ${y + h} C ${x + w * 0.15} ${y + h * 0.62} ${x + w * 0.85} ${y + h * 0.62} ${x + w * 0.9} ${y + h} Z" fill="#5d6266"/>
  </g>`
}

/** A seal stamped on the page: drawn in its own layer, multiplied over the page. */
interface Seal {
  cx: number
  cy: number
  r: number
  svg: string
}

/** A round seal (公章): ring, star, the issuer's name round its top, a line beneath. */
function seal(
  cx: number,
  cy: number,
  r: number,
  arc: string,
  options: { below?: string; turn?: number; colour?: string; double?: boolean } = {},
): Seal {
  const colour = options.colour ?? '#d8232a'
  const chars = Array.from(arc)
  const sweep = Math.min(250, 70 + chars.length * 14)
  const size = Math.min(r * 0.27, ((sweep / chars.length) * Math.PI * r * 0.66) / 180)
  const arcText = chars
    .map((c, i) => {
      const angle = -sweep / 2 + (sweep * (i + 0.5)) / chars.length
      return `<text x="${cx}" y="${(cy - r * 0.88 + size * 1.05).toFixed(2)}" font-size="${size.toFixed(2)}" font-family="${SERIF}" font-weight="700" fill="${colour}" text-anchor="middle" transform="rotate(${angle.toFixed(2)} ${cx} ${cy})">${escape(c)}</text>`
    })
    .join('')
  const below = options.below
    ? t(cx, cy + r * 0.55, options.below, {
        size: r * 0.16,
        font: SANS,
        weight: 700,
        fill: colour,
        anchor: 'middle',
      })
    : ''
  const inner = options.double
    ? `<circle cx="${cx}" cy="${cy}" r="${r * 0.9}" fill="none" stroke="${colour}" stroke-width="${r * 0.015}"/>`
    : ''
  const svg = `<g transform="rotate(${options.turn ?? 0} ${cx} ${cy})">
    <circle cx="${cx}" cy="${cy}" r="${r * 0.96}" fill="none" stroke="${colour}" stroke-width="${r * 0.06}"/>${inner}
    <polygon points="${starPoints(cx, cy, r * 0.27)}" fill="${colour}"/>
    ${arcText}${below}
  </g>`
  return { cx, cy, r, svg }
}

// ─── Sheets ─────────────────────────────────────────────────────────────────────────────────

/** A sheet of paper (or a card, a booklet, a screen) before it is captured. */
interface Sheet {
  /** Size in the drawing's units (mm; CSS px for screens). */
  width: number
  height: number
  /** Paper colour; null when only what the body draws is there (a card, a booklet). */
  paper: string | null
  body: string
  defs?: string
  seals: Seal[]
  lines: string[]
}

const A4 = { width: 210, height: 297 }
const A4_WIDE = { width: 297, height: 210 }

// 营业执照 — the 2019 layout (two columns), for companies, branches and 个体工商户.

interface Licence2019 {
  uscc: string
  serial: string
  name: string
  type: string
  /** 法定代表人, 负责人 or 经营者, as printed. */
  representative: [string, string]
  /** The right column's rows, top down (注册资本 … 住所 / 营业场所 / 经营场所). */
  right: [string, string][]
  scope: string[]
  authority: string
  issued: string
  paper: string
  labelFont: string
  valueFont: string
  titleFont: string
}

function licence2019(l: Licence2019): Sheet {
  const label: Style = { size: 4.3, font: l.labelFont, weight: 700 }
  const value: Style = { size: 4.2, font: l.valueFont }
  const rows = [84, 96, 108, 120]
  const lineGap = 8.4
  const captions = [
    '扫描市场主体身份码',
    '了解更多登记、备案、许可、',
    '监管信息，体验更多应用服务。',
  ]
  const leftLabels: [string, string][] = [
    ['名\u3000\u3000称', l.name],
    ['类\u3000\u3000型', l.type],
    l.representative,
  ]
  const body = [
    `<rect x="9" y="9" width="279" height="192" fill="none" stroke="#efe2c4" stroke-width="6"/>`,
    `<rect x="9" y="9" width="279" height="192" fill="none" stroke="#b58a3c" stroke-width="4.2" stroke-dasharray="0.5 2.5"/>`,
    `<rect x="9" y="9" width="279" height="192" fill="none" stroke="#c79a4a" stroke-width="1.4" stroke-dasharray="1.5 1.5"/>`,
    `<rect x="12" y="12" width="273" height="186" fill="${l.paper}" stroke="#a07a36" stroke-width="0.5"/>`,
    emblem(148.5, 27, 11.5),
    t(148.5 + 4.5, 57, '营业执照', {
      size: 15,
      font: l.titleFont,
      weight: 700,
      anchor: 'middle',
      spacing: 9,
    }),
    t(148.5, 66, '（副\u3000本）', { size: 4.6, font: l.valueFont, anchor: 'middle' }),
    t(24, 30, '统一社会信用代码', { size: 4.2, font: l.labelFont, weight: 700 }),
    t(24, 38, l.uscc, { size: 5, font: SANS, weight: 700, spacing: 0.35 }),
    t(24, 44.5, `证照编号：${l.serial}`, { size: 3.3, font: l.valueFont }),
    qr(238, 17, 30, hash(l.uscc)),
    ...captions.map((c, i) => t(253, 52 + i * 4.3, c, { size: 2.7, font: SANS, anchor: 'middle' })),
    ...leftLabels.flatMap(([name, content], i) => [
      t(26, rows[i] ?? 0, name, label),
      t(56, rows[i] ?? 0, content, value),
    ]),
    t(26, rows[3] ?? 0, '经营范围', label),
    ...l.scope.map((line, i) => t(56, (rows[3] ?? 0) + i * lineGap, line, value)),
    ...l.right.flatMap(([name, content], i) => [
      t(160, rows[i] ?? 0, name, label),
      t(184, rows[i] ?? 0, content, value),
    ]),
    t(192, 170, '登记机关', { size: 4.6, font: l.labelFont, weight: 700 }),
    t(226, 187, l.issued, { size: 4.2, font: l.valueFont, anchor: 'middle' }),
    t(148.5, 193.5, '国家企业信用信息公示系统网址：https://www.gsxt.gov.cn', {
      size: 2.8,
      font: l.valueFont,
      anchor: 'middle',
    }),
    t(148.5, 197.5, '国家市场监督管理总局监制', { size: 2.6, font: l.valueFont, anchor: 'middle' }),
  ]
  const lines = ['统一社会信用代码', l.uscc, `证照编号：${l.serial}`, captions[0] ?? '']
  lines.push('营业执照', captions[1] ?? '', captions[2] ?? '', '（副\u3000本）')
  leftLabels.forEach(([name, content], i) => {
    lines.push(`${name} ${content}`)
    const right = l.right[i]
    if (right) lines.push(`${right[0]} ${right[1]}`)
  })
  lines.push(`经营范围 ${l.scope[0] ?? ''}`)
  const besideScope = l.right[3]
  if (besideScope) lines.push(`${besideScope[0]} ${besideScope[1]}`)
  lines.push(...l.scope.slice(1))
  lines.push('登记机关', l.authority, l.issued)
  lines.push('国家企业信用信息公示系统网址：https://www.gsxt.gov.cn', '国家市场监督管理总局监制')
  return {
    ...A4_WIDE,
    paper: '#f1ead8',
    body: body.join('\n'),
    seals: [seal(226, 172, 20, l.authority, { turn: 9 })],
    lines,
  }
}

// 营业执照 — the older layout (2015–2018): one column, the scope last.

interface LicenceOld {
  uscc: string
  rows: [string, string][]
  scope: string[]
  authority: string
  issued: string
}

function licenceOld(l: LicenceOld): Sheet {
  const label: Style = { size: 4.4, font: SERIF }
  const value: Style = { size: 4.4, font: SERIF }
  const top = 80
  const gap = 9.6
  const body = [
    `<rect x="5" y="5" width="287" height="200" fill="none" stroke="#7d5a2c" stroke-width="1.6"/>`,
    `<rect x="8" y="8" width="281" height="194" fill="none" stroke="#7d5a2c" stroke-width="0.4"/>`,
    emblem(148.5, 25, 11, 'colour'),
    t(148.5 + 6, 56, '营业执照', {
      size: 14,
      font: SERIF,
      weight: 700,
      anchor: 'middle',
      spacing: 12,
    }),
    t(148.5, 65, '（副\u3000本）', { size: 4.5, font: SERIF, anchor: 'middle' }),
    t(262, 66, '(1-1)', { size: 3.6, font: SERIF }),
    t(20, 28, `统一社会信用代码\u3000${l.uscc}`, { size: 4.2, font: SERIF }),
    qr(246, 18, 26, hash(l.uscc)),
    t(259, 50, '扫码查询', { size: 2.7, font: SERIF, anchor: 'middle' }),
    ...l.rows.flatMap(([name, content], i) => [
      spaced(36, top + i * gap, name, 22, label),
      t(66, top + i * gap, content, value),
    ]),
    spaced(36, top + l.rows.length * gap, '经营范围', 22, label),
    ...l.scope.map((line, i) => t(66, top + (l.rows.length + i) * gap, line, value)),
    t(200, 178, '登记机关', { size: 4.5, font: SERIF }),
    t(232, 193, l.issued, { size: 4.2, font: SERIF, anchor: 'middle' }),
    t(148.5, 200, '企业信用信息公示系统网址：http://gsxt.saic.gov.cn', {
      size: 2.6,
      font: SERIF,
      anchor: 'middle',
    }),
  ]
  return {
    ...A4_WIDE,
    paper: '#f5f1e6',
    body: body.join('\n'),
    seals: [seal(232, 180, 19, l.authority, { turn: -14 })],
    lines: [
      `统一社会信用代码 ${l.uscc}`,
      '扫码查询',
      '营业执照',
      '（副\u3000本）',
      '(1-1)',
      ...l.rows.map(([name, content]) => `${Array.from(name).join(' ')} ${content}`),
      `经 营 范 围 ${l.scope[0] ?? ''}`,
      ...l.scope.slice(1),
      '登记机关',
      l.authority,
      l.issued,
      '企业信用信息公示系统网址：http://gsxt.saic.gov.cn',
    ],
  }
}

// 居民身份证 — each side 85.6 × 54 mm.

interface Person {
  name: string
  sex: '男' | '女'
  ethnicity: string
  birth: [string, string, string]
  address: [string, string]
  number: string
  authority: string
  validity: string
}

const CARD = { width: 85.6, height: 54 }

function cardBase(x: number, y: number, id: string, tint: [string, string]): string {
  return `<defs>
      <linearGradient id="${id}-g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${tint[0]}"/><stop offset="1" stop-color="${tint[1]}"/></linearGradient>
      <clipPath id="${id}-c"><rect x="${x}" y="${y}" width="${CARD.width}" height="${CARD.height}" rx="3.2"/></clipPath>
    </defs>
    <rect x="${x}" y="${y}" width="${CARD.width}" height="${CARD.height}" rx="3.2" fill="url(#${id}-g)"/>
    <g clip-path="url(#${id}-c)" opacity="0.55">${rosette(x + 60, y + 30, 30, '#b7cdd0', 0.18)}${rosette(x + 15, y + 45, 22, '#d8c2c9', 0.16)}</g>
    <rect x="${x}" y="${y}" width="${CARD.width}" height="${CARD.height}" rx="3.2" fill="none" stroke="#8b9597" stroke-width="0.3"/>`
}

function idFront(p: Person, x: number, y: number, font: string): { svg: string; lines: string[] } {
  const label: Style = { size: 2.7, font, fill: '#2e5f8e' }
  const value: Style = { size: 3.3, font }
  const svg = [
    cardBase(x, y, `f${hash(p.number) % 9973}`, ['#eef3f0', '#f4ecef']),
    t(x + 6, y + 10.5, '姓\u3000名', label),
    t(x + 16, y + 10.7, p.name, { ...value, size: 3.7 }),
    t(x + 6, y + 18, '性\u3000别', label),
    t(x + 16, y + 18, p.sex, value),
    t(x + 27, y + 18, '民\u3000族', label),
    t(x + 37, y + 18, p.ethnicity, value),
    t(x + 6, y + 25.5, '出\u3000生', label),
    t(x + 16, y + 25.5, p.birth[0], value),
    t(x + 24.5, y + 25.5, '年', label),
    t(x + 28.5, y + 25.5, p.birth[1], value),
    t(x + 33.5, y + 25.5, '月', label),
    t(x + 37.5, y + 25.5, p.birth[2], value),
    t(x + 42, y + 25.5, '日', label),
    t(x + 6, y + 33, '住\u3000址', label),
    t(x + 16, y + 33, p.address[0], value),
    t(x + 16, y + 38, p.address[1], value),
    t(x + 6, y + 48.3, '公民身份号码', label),
    t(x + 27.5, y + 48.6, p.number, { size: 3.9, font: CJK_MONO, weight: 700, spacing: 0.3 }),
    face(x + 56, y + 7, 25, 32),
  ].join('\n')
  return {
    svg,
    lines: [
      `姓\u3000名 ${p.name}`,
      `性\u3000别 ${p.sex}`,
      `民\u3000族 ${p.ethnicity}`,
      `出\u3000生 ${p.birth[0]} 年 ${p.birth[1]} 月 ${p.birth[2]} 日`,
      `住\u3000址 ${p.address[0]}`,
      p.address[1],
      `公民身份号码 ${p.number}`,
    ],
  }
}

function idBack(p: Person, x: number, y: number, font: string): { svg: string; lines: string[] } {
  const label: Style = { size: 2.7, font, fill: '#2e5f8e' }
  const value: Style = { size: 3.2, font }
  const svg = [
    cardBase(x, y, `b${hash(p.number) % 9973}`, ['#f1f0e6', '#e9f0f4']),
    emblem(x + 14, y + 14, 9.5),
    t(x + 29, y + 13, '中华人民共和国', { size: 4.2, font, weight: 700, spacing: 1.1 }),
    t(x + 29, y + 25, '居民身份证', { size: 6.5, font, weight: 700, spacing: 2.2 }),
    t(x + 14, y + 41.5, '签发机关', label),
    t(x + 29.5, y + 41.5, p.authority, value),
    t(x + 14, y + 48.5, '有效期限', label),
    t(x + 29.5, y + 48.5, p.validity, value),
  ].join('\n')
  return {
    svg,
    lines: ['中华人民共和国', '居民身份证', `签发机关 ${p.authority}`, `有效期限 ${p.validity}`],
  }
}

/** An A4 photocopy of an ID card: both sides side by side, or one above the other. */
function idCopy(p: Person, arrangement: 'side-by-side' | 'back-above', font: string): Sheet {
  const note = '本复印件仅供办理广告开户资质审核使用，再次复印无效'
  if (arrangement === 'side-by-side') {
    const front = idFront(p, 14, 52, font)
    const back = idBack(p, 110.4, 52, font)
    return {
      ...A4,
      paper: '#fbfbf8',
      body: [
        front.svg,
        back.svg,
        t(105, 126, note, { size: 3.6, font: SANS, anchor: 'middle', fill: '#333' }),
      ].join('\n'),
      seals: [],
      lines: [...front.lines, ...back.lines, note],
    }
  }
  const back = idBack(p, 62, 40, font)
  const front = idFront(p, 62, 110, font)
  return {
    ...A4,
    paper: '#f7f6f1',
    body: [back.svg, front.svg].join('\n'),
    seals: [],
    lines: [...back.lines, ...front.lines],
  }
}

/** The card alone (a phone photo of it), corners transparent. */
function idCardAlone(p: Person, font: string): Sheet {
  const front = idFront(p, 0, 0, font)
  return { ...CARD, paper: null, body: front.svg, seals: [], lines: front.lines }
}

// 护照 — a booklet opened at its data page: the facing page above, the data page below.

interface PassportPage {
  cover: string
  page: string
  upper: string[]
  /** The data page's printed text: [x, y, text, style] in mm from the page's corner. */
  data: [number, number, string, Style][]
  photo: [number, number, number, number]
  mrz: [string, string]
  mrzFont: string
}

function passportBooklet(p: PassportPage): Sheet {
  const w = 128
  const h = 186
  const page = { x: 1.5, width: 125, height: 88 }
  const upperY = 1.5
  const dataY = 96.5
  const body = [
    `<rect x="0" y="0" width="${w}" height="${h}" rx="3" fill="${p.cover}"/>`,
    `<rect x="${page.x}" y="${upperY}" width="${page.width}" height="${page.height}" fill="#f2f0e8"/>`,
    `<g opacity="0.5">${rosette(64, 46, 40, '#d6d2c0', 0.2)}</g>`,
    ...p.upper.map((line, i) =>
      t(page.x + 8, upperY + 22 + i * 6.2, line, {
        size: 3.4,
        font: p.upper.some((l) => /[\u4e00-\u9fff]/u.test(l)) ? SERIF : LATIN_SERIF,
        fill: '#333',
      }),
    ),
    `<line x1="0" y1="${dataY - 2}" x2="${w}" y2="${dataY - 2}" stroke="#00000055" stroke-width="1.2"/>`,
    `<rect x="${page.x}" y="${dataY}" width="${page.width}" height="${page.height}" fill="${p.page}"/>`,
    `<g opacity="0.45">${rosette(80, dataY + 35, 38, '#c7b9c4', 0.18)}</g>`,
    face(page.x + p.photo[0], dataY + p.photo[1], p.photo[2], p.photo[3]),
    ...p.data.map(([x, y, content, style]) => t(page.x + x, dataY + y, content, style)),
    `<rect x="${page.x}" y="${dataY + 70}" width="${page.width}" height="18" fill="#ffffff" opacity="0.55"/>`,
    t(page.x + 5, dataY + 77, p.mrz[0], { size: 4.05, font: p.mrzFont }),
    t(page.x + 5, dataY + 84, p.mrz[1], { size: 4.05, font: p.mrzFont }),
  ]
  return {
    width: w,
    height: h,
    paper: null,
    body: body.join('\n'),
    seals: [],
    lines: [...p.upper, ...p.data.map(([, , content]) => content), ...p.mrz],
  }
}

// 港澳居民来往内地通行证 — the card, 85.6 × 54 mm.

function hkPermitCard(): Sheet {
  const label: Style = { size: 2.5, font: SANS, fill: '#3c5a78' }
  const value: Style = { size: 3.1, font: SANS }
  const body = [
    `<defs><linearGradient id="hk" x1="0" y1="0" x2="1" y2="0.6"><stop offset="0" stop-color="#e4f0ea"/><stop offset="1" stop-color="#dce8f3"/></linearGradient>
      <clipPath id="hkc"><rect width="${CARD.width}" height="${CARD.height}" rx="3.2"/></clipPath></defs>`,
    `<rect width="${CARD.width}" height="${CARD.height}" rx="3.2" fill="url(#hk)"/>`,
    `<g clip-path="url(#hkc)" opacity="0.6">${rosette(55, 30, 34, '#a9c8c0', 0.16)}</g>`,
    t(5, 7.8, '港澳居民来往内地通行证', { size: 4.1, font: SANS, weight: 700, fill: '#1d3b5c' }),
    t(5, 11.4, 'MAINLAND TRAVEL PERMIT FOR HONG KONG AND MACAO RESIDENTS', {
      size: 1.9,
      font: LATIN,
      fill: '#1d3b5c',
    }),
    face(5, 15, 22, 28, '#d2dadf'),
    t(31, 19, '姓名', label),
    t(41, 19.2, '陈嘉欣', { ...value, size: 3.7 }),
    t(41, 23.6, 'CHAN, KA YAN', { size: 2.7, font: LATIN }),
    t(31, 29.5, '出生日期', label),
    t(44, 29.5, '1991.10.03', value),
    t(64, 29.5, '性别', label),
    t(70.5, 29.5, '女', value),
    t(31, 35.5, '有效期限', label),
    t(44, 35.5, '2020.08.21-2030.08.20', value),
    t(31, 41.5, '签发机关', label),
    t(44, 41.5, '公安部出入境管理局', value),
    t(5, 49.5, '换证次数', label),
    t(16, 49.5, '01', value),
    t(81, 50, 'H60218574', {
      size: 4.4,
      font: CJK_MONO,
      weight: 700,
      anchor: 'end',
      fill: '#7a1d25',
    }),
  ]
  return {
    ...CARD,
    paper: null,
    body: body.join('\n'),
    seals: [],
    lines: [
      '港澳居民来往内地通行证',
      'MAINLAND TRAVEL PERMIT FOR HONG KONG AND MACAO RESIDENTS',
      '姓名 陈嘉欣',
      'CHAN, KA YAN',
      '出生日期 1991.10.03',
      '性别 女',
      '有效期限 2020.08.21-2030.08.20',
      '签发机关 公安部出入境管理局',
      '换证次数 01',
      'H60218574',
    ],
  }
}

// 商标注册证 — two layouts.

interface TrademarkCert {
  number: string
  mark: string
  markLatin: string
  cls: string
  goodsLabel: string
  goods: string[]
  registrant: string
  address: string
  validity: string
}

/** Layout 1: teal guilloche border, emblem, the fields listed under the mark. */
function certificateTeal(c: TrademarkCert): Sheet {
  const band = (inset: number, colour: string, width: number, dash: string) =>
    `<rect x="${inset}" y="${inset}" width="${210 - 2 * inset}" height="${297 - 2 * inset}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-dasharray="${dash}"/>`
  const x = 30
  const value: Style = { size: 4.3, font: SERIF }
  const fields: string[] = [
    `注 册 人\u3000${c.registrant}`,
    `注册地址\u3000${c.address}`,
    `${c.goodsLabel}（第${c.cls}类）`,
  ]
  const body = [
    band(14.5, '#dcece8', 11, 'none'),
    band(14.5, '#4f8f86', 9, '0.3 1.7'),
    band(14.5, '#7fb3a8', 4, '2.2 1.2'),
    `<rect x="20" y="20" width="170" height="257" fill="#fcfbf6" stroke="#4f8f86" stroke-width="0.6"/>`,
    emblem(105, 42, 11),
    t(105 + 3, 73, '商标注册证', {
      size: 13,
      font: SERIF,
      weight: 700,
      anchor: 'middle',
      spacing: 6,
    }),
    t(178, 88, `第 ${c.number} 号`, { size: 5.4, font: SERIF, anchor: 'end' }),
    `<rect x="70" y="96" width="70" height="50" fill="none" stroke="#888" stroke-width="0.3"/>`,
    `<rect x="84" y="101" width="42" height="26" rx="4" fill="#9d1c2a"/>`,
    t(105, 119.5, c.mark, { size: 13, font: SANS, weight: 700, anchor: 'middle', fill: '#ffffff' }),
    t(105, 139, c.markLatin, {
      size: 5.2,
      font: LATIN,
      weight: 700,
      anchor: 'middle',
      fill: '#9d1c2a',
      spacing: 1,
    }),
    ...fields.map((line, i) => t(x, 165 + i * 11, line, value)),
    ...c.goods.map((line, i) => t(x + 4, 196 + i * 8, line, { size: 4, font: SERIF })),
    t(x, 196 + c.goods.length * 8 + 6, `注册有效期限\u3000${c.validity}`, value),
    t(120, 262, '国家知识产权局局长', { size: 4.4, font: SERIF }),
    `<path d="M 128 272 c 8 -9 13 4 20 -3 s 9 6 16 -2 s 7 4 12 -1" fill="none" stroke="#222" stroke-width="0.6"/>`,
  ]
  return {
    ...A4,
    paper: '#f7f5ee',
    body: body.join('\n'),
    seals: [seal(145, 258, 21, '国家知识产权局', { below: '商标局', turn: 6 })],
    lines: [
      '商标注册证',
      `第 ${c.number} 号`,
      c.mark,
      c.markLatin,
      ...fields,
      ...c.goods,
      `注册有效期限 ${c.validity}`,
      '国家知识产权局局长',
      '国家知识产权局',
      '商标局',
    ],
  }
}

/** Layout 2: a plain double rule, the number in the top corner, goods before the registrant. */
function certificatePlain(c: TrademarkCert): Sheet {
  const value: Style = { size: 4.1, font: SANS }
  const x = 28
  const goodsTop = 150
  const after = goodsTop + c.goods.length * 7.5 + 8
  const body = [
    `<rect x="12" y="12" width="186" height="273" fill="none" stroke="#8a6d3b" stroke-width="1.8"/>`,
    `<rect x="16" y="16" width="178" height="265" fill="none" stroke="#8a6d3b" stroke-width="0.5"/>`,
    t(184, 30, `第${c.number}号`, { size: 4.6, font: SANS, anchor: 'end' }),
    t(105, 58, '商标注册证', { size: 12, font: SANS, weight: 700, anchor: 'middle', spacing: 4 }),
    `<circle cx="105" cy="95" r="21" fill="none" stroke="#1f4e79" stroke-width="2"/>`,
    t(105, 100, c.mark, { size: 12, font: SERIF, weight: 700, anchor: 'middle', fill: '#1f4e79' }),
    t(105, 126, c.markLatin, {
      size: 5,
      font: LATIN,
      anchor: 'middle',
      fill: '#1f4e79',
      spacing: 1.5,
    }),
    t(x, 142, `${c.goodsLabel}（第${c.cls}类）：`, value),
    ...c.goods.map((line, i) => t(x, goodsTop + i * 7.5, line, { size: 3.9, font: SANS })),
    t(x, after, `注册人：${c.registrant}`, value),
    t(x, after + 10, `注册地址：${c.address}`, value),
    t(x, after + 20, `注册有效期限：${c.validity}`, value),
    t(150, 262, '局长签发', { size: 4.4, font: SANS, weight: 700 }),
  ]
  return {
    ...A4,
    paper: '#f4f1e7',
    body: body.join('\n'),
    seals: [seal(160, 252, 20, '国家知识产权局商标局', { turn: -4, double: true })],
    lines: [
      `第${c.number}号`,
      '商标注册证',
      c.mark,
      c.markLatin,
      `${c.goodsLabel}（第${c.cls}类）：`,
      ...c.goods,
      `注册人：${c.registrant}`,
      `注册地址：${c.address}`,
      `注册有效期限：${c.validity}`,
      '局长签发',
      '国家知识产权局商标局',
    ],
  }
}

// 受理通知书 — the trademark office's notices, two layouts.

interface NoticeSpec {
  title: string
  serial: string
  addressee: string
  intro: string[]
  rows: [string, string][]
  notes: string[]
  date: string
  /** 'list': label：value lines; 'table': a ruled table, label and value in cells. */
  layout: 'list' | 'table'
  font: string
}

function notice(n: NoticeSpec): Sheet {
  const x = 25
  const size = 4.1
  const introTop = 92
  const rowsTop = introTop + n.intro.length * 7.2 + 10
  const rowGap = n.layout === 'table' ? 10 : 8.2
  const notesTop = rowsTop + n.rows.length * rowGap + 12
  const dateY = Math.max(notesTop + n.notes.length * 6.4 + 26, 236)
  const rows =
    n.layout === 'table'
      ? [
          `<rect x="${x}" y="${rowsTop - 7}" width="160" height="${n.rows.length * rowGap}" fill="none" stroke="#222" stroke-width="0.35"/>`,
          `<line x1="${x + 38}" y1="${rowsTop - 7}" x2="${x + 38}" y2="${rowsTop - 7 + n.rows.length * rowGap}" stroke="#222" stroke-width="0.35"/>`,
          ...n.rows.flatMap(([label, content], i) => [
            i > 0
              ? `<line x1="${x}" y1="${rowsTop - 7 + i * rowGap}" x2="${x + 160}" y2="${rowsTop - 7 + i * rowGap}" stroke="#222" stroke-width="0.35"/>`
              : '',
            t(x + 19, rowsTop + i * rowGap, label, {
              size,
              font: n.font,
              weight: 700,
              anchor: 'middle',
            }),
            t(x + 42, rowsTop + i * rowGap, content, { size, font: n.font }),
          ]),
        ]
      : n.rows.map(([label, content], i) =>
          t(x + 8, rowsTop + i * rowGap, `${label}：${content}`, { size, font: n.font }),
        )
  const body = [
    t(x, 28, '国家知识产权局', {
      size: 6.5,
      font: SERIF,
      weight: 700,
      fill: '#b3121b',
      spacing: 1.5,
    }),
    t(x, 34, 'CHINA NATIONAL INTELLECTUAL PROPERTY ADMINISTRATION', {
      size: 2.4,
      font: LATIN,
      fill: '#b3121b',
    }),
    qr(166, 16, 22, hash(n.serial)),
    `<line x1="${x}" y1="40" x2="185" y2="40" stroke="#b3121b" stroke-width="0.8"/>`,
    t(105, 58, n.title, { size: 7, font: n.font, weight: 700, anchor: 'middle' }),
    t(185, 70, `发文编号：${n.serial}`, { size: 3.4, font: n.font, anchor: 'end' }),
    t(x, 82, n.addressee, { size, font: n.font }),
    ...n.intro.map((line, i) =>
      t(i === 0 ? x + 8 : x, introTop + i * 7.2, line, { size, font: n.font }),
    ),
    ...rows,
    ...n.notes.map((line, i) => t(x, notesTop + i * 6.4, line, { size: 3.5, font: n.font })),
    t(150, dateY - 9, '国家知识产权局', { size: 4.4, font: n.font, anchor: 'middle' }),
    t(150, dateY, n.date, { size: 4.4, font: n.font, anchor: 'middle' }),
    t(105, 284, '商标局网站：sbj.cnipa.gov.cn', {
      size: 2.8,
      font: n.font,
      anchor: 'middle',
      fill: '#555',
    }),
  ]
  return {
    ...A4,
    paper: '#fbfaf6',
    body: body.join('\n'),
    seals: [seal(150, dateY - 6, 21, '国家知识产权局商标局', { below: '业务专用章', turn: -7 })],
    lines: [
      '国家知识产权局',
      'CHINA NATIONAL INTELLECTUAL PROPERTY ADMINISTRATION',
      n.title,
      `发文编号：${n.serial}`,
      n.addressee,
      ...n.intro,
      ...n.rows.map(([label, content]) =>
        n.layout === 'table' ? `${label} ${content}` : `${label}：${content}`,
      ),
      ...n.notes,
      '国家知识产权局',
      n.date,
      '国家知识产权局商标局',
      '业务专用章',
      '商标局网站：sbj.cnipa.gov.cn',
    ],
  }
}

// 计算机软件著作权登记证书.

function softwareCertificate(): Sheet {
  const value: Style = { size: 4.5, font: SERIF }
  const rows: [string, string][] = [
    ['软件名称', '澄川智能排期管理系统 V2.3'],
    ['著作权人', '上海澄川数字科技有限公司'],
    ['开发完成日期', '2022年12月20日'],
    ['首次发表日期', '2023年02月08日'],
    ['权利取得方式', '原始取得'],
    ['权利范围', '全部权利'],
    ['登记号', '2023SR0123456'],
  ]
  const statement = [
    '根据《计算机软件保护条例》和《计算机软件著作权登记办法》的',
    '规定，经中国版权保护中心审核，对以上事项予以登记。',
  ]
  const corner = (x: number, y: number, sx: number, sy: number) =>
    `<path d="M ${x} ${y + sy * 16} Q ${x} ${y} ${x + sx * 16} ${y} M ${x + sx * 4} ${y + sy * 12} Q ${x + sx * 4} ${y + sy * 4} ${x + sx * 12} ${y + sy * 4}" fill="none" stroke="#a2782f" stroke-width="0.7"/>`
  const body = [
    `<rect x="10" y="10" width="190" height="277" fill="none" stroke="#a2782f" stroke-width="2.2"/>`,
    `<rect x="15" y="15" width="180" height="267" fill="none" stroke="#a2782f" stroke-width="0.5"/>`,
    corner(19, 19, 1, 1),
    corner(191, 19, -1, 1),
    corner(19, 278, 1, -1),
    corner(191, 278, -1, -1),
    t(105, 45, '中华人民共和国国家版权局', {
      size: 6,
      font: SERIF,
      weight: 700,
      anchor: 'middle',
      spacing: 0.8,
    }),
    t(105, 68, '计算机软件著作权登记证书', {
      size: 9.5,
      font: SERIF,
      weight: 700,
      anchor: 'middle',
      spacing: 1,
    }),
    t(180, 84, '证书号：软著登字第10583726号', { size: 4, font: SERIF, anchor: 'end' }),
    ...rows.map(([label, content], i) => t(30, 106 + i * 12.5, `${label}：${content}`, value)),
    ...statement.map((line, i) => t(30, 205 + i * 8, line, { size: 4.2, font: SERIF })),
    t(140, 244, '中国版权保护中心', { size: 4.6, font: SERIF, anchor: 'middle' }),
    t(140, 254, '2023年04月11日', { size: 4.4, font: SERIF, anchor: 'middle' }),
  ]
  return {
    ...A4,
    paper: '#fbf8ef',
    body: body.join('\n'),
    seals: [seal(140, 245, 20, '中国版权保护中心', { below: '软件登记专用章', turn: 12 })],
    lines: [
      '中华人民共和国国家版权局',
      '计算机软件著作权登记证书',
      '证书号：软著登字第10583726号',
      ...rows.map(([label, content]) => `${label}：${content}`),
      ...statement,
      '中国版权保护中心',
      '软件登记专用章',
      '2023年04月11日',
    ],
  }
}

// ICP 备案 — screenshots of the filing system's query (CSS px).

function browser(width: number, title: string, url: string): { svg: string; lines: string[] } {
  return {
    svg: [
      `<rect width="${width}" height="38" fill="#dfe3e8"/>`,
      `<rect x="10" y="6" width="280" height="32" rx="7" fill="#ffffff"/>`,
      t(30, 27, title, { size: 12.5, font: SANS, fill: '#333' }),
      `<rect x="0" y="38" width="${width}" height="44" fill="#ffffff"/>`,
      `<rect x="110" y="45" width="${width - 260}" height="30" rx="15" fill="#eef1f4"/>`,
      t(132, 65, url, { size: 14, font: LATIN, fill: '#3b3b3b' }),
      `<line x1="0" y1="82" x2="${width}" y2="82" stroke="#cfd4da"/>`,
    ].join('\n'),
    lines: [title, url],
  }
}

function icpBanner(width: number): string {
  return [
    `<rect x="0" y="82" width="${width}" height="96" fill="#1e5bb0"/>`,
    emblem(90, 130, 30),
    t(138, 124, '工业和信息化部政务服务平台', { size: 15, font: SANS, fill: '#dbe7fb' }),
    t(138, 156, 'ICP/IP地址/域名信息备案管理系统', {
      size: 27,
      font: SANS,
      weight: 700,
      fill: '#ffffff',
    }),
  ].join('\n')
}

const ICP_NAV = ['首页', 'ICP备案查询', '短信核验', '违法违规域名查询', '电子化核验申请']

function icpDetail(): Sheet {
  const width = 1440
  const height = 900
  const chrome = browser(
    width,
    'ICP/IP地址/域名信息备案管理系统',
    'beian.miit.gov.cn/#/Integrated/recordQuery',
  )
  const rows: [string, string][] = [
    ['主办单位名称', '上海澄川数字科技有限公司'],
    ['主办单位性质', '企业'],
    ['网站备案号', '沪ICP备2021012345号-1'],
    ['网站名称', '澄川数字官网'],
    ['网站首页网址', 'www.chengchuan-tech.cn'],
    ['审核日期', '2021-03-02'],
    ['是否限制接入', '否'],
  ]
  const body = [
    `<rect width="${width}" height="${height}" fill="#f3f5f8"/>`,
    chrome.svg,
    icpBanner(width),
    `<rect x="0" y="178" width="${width}" height="46" fill="#ffffff"/>`,
    ...ICP_NAV.map((item, i) =>
      t(170 + i * 190, 207, item, { size: 16, font: SANS, fill: i === 1 ? '#1e5bb0' : '#333' }),
    ),
    `<rect x="300" y="250" width="700" height="44" rx="4" fill="#ffffff" stroke="#c2c8d0"/>`,
    t(318, 279, '上海澄川数字科技有限公司', { size: 16, font: SANS, fill: '#222' }),
    `<rect x="1010" y="250" width="110" height="44" rx="4" fill="#1e5bb0"/>`,
    t(1065, 279, '查询', { size: 17, font: SANS, fill: '#ffffff', anchor: 'middle' }),
    `<rect x="300" y="320" width="820" height="${rows.length * 48 + 70}" rx="6" fill="#ffffff" stroke="#dde2e8"/>`,
    t(326, 356, '详细信息', { size: 19, font: SANS, weight: 700, fill: '#1f2d3d' }),
    `<line x1="300" y1="372" x2="1120" y2="372" stroke="#e6e9ee"/>`,
    ...rows.flatMap(([label, content], i) => [
      t(490, 408 + i * 48, label, { size: 16, font: SANS, fill: '#6b7785', anchor: 'end' }),
      t(520, 408 + i * 48, content, { size: 16, font: SANS, fill: '#1f2d3d' }),
    ]),
    t(width / 2, 868, '版权所有：中华人民共和国工业和信息化部\u3000京ICP备04000001号', {
      size: 12.5,
      font: SANS,
      fill: '#7a828c',
      anchor: 'middle',
    }),
  ]
  return {
    width,
    height,
    paper: null,
    body: body.join('\n'),
    seals: [],
    lines: [
      ...chrome.lines,
      '工业和信息化部政务服务平台',
      'ICP/IP地址/域名信息备案管理系统',
      ...ICP_NAV,
      '上海澄川数字科技有限公司',
      '查询',
      '详细信息',
      ...rows.map(([label, content]) => `${label} ${content}`),
      '版权所有：中华人民共和国工业和信息化部\u3000京ICP备04000001号',
    ],
  }
}

function icpTable(): Sheet {
  const width = 1440
  const height = 820
  const chrome = browser(
    width,
    'ICP/IP地址/域名信息备案管理系统',
    'beian.miit.gov.cn/#/Integrated/recordQuery',
  )
  const columns: [string, number][] = [
    ['序号', 60],
    ['主办单位名称', 220],
    ['主办单位性质', 120],
    ['网站备案号', 220],
    ['网站名称', 130],
    ['网站首页网址', 200],
    ['审核日期', 120],
    ['操作', 70],
  ]
  const row = [
    '1',
    '杭州云栖茶业有限公司',
    '企业',
    '浙ICP备2019034567号-2',
    '云栖茶业',
    'www.yunqi-tea.com',
    '2019-09-23',
    '详情',
  ]
  const left = 160
  const starts = columns.reduce<number[]>((acc, [, w], i) => [...acc, (acc[i] ?? left) + w], [left])
  const body = [
    `<rect width="${width}" height="${height}" fill="#f3f5f8"/>`,
    chrome.svg,
    icpBanner(width),
    `<rect x="0" y="178" width="${width}" height="46" fill="#ffffff"/>`,
    ...ICP_NAV.map((item, i) =>
      t(170 + i * 190, 207, item, { size: 16, font: SANS, fill: i === 1 ? '#1e5bb0' : '#333' }),
    ),
    `<rect x="300" y="250" width="700" height="44" rx="4" fill="#ffffff" stroke="#c2c8d0"/>`,
    t(318, 279, '云栖茶业', { size: 16, font: SANS, fill: '#222' }),
    `<rect x="1010" y="250" width="110" height="44" rx="4" fill="#1e5bb0"/>`,
    t(1065, 279, '查询', { size: 17, font: SANS, fill: '#ffffff', anchor: 'middle' }),
    t(left, 336, '共 1 条记录', { size: 14, font: SANS, fill: '#6b7785' }),
    `<rect x="${left}" y="350" width="${(starts.at(-1) ?? 0) - left}" height="96" fill="#ffffff" stroke="#dde2e8"/>`,
    `<rect x="${left}" y="350" width="${(starts.at(-1) ?? 0) - left}" height="46" fill="#eef2f7"/>`,
    ...columns.map(([name], i) =>
      t((starts[i] ?? 0) + 12, 379, name, { size: 15, font: SANS, weight: 700, fill: '#3a4654' }),
    ),
    ...row.map((cell, i) =>
      t((starts[i] ?? 0) + 12, 428, cell, {
        size: 15,
        font: SANS,
        fill: i === 7 ? '#1e5bb0' : '#1f2d3d',
      }),
    ),
    t(width / 2, 790, '版权所有：中华人民共和国工业和信息化部\u3000京ICP备04000001号', {
      size: 12.5,
      font: SANS,
      fill: '#7a828c',
      anchor: 'middle',
    }),
  ]
  return {
    width,
    height,
    paper: null,
    body: body.join('\n'),
    seals: [],
    lines: [
      ...chrome.lines,
      '工业和信息化部政务服务平台',
      'ICP/IP地址/域名信息备案管理系统',
      ...ICP_NAV,
      '云栖茶业',
      '查询',
      '共 1 条记录',
      ...columns.map(([name]) => name),
      ...row,
      '版权所有：中华人民共和国工业和信息化部\u3000京ICP备04000001号',
    ],
  }
}

// ─── The papers (invented companies, people, numbers) ──────────────────────────────────────

const CHENGCHUAN_USCC = uscc('91310115MA1K4BXY3')
const YUNQI_BRANCH_USCC = uscc('91330102MA2H3CQL7')
const LINJI_USCC = uscc('92440106MA59XR2K6')
const LANWAN_USCC = uscc('91440300MA5DAB1X4')

const CHENGCHUAN_SCOPE = [
  '一般项目：技术服务、技术开发、技术咨询、技术',
  '交流、技术转让、技术推广；软件开发；广告设计、',
  '代理；广告发布；市场营销策划。（除依法须经批准',
  '的项目外，凭营业执照依法自主开展经营活动）',
]
const YUNQI_SCOPE = [
  '一般项目：茶叶销售（仅限预包装）；日用百货销',
  '售；会议及展览服务。（除依法须经批准的项目外，',
  '凭营业执照依法自主开展经营活动）',
]
const LINJI_SCOPE = [
  '许可项目：餐饮服务；食品销售（仅销售预包装食',
  '品）。（依法须经批准的项目，经相关部门批准后方',
  '可开展经营活动）',
]
const LANWAN_SCOPE = [
  '国内货运代理；仓储服务（不含危险化学品）；供应链管理；',
  '物流信息咨询；国内贸易（不含专营、专卖、专控商品）。',
]

const SU_WANQING: Person = {
  name: '苏婉清',
  sex: '女',
  ethnicity: '汉',
  birth: ['1993', '11', '8'],
  address: ['江苏省南京市鼓楼区中山', '北路200号7幢1203室'],
  number: residentId('32010619931108042'),
  authority: '南京市公安局鼓楼分局',
  validity: '2021.03.15-2041.03.15',
}
const MA_XIAO: Person = {
  name: '马骁',
  sex: '男',
  ethnicity: '回',
  birth: ['1986', '5', '30'],
  address: ['宁夏银川市兴庆区解放西', '街56号3单元402室'],
  number: residentId('64010419860530013'),
  authority: '银川市公安局兴庆区分局',
  validity: '2018.09.12-2038.09.12',
}
const OUYANG_ZIHAN: Person = {
  name: '欧阳子涵',
  sex: '女',
  ethnicity: '汉',
  birth: ['1962', '2', '19'],
  address: ['湖南省长沙市天心区书院', '路9号12栋3单元601房'],
  number: residentId('43010319620219026'),
  authority: '长沙市公安局天心分局',
  validity: '2012.07.09-长期',
}

const ZHAO_MRZ = td3({
  type: 'PO',
  state: 'CHN',
  surname: 'ZHAO',
  given: ['YICHEN'],
  number: 'EJ4729163',
  nationality: 'CHN',
  birth: '011205',
  sex: 'M',
  expiry: '340327',
  personal: 'LJNEMKPHOCKGA4',
})
const OBRIEN_MRZ = td3({
  type: 'P',
  state: 'GBR',
  surname: 'OBRIEN',
  given: ['SIOBHAN', 'MARY'],
  number: '107185703',
  nationality: 'GBR',
  birth: '900112',
  sex: 'F',
  expiry: '310804',
})
const LIM_MRZ = td3({
  type: 'PA',
  state: 'SGP',
  surname: 'LIM',
  given: ['WEI', 'JIE', 'MARCUS'],
  number: 'K4082716N',
  nationality: 'SGP',
  birth: '880721',
  sex: 'M',
  expiry: '300214',
})

const small = (font: string): Style => ({ size: 2.2, font, fill: '#4d4d5a' })
const big = (font: string): Style => ({ size: 3.6, font, weight: 700 })

/** [x, y, label, value] pairs as a data page prints them: a small label, the value under it. */
function dataFields(
  fields: [number, number, string, string][],
  font: string,
): [number, number, string, Style][] {
  return fields.flatMap(([x, y, label, content]) => [
    [x, y, label, small(font)] as [number, number, string, Style],
    [x, y + 4.6, content, big(font)] as [number, number, string, Style],
  ])
}

const ZHAO_PASSPORT: PassportPage = {
  cover: '#4e1b22',
  page: '#f3ecef',
  upper: [
    '中华人民共和国外交部请各国军政机关对持照人予以',
    '通行的便利和必要的协助。',
    "The Ministry of Foreign Affairs of the People's Republic",
    'of China requests all civil and military authorities of',
    'foreign countries to allow the bearer of this passport to',
    'pass freely and afford assistance in case of need.',
  ],
  data: [
    [6, 8, '护照 PASSPORT', { size: 3.4, font: SANS, weight: 700 }],
    [62, 8, '中华人民共和国', { size: 3.8, font: SANS, weight: 700 }],
    [54, 12.5, "PEOPLE'S REPUBLIC OF CHINA", { size: 2.6, font: SANS }],
    ...dataFields(
      [
        [36, 18, '类型/Type', 'P'],
        [58, 18, '国家码/Country Code', 'CHN'],
        [92, 18, '护照号/Passport No.', 'EJ4729163'],
        [36, 29, '姓名/Name', '赵一辰'],
        [36, 43, '性别/Sex', '男/M'],
        [58, 43, '出生地点/Place of birth', '湖北/HUBEI'],
        [36, 52, '出生日期/Date of birth', '05 DEC 2001'],
        [80, 52, '签发日期/Date of issue', '28 MAR 2024'],
        [36, 61, '签发机关/Authority', '国家移民管理局'],
        [80, 61, '有效期至/Date of expiry', '27 MAR 2034'],
      ],
      SANS,
    ),
    [36, 38.2, 'ZHAO, YICHEN', big(SANS)],
  ],
  photo: [5, 18, 27, 36],
  mrz: ZHAO_MRZ,
  mrzFont: "'Noto Sans Mono'",
}

const OBRIEN_PASSPORT: PassportPage = {
  cover: '#3b1830',
  page: '#eef0ea',
  upper: [
    "His Britannic Majesty's Secretary of State requests",
    'and requires in the Name of His Majesty all those',
    'whom it may concern to allow the bearer to pass',
    'freely without let or hindrance, and to afford the',
    'bearer such assistance and protection as may be',
    'necessary.',
  ],
  data: [
    [
      6,
      8,
      'UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND',
      { size: 2.7, font: LATIN, weight: 700 },
    ],
    [6, 13, 'PASSPORT  PASSEPORT', { size: 2.9, font: LATIN, weight: 700 }],
    ...dataFields(
      [
        [36, 18, 'Type/Type', 'P'],
        [56, 18, 'Code/Code', 'GBR'],
        [86, 18, 'Passport No./Passeport No.', '107185703'],
        [36, 28, 'Surname/Nom (1)', "O'BRIEN"],
        [36, 37, 'Given names/Prénoms (2)', 'SIOBHAN MARY'],
        [36, 46, 'Nationality/Nationalité (3)', 'BRITISH CITIZEN'],
        [36, 55, 'Date of birth/Date de naissance (4)', '12 JAN /JAN 90'],
        [92, 55, 'Sex/Sexe (5)', 'F'],
        [36, 64, 'Date of issue/Date de délivrance (7)', '05 AUG /AOUT 21'],
        [86, 64, "Date of expiry/Date d'expiration (9)", '04 AUG /AOUT 31'],
      ],
      LATIN,
    ),
  ],
  photo: [5, 19, 27, 36],
  mrz: OBRIEN_MRZ,
  mrzFont: "'Liberation Mono'",
}

const LIM_PASSPORT: PassportPage = {
  cover: '#6e1a26',
  page: '#f1eee6',
  upper: [
    'The President of the Republic of Singapore requests',
    'all whom it may concern to allow the bearer to pass',
    'freely without let or hindrance and to afford the',
    'bearer such assistance and protection as may be',
    'necessary.',
  ],
  data: [
    [6, 8, 'REPUBLIC OF SINGAPORE', { size: 3.4, font: LATIN, weight: 700 }],
    [90, 8, 'PASSPORT', { size: 3.4, font: LATIN, weight: 700 }],
    ...dataFields(
      [
        [36, 17, 'Type', 'PA'],
        [52, 17, 'Country code', 'SGP'],
        [86, 17, 'Passport No.', 'K4082716N'],
        [36, 27, 'Name', 'LIM WEI JIE MARCUS'],
        [36, 37, 'Sex', 'M'],
        [50, 37, 'Nationality', 'SINGAPORE CITIZEN'],
        [36, 47, 'Date of birth', '21 JUL 1988'],
        [80, 47, 'Place of birth', 'SINGAPORE'],
        [36, 57, 'Date of issue', '15 FEB 2020'],
        [80, 57, 'Date of expiry', '14 FEB 2030'],
      ],
      LATIN,
    ),
  ],
  photo: [5, 17, 27, 36],
  mrz: LIM_MRZ,
  mrzFont: "'Noto Mono'",
}

const CERT_CHENGCHUAN: TrademarkCert = {
  number: '56781234',
  mark: '澄川',
  markLatin: 'CHENGCHUAN',
  cls: '9',
  goodsLabel: '核定使用商品',
  goods: [
    '计算机程序（可下载软件）；可下载的手机应用软件；计算机',
    '软件（已录制）；电子出版物（可下载）；数据处理设备；智能',
    '手机；计算机外围设备。',
  ],
  registrant: '上海澄川数字科技有限公司',
  address: '上海市浦东新区张江路665号3层',
  validity: '自2021年11月14日至2031年11月13日',
}
const CERT_YUNQI: TrademarkCert = {
  number: '41207639',
  mark: '云栖',
  markLatin: 'YUNQI',
  cls: '30',
  goodsLabel: '核定使用商品',
  goods: ['茶；茶饮料；冰茶；以茶为主的饮料；茶叶代用品；花草茶；', '糕点；蜂蜜；调味品。'],
  registrant: '杭州云栖茶业有限公司',
  address: '浙江省杭州市西湖区龙井路18号',
  validity: '自2020年06月28日至2030年06月27日',
}

function acceptance(options: {
  number: string
  applicant: string
  mark: string
  cls: string
  filed: string
  date: string
  layout: 'list' | 'table'
  font: string
}): NoticeSpec {
  return {
    title: '商标注册申请受理通知书',
    serial: `TMZC${options.number}ZCSL0${options.layout === 'list' ? 1 : 2}`,
    addressee: '北京金信知识产权代理有限公司：',
    intro: [
      '根据《中华人民共和国商标法》及其实施条例的规定，你（单位）',
      '提交的下列商标注册申请已被受理，现将有关事项通知如下：',
    ],
    rows: [
      ['申请号', options.number],
      ['类别', options.cls],
      ['商标', options.mark],
      ['申请人', options.applicant],
      ['申请日期', options.filed],
    ],
    notes: [
      '特别提示：',
      '1．本通知书仅表明商标注册申请已被受理，不表明该商标已获准注册。',
      '2．审查期间请及时关注商标网上服务系统发送的文件。',
    ],
    date: options.date,
    layout: options.layout,
    font: options.font,
  }
}

function transfer(options: {
  title: string
  number: string
  cls: string
  from: string
  to: string
  filed: string
  date: string
  layout: 'list' | 'table'
  font: string
}): NoticeSpec {
  return {
    title: options.title,
    serial: `TMZR${options.number}ZRSL01`,
    addressee: `${options.to}：`,
    intro: [
      `你（单位）于${options.filed}提交的第${options.number}号商标转让申请`,
      '已收到。经审查，符合受理条件，准予受理，现将有关事项通知如下：',
    ],
    rows: [
      ['注册号', options.number],
      ['类别', options.cls],
      ['转让人', options.from],
      ['受让人', options.to],
    ],
    notes: [
      '特别提示：',
      '1．本通知书不表明转让申请已被核准。',
      '2．转让申请核准后予以公告，受让人自公告之日起享有商标专用权。',
    ],
    date: options.date,
    layout: options.layout,
    font: options.font,
  }
}

// ─── Capturing: scanner, scanner bed, phone camera, screen ─────────────────────────────────

interface Raw {
  data: Buffer
  width: number
  height: number
  channels: number
}

async function toRaw(image: Sharp): Promise<Raw> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

const fromRaw = (raw: Raw) =>
  sharp(raw.data, {
    raw: { width: raw.width, height: raw.height, channels: raw.channels as 1 | 2 | 3 | 4 },
  })

/** The sheet rendered at `scale` pixels per unit, with its seals multiplied in: RGBA. */
async function render(sheet: Sheet, scale: number, seed: number): Promise<Raw> {
  const width = Math.round(sheet.width * scale)
  const height = Math.round(sheet.height * scale)
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${sheet.width} ${sheet.height}">`
  const paper = sheet.paper
    ? `<rect width="${sheet.width}" height="${sheet.height}" fill="${sheet.paper}"/>`
    : ''
  const page = `${open}<defs>${sheet.defs ?? ''}</defs>${paper}${sheet.body}</svg>`
  const stamps = sheet.seals.map((stamp, i) => {
    // Uneven ink: a noise mask thins the seal in blotches. Each seal is its own small layer
    // (turbulence over a whole page at 300 dpi is slow).
    const side = stamp.r * 2.2
    const x = stamp.cx - side / 2
    const y = stamp.cy - side / 2
    const px = Math.round(side * scale)
    const layer = `<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="${px}" viewBox="${x} ${y} ${side} ${side}"><defs><filter id="ink" filterUnits="userSpaceOnUse" x="${x}" y="${y}" width="${side}" height="${side}">
        <feTurbulence type="fractalNoise" baseFrequency="0.35" numOctaves="2" seed="${(seed + i) % 1000}" result="noise"/>
        <feColorMatrix in="noise" type="matrix" result="mask" values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0 0 0 -2.2 2.0"/>
        <feComposite in="SourceGraphic" in2="mask" operator="in"/>
      </filter></defs><g filter="url(#ink)" opacity="0.86">${stamp.svg}</g></svg>`
    return {
      input: Buffer.from(layer),
      left: Math.round(x * scale),
      top: Math.round(y * scale),
      blend: 'multiply' as const,
    }
  })
  const image = sharp(Buffer.from(page)).ensureAlpha()
  return toRaw(
    stamps.length > 0
      ? sharp(await image.png({ compressionLevel: 0 }).toBuffer()).composite(stamps)
      : image,
  )
}

type Capture =
  /** A flatbed scan of the sheet filling the glass; skew in degrees (clockwise). */
  | { kind: 'scan'; dpi: number; skew?: number }
  /** A small sheet (a card, a booklet) on a scanner bed of `bed` mm, at `at` mm, turned. */
  | { kind: 'bed'; dpi: number; bed: [number, number]; at: [number, number]; turn?: number }
  /**
   * A phone photo of `size` px: the sheet on a dark table, filling `fill` of the frame,
   * turned `angle` degrees, its far edge narrower by `keystone`, its centre moved by `shift`.
   */
  | {
      kind: 'photo'
      size: [number, number]
      fill: number
      angle: number
      keystone: number
      shift?: [number, number]
      table: [number, number, number]
    }
  /** A screenshot at `scale` device pixels per CSS pixel. */
  | { kind: 'screen'; scale: number }

interface Finish {
  format: 'jpeg' | 'png'
  quality?: number
  grey?: boolean
  /** A photocopy: greyscale with the contrast pushed (toner). */
  copy?: boolean
  blur?: number
  noise?: number
  /** Paper darker than white: the page multiplied by this grey (0–255). */
  dim?: number
  rotation?: 0 | 90 | 180 | 270
  /** Sent on as a smaller image (messaging apps): this long side. */
  shrink?: number
}

/** Homography taking (x, y) in the photo to (u, v) on the sheet, from four corner pairs. */
function homography(to: [number, number][], from: [number, number][]): number[] {
  const a: number[][] = []
  for (let i = 0; i < 4; i++) {
    const [x, y] = to[i] ?? [0, 0]
    const [u, v] = from[i] ?? [0, 0]
    a.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u])
    a.push([0, 0, 0, x, y, 1, -x * v, -y * v, v])
  }
  for (let col = 0; col < 8; col++) {
    let pivot = col
    for (let r = col + 1; r < 8; r++)
      if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r
    const swap = a[col] ?? []
    a[col] = a[pivot] ?? []
    a[pivot] = swap
    const row = a[col] ?? []
    const p = row[col] ?? 1
    for (let c = col; c < 9; c++) row[c] = (row[c] ?? 0) / p
    for (let r = 0; r < 8; r++) {
      if (r === col) continue
      const other = a[r] ?? []
      const factor = other[col] ?? 0
      for (let c = col; c < 9; c++) other[c] = (other[c] ?? 0) - factor * (row[c] ?? 0)
    }
  }
  return a.map((row) => row[8] ?? 0)
}

/** The sheet photographed: warped into the frame over a dark table, lit unevenly. */
async function photograph(
  sheet: Sheet,
  capture: Extract<Capture, { kind: 'photo' }>,
  seed: number,
): Promise<Raw> {
  const [W, H] = capture.size
  const fit = capture.fill * Math.min(W / sheet.width, H / sheet.height)
  const [sx, sy] = capture.shift ?? [0, 0]
  const cx = W / 2 + sx * W
  const cy = H / 2 + sy * H
  const hw = (sheet.width * fit) / 2
  const hh = (sheet.height * fit) / 2
  const k = capture.keystone
  const angle = (capture.angle * Math.PI) / 180
  const corners: [number, number][] = [
    [-hw * (1 - k), -hh * (1 - k / 3)],
    [hw * (1 - k), -hh * (1 - k / 3)],
    [hw * (1 + k / 2), hh],
    [-hw * (1 + k / 2), hh],
  ].map(([x = 0, y = 0]) => [
    cx + x * Math.cos(angle) - y * Math.sin(angle),
    cy + x * Math.sin(angle) + y * Math.cos(angle),
  ])
  const scale = fit * (1 + k / 2)
  const src = await render(sheet, scale, seed)
  const sw = src.width
  const sh = src.height
  const matrix = homography(corners, [
    [0, 0],
    [sw, 0],
    [sw, sh],
    [0, sh],
  ])
  const next = rng(seed)
  const out = Buffer.alloc(W * H * 3)
  const [tr, tg, tb] = capture.table
  const light = { x: W * (0.3 + next() * 0.4), y: H * (0.2 + next() * 0.3) }
  const px = src.data
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0] = matrix
  const acc = new Float64Array(4)
  /** Adds the sheet's pixel (x, y), weighted, premultiplied by its alpha. */
  const add = (x: number, y: number, weight: number) => {
    if (x < 0 || y < 0 || x >= sw || y >= sh || weight === 0) return
    const i = (y * sw + x) * 4
    const wa = (weight * (px[i + 3] ?? 0)) / 255
    acc[0] = (acc[0] ?? 0) + wa * (px[i] ?? 0)
    acc[1] = (acc[1] ?? 0) + wa * (px[i + 1] ?? 0)
    acc[2] = (acc[2] ?? 0) + wa * (px[i + 2] ?? 0)
    acc[3] = (acc[3] ?? 0) + wa
  }
  // Light from one side, falling off towards the far corners (separable, cheap); the table's
  // slow grain across it.
  const litX = Float64Array.from({ length: W }, (_, x) => 1.06 - 0.5 * ((x - light.x) / W) ** 2)
  const litY = Float64Array.from({ length: H }, (_, y) => 1 - 0.45 * ((y - light.y) / H) ** 2)
  const grainX = Float64Array.from({ length: W }, (_, x) => 0.07 * Math.sin(x * 0.011))
  const grainY = Float64Array.from({ length: H }, (_, y) => 0.86 + 0.07 * Math.sin(y * 0.007))
  for (let y = 0; y < H; y++) {
    const grainRow = grainY[y] ?? 1
    const litRow = litY[y] ?? 1
    for (let x = 0; x < W; x++) {
      const w = g * x + h * y + 1
      const u = (a * x + b * y + c) / w - 0.5
      const v = (d * x + e * y + f) / w - 0.5
      const grain = grainRow + (grainX[x] ?? 0) + (next() - 0.5) * 0.12
      let r = tr * grain
      let gr = tg * grain
      let bl = tb * grain
      const x0 = Math.floor(u)
      const y0 = Math.floor(v)
      if (x0 >= -1 && y0 >= -1 && x0 < sw && y0 < sh) {
        const fx = u - x0
        const fy = v - y0
        acc.fill(0)
        add(x0, y0, (1 - fx) * (1 - fy))
        add(x0 + 1, y0, fx * (1 - fy))
        add(x0, y0 + 1, (1 - fx) * fy)
        add(x0 + 1, y0 + 1, fx * fy)
        const alpha = acc[3] ?? 0
        r = (acc[0] ?? 0) + (1 - alpha) * r
        gr = (acc[1] ?? 0) + (1 - alpha) * gr
        bl = (acc[2] ?? 0) + (1 - alpha) * bl
      }
      const lit = litRow * (litX[x] ?? 1)
      const i = (y * W + x) * 3
      out[i] = Math.max(0, Math.min(255, r * lit))
      out[i + 1] = Math.max(0, Math.min(255, gr * lit * 0.97))
      out[i + 2] = Math.max(0, Math.min(255, bl * lit * 0.9))
    }
  }
  return { data: out, width: W, height: H, channels: 3 }
}

/** The captured image, before finishing: RGB. */
async function capture(sheet: Sheet, how: Capture, seed: number): Promise<Raw> {
  switch (how.kind) {
    case 'screen':
      return toRaw(fromRaw(await render(sheet, how.scale, seed)).flatten({ background: '#ffffff' }))
    case 'scan': {
      const page = await render(sheet, how.dpi / 25.4, seed)
      let image = fromRaw(page).flatten({ background: '#ffffff' })
      if (!how.skew) return toRaw(image)
      // Crooked on the glass: the scan keeps the glass's frame; the lid shows in the corners.
      const turned = await toRaw(image.rotate(how.skew, { background: { r: 226, g: 226, b: 222 } }))
      image = fromRaw(turned).extract({
        left: Math.floor((turned.width - page.width) / 2),
        top: Math.floor((turned.height - page.height) / 2),
        width: page.width,
        height: page.height,
      })
      return toRaw(image)
    }
    case 'bed': {
      const scale = how.dpi / 25.4
      let item = fromRaw(await render(sheet, scale, seed))
      if (how.turn)
        item = sharp(await item.png().toBuffer()).rotate(how.turn, {
          background: { r: 0, g: 0, b: 0, alpha: 0 },
        })
      const placed = await item.png().toBuffer()
      const bed = sharp({
        create: {
          width: Math.round(how.bed[0] * scale),
          height: Math.round(how.bed[1] * scale),
          channels: 3,
          background: { r: 238, g: 238, b: 234 },
        },
      })
      return toRaw(
        sharp(
          await bed
            .composite([
              {
                input: placed,
                left: Math.round(how.at[0] * scale),
                top: Math.round(how.at[1] * scale),
              },
            ])
            .png()
            .toBuffer(),
        ).removeAlpha(),
      )
    }
    case 'photo':
      return photograph(sheet, how, seed)
  }
}

async function finish(raw: Raw, how: Finish, seed: number): Promise<Buffer> {
  let current = raw
  if (how.dim !== undefined) {
    const factor = how.dim / 255
    const data = Buffer.from(current.data)
    for (let i = 0; i < data.length; i++) data[i] = Math.round((data[i] ?? 0) * factor)
    current = { ...current, data }
  }
  if (how.blur) current = await toRaw(fromRaw(current).blur(how.blur))
  if (how.noise) {
    const next = rng(seed)
    const data = Buffer.from(current.data)
    for (let i = 0; i < data.length; i += current.channels) {
      const speck = next() < 0.0003 ? -110 : 0
      const delta = Math.round((next() + next() + next() - 1.5) * how.noise) + speck
      for (let c = 0; c < current.channels; c++)
        data[i + c] = Math.max(0, Math.min(255, (data[i + c] ?? 0) + delta))
    }
    current = { ...current, data }
  }
  if (how.grey || how.copy) current = await toRaw(fromRaw(current).toColourspace('b-w'))
  if (how.copy) current = await toRaw(fromRaw(current).linear(1.35, -52))
  if (how.rotation) current = await toRaw(fromRaw(current).rotate(how.rotation))
  if (how.shrink)
    current = await toRaw(
      fromRaw(current).resize({ width: how.shrink, height: how.shrink, fit: 'inside' }),
    )
  const image = fromRaw(current)
  return how.format === 'png'
    ? image.png({ compressionLevel: 6 }).toBuffer()
    : image.jpeg({ quality: how.quality ?? 82, chromaSubsampling: '4:2:0' }).toBuffer()
}

// ─── The set ────────────────────────────────────────────────────────────────────────────────

interface Spec {
  name: string
  kind: ScanKind
  fields: Record<string, string>
  extractorGaps?: Record<string, string>
  sheet: () => Sheet
  capture: Capture
  finish: Finish
}

const DARK_TABLE: [number, number, number] = [58, 47, 40]
const GREY_DESK: [number, number, number] = [74, 76, 80]
const BLACK_CLOTH: [number, number, number] = [28, 28, 31]

const SPECS: Spec[] = [
  {
    name: 'licence-2019-photo',
    kind: 'business_licence',
    fields: {
      uscc: CHENGCHUAN_USCC,
      name: '上海澄川数字科技有限公司',
      legalRepresentative: '顾明哲',
      businessScope: norm(CHENGCHUAN_SCOPE.join('')),
      establishedOn: '2020-09-17',
    },
    sheet: () =>
      licence2019({
        uscc: CHENGCHUAN_USCC,
        serial: '31011500202009170127',
        name: '上海澄川数字科技有限公司',
        type: '有限责任公司（自然人投资或控股）',
        representative: ['法定代表人', '顾明哲'],
        right: [
          ['注册资本', '人民币300.0000万元整'],
          ['成立日期', '2020年09月17日'],
          ['营业期限', '2020年09月17日至无固定期限'],
          ['住\u3000\u3000所', '上海市浦东新区张江路665号3层'],
        ],
        scope: CHENGCHUAN_SCOPE,
        authority: '上海市浦东新区市场监督管理局',
        issued: '2025年03月06日',
        paper: '#f6f1e4',
        labelFont: SANS,
        valueFont: SANS,
        titleFont: SERIF,
      }),
    capture: {
      kind: 'photo',
      size: [2400, 1800],
      fill: 0.86,
      angle: 4.5,
      keystone: 0.05,
      table: DARK_TABLE,
    },
    finish: { format: 'jpeg', quality: 55, blur: 0.5, noise: 6 },
  },
  {
    name: 'licence-branch-300dpi-grey',
    kind: 'business_licence',
    fields: {
      uscc: YUNQI_BRANCH_USCC,
      name: '杭州云栖茶业有限公司上城分公司',
      legalRepresentative: '许安然',
      businessScope: norm(YUNQI_SCOPE.join('')),
      establishedOn: '2018-11-05',
    },
    sheet: () =>
      licence2019({
        uscc: YUNQI_BRANCH_USCC,
        serial: '33010200201811050031',
        name: '杭州云栖茶业有限公司上城分公司',
        type: '有限责任公司分公司（自然人投资或控股）',
        representative: ['负 责 人', '许安然'],
        right: [
          ['成立日期', '2018年11月05日'],
          ['营业期限', '2018年11月05日至长期'],
          ['营业场所', '浙江省杭州市上城区清泰街388号1-2层'],
        ],
        scope: YUNQI_SCOPE,
        authority: '杭州市上城区市场监督管理局',
        issued: '2023年08月22日',
        paper: '#f3eedf',
        labelFont: SANS,
        valueFont: SERIF,
        titleFont: SANS,
      }),
    capture: { kind: 'scan', dpi: 300, skew: -1.2 },
    finish: { format: 'jpeg', quality: 80, grey: true },
  },
  {
    name: 'licence-individual-150dpi-sideways',
    kind: 'business_licence',
    fields: {
      uscc: LINJI_USCC,
      name: '广州市天河区林记糖水店',
      legalRepresentative: '林桂芳',
      businessScope: norm(LINJI_SCOPE.join('')),
      establishedOn: '2017-04-26',
    },
    sheet: () =>
      licence2019({
        uscc: LINJI_USCC,
        serial: '44010600201704260517',
        name: '广州市天河区林记糖水店',
        type: '个体工商户',
        representative: ['经 营 者', '林桂芳'],
        right: [
          ['组成形式', '个人经营'],
          ['注册日期', '2017年04月26日'],
          ['经营场所', '广州市天河区龙口西路112号首层'],
        ],
        scope: LINJI_SCOPE,
        authority: '广州市天河区市场监督管理局',
        issued: '2022年05月11日',
        paper: '#ebe5d3',
        labelFont: SERIF,
        valueFont: SERIF,
        titleFont: SERIF,
      }),
    capture: { kind: 'scan', dpi: 150 },
    finish: { format: 'jpeg', quality: 60, dim: 222, noise: 9, rotation: 90 },
  },
  {
    name: 'licence-old-style-upside-down',
    kind: 'business_licence',
    fields: {
      uscc: LANWAN_USCC,
      name: '深圳市蓝湾物流有限公司',
      legalRepresentative: '赵振华',
      businessScope: norm(LANWAN_SCOPE.join('')),
      establishedOn: '2015-12-08',
    },
    sheet: () =>
      licenceOld({
        uscc: LANWAN_USCC,
        rows: [
          ['名称', '深圳市蓝湾物流有限公司'],
          ['类型', '有限责任公司'],
          ['住所', '深圳市宝安区福永街道凤凰社区岭下路6号'],
          ['法定代表人', '赵振华'],
          ['注册资本', '人民币1000万元'],
          ['成立日期', '2015年12月08日'],
          ['营业期限', '2015年12月08日至2035年12月07日'],
        ],
        scope: LANWAN_SCOPE,
        authority: '深圳市市场监督管理局',
        issued: '2017年06月19日',
      }),
    capture: { kind: 'scan', dpi: 200, skew: 0.8 },
    finish: { format: 'jpeg', quality: 40, noise: 10, rotation: 180 },
  },
  {
    name: 'id-a4-side-by-side-copy',
    kind: 'resident_id',
    fields: { name: '苏婉清', number: SU_WANQING.number, validUntil: '2041-03-15' },
    sheet: () => idCopy(SU_WANQING, 'side-by-side', SANS),
    capture: { kind: 'scan', dpi: 150, skew: 0.7 },
    finish: { format: 'jpeg', quality: 50, copy: true, noise: 12 },
  },
  {
    name: 'id-front-phone-photo',
    kind: 'resident_id',
    fields: { name: '马骁', number: MA_XIAO.number },
    sheet: () => idCardAlone(MA_XIAO, SERIF),
    capture: {
      kind: 'photo',
      size: [2000, 1500],
      fill: 0.62,
      angle: -5.2,
      keystone: 0.06,
      shift: [0.04, 0.03],
      table: GREY_DESK,
    },
    finish: { format: 'jpeg', quality: 58, blur: 0.7, noise: 5 },
  },
  {
    name: 'id-back-above-front-270',
    kind: 'resident_id',
    fields: { name: '欧阳子涵', number: OUYANG_ZIHAN.number, validUntil: 'long_term' },
    sheet: () => idCopy(OUYANG_ZIHAN, 'back-above', SANS),
    capture: { kind: 'scan', dpi: 200 },
    finish: { format: 'jpeg', quality: 72, rotation: 270 },
  },
  {
    name: 'passport-chn-bed-blur',
    kind: 'passport',
    fields: {
      number: 'EJ4729163',
      nationality: 'CHN',
      birthDate: '2001-12-05',
      expiryDate: '2034-03-27',
      name: 'ZHAOYICHEN',
    },
    sheet: () => passportBooklet(ZHAO_PASSPORT),
    capture: { kind: 'bed', dpi: 300, bed: [216, 297], at: [40, 30], turn: 1.4 },
    finish: { format: 'jpeg', quality: 45, blur: 1.1 },
  },
  {
    name: 'passport-gbr-phone-photo',
    kind: 'passport',
    fields: {
      number: '107185703',
      nationality: 'GBR',
      birthDate: '1990-01-12',
      expiryDate: '2031-08-04',
      name: 'OBRIENSIOBHANMARY',
    },
    sheet: () => passportBooklet(OBRIEN_PASSPORT),
    capture: {
      kind: 'photo',
      size: [1800, 2400],
      fill: 0.84,
      angle: 3.6,
      keystone: 0.07,
      table: DARK_TABLE,
    },
    finish: { format: 'jpeg', quality: 60, noise: 7 },
  },
  {
    name: 'passport-sgp-200dpi-png',
    kind: 'passport',
    fields: {
      number: 'K4082716N',
      nationality: 'SGP',
      birthDate: '1988-07-21',
      expiryDate: '2030-02-14',
      name: 'LIMWEIJIEMARCUS',
    },
    sheet: () => passportBooklet(LIM_PASSPORT),
    capture: { kind: 'bed', dpi: 200, bed: [210, 297], at: [48, 52], turn: -0.6 },
    finish: { format: 'png', noise: 4 },
  },
  {
    name: 'hk-permit-on-scanner-bed',
    kind: 'hk_macao_permit',
    fields: { name: '陈嘉欣', number: 'H60218574', validUntil: '2030-08-20' },
    sheet: hkPermitCard,
    capture: { kind: 'bed', dpi: 300, bed: [210, 297], at: [14, 18], turn: -2.2 },
    finish: { format: 'jpeg', quality: 75 },
  },
  {
    name: 'certificate-teal-300dpi',
    kind: 'trademark_certificate',
    fields: {
      regNo: '56781234',
      registrant: '上海澄川数字科技有限公司',
      class: '9',
      validUntil: '2031-11-13',
    },
    sheet: () => certificateTeal(CERT_CHENGCHUAN),
    capture: { kind: 'scan', dpi: 300 },
    finish: { format: 'jpeg', quality: 85 },
  },
  {
    name: 'certificate-plain-photo-grey',
    kind: 'trademark_certificate',
    fields: {
      regNo: '41207639',
      registrant: '杭州云栖茶业有限公司',
      class: '30',
      validUntil: '2030-06-27',
    },
    sheet: () => certificatePlain(CERT_YUNQI),
    capture: {
      kind: 'photo',
      size: [1800, 2400],
      fill: 0.8,
      angle: -3.4,
      keystone: 0.08,
      shift: [-0.02, 0.02],
      table: BLACK_CLOTH,
    },
    finish: { format: 'jpeg', quality: 52, grey: true, blur: 0.8 },
  },
  {
    name: 'acceptance-list-colour-seal',
    kind: 'acceptance_notice',
    fields: {
      regNo: '68203517',
      applicant: '上海澄川数字科技有限公司',
      acceptanceDate: '2026-07-21',
    },
    sheet: () =>
      notice(
        acceptance({
          number: '68203517',
          applicant: '上海澄川数字科技有限公司',
          mark: '澄川科技',
          cls: '42',
          filed: '2026年06月29日',
          date: '2026年07月21日',
          layout: 'list',
          font: SERIF,
        }),
      ),
    capture: { kind: 'scan', dpi: 200, skew: 1.8 },
    finish: { format: 'jpeg', quality: 70 },
  },
  {
    name: 'acceptance-table-grey-seal',
    kind: 'acceptance_notice',
    fields: {
      regNo: '70915248',
      applicant: '广州市天河区林记糖水店',
      acceptanceDate: '2026-10-16',
    },
    sheet: () =>
      notice(
        acceptance({
          number: '70915248',
          applicant: '广州市天河区林记糖水店',
          mark: '林记糖水',
          cls: '43',
          filed: '2026年09月18日',
          date: '2026年10月16日',
          layout: 'table',
          font: SANS,
        }),
      ),
    capture: { kind: 'scan', dpi: 200 },
    finish: { format: 'jpeg', quality: 45, grey: true, dim: 226, noise: 8 },
  },
  {
    name: 'transfer-list-colour-seal',
    kind: 'transfer_notice',
    fields: {
      regNo: '41207639',
      transferee: '杭州茗上文化传播有限公司',
      acceptanceDate: '2026-09-08',
    },
    sheet: () =>
      notice(
        transfer({
          title: '转让/移转申请受理通知书',
          number: '41207639',
          cls: '30',
          from: '杭州云栖茶业有限公司',
          to: '杭州茗上文化传播有限公司',
          filed: '2026年08月17日',
          date: '2026年09月08日',
          layout: 'list',
          font: SANS,
        }),
      ),
    capture: { kind: 'scan', dpi: 240, skew: -0.9 },
    finish: { format: 'jpeg', quality: 58, noise: 5 },
  },
  {
    name: 'transfer-table-grey-seal-skewed',
    kind: 'transfer_notice',
    fields: {
      regNo: '56781234',
      transferee: '苏州澄川智能科技有限公司',
      acceptanceDate: '2026-11-02',
    },
    sheet: () =>
      notice(
        transfer({
          title: '商标转让申请受理通知书',
          number: '56781234',
          cls: '9',
          from: '上海澄川数字科技有限公司',
          to: '苏州澄川智能科技有限公司',
          filed: '2026年10月12日',
          date: '2026年11月2日',
          layout: 'table',
          font: SERIF,
        }),
      ),
    capture: { kind: 'scan', dpi: 200, skew: 2.4 },
    finish: { format: 'jpeg', quality: 50, grey: true, blur: 0.6 },
  },
  {
    name: 'icp-detail-screenshot',
    kind: 'icp_filing',
    fields: { recordNo: '沪ICP备2021012345号-1', organizer: '上海澄川数字科技有限公司' },
    sheet: icpDetail,
    capture: { kind: 'screen', scale: 1.25 },
    finish: { format: 'png' },
  },
  {
    name: 'icp-table-screenshot-jpeg',
    kind: 'icp_filing',
    fields: { recordNo: '浙ICP备2019034567号-2', organizer: '杭州云栖茶业有限公司' },
    sheet: icpTable,
    capture: { kind: 'screen', scale: 1 },
    finish: { format: 'jpeg', quality: 55 },
  },
  {
    name: 'software-copyright-photo',
    kind: 'software_copyright',
    fields: {
      registrationNo: '2023SR0123456',
      owner: '上海澄川数字科技有限公司',
      softwareName: '澄川智能排期管理系统V2.3',
    },
    sheet: softwareCertificate,
    capture: {
      kind: 'photo',
      size: [2000, 2667],
      fill: 0.7,
      angle: 3.1,
      keystone: 0.06,
      shift: [0.05, -0.04],
      table: DARK_TABLE,
    },
    finish: { format: 'jpeg', quality: 60, noise: 6 },
  },
]

function describeCapture(spec: Spec): string {
  const c = spec.capture
  const f = spec.finish
  const how =
    c.kind === 'photo'
      ? `phone photo ${c.size.join('×')}, ${c.angle}°, keystone ${c.keystone}`
      : c.kind === 'screen'
        ? `screenshot ×${c.scale}`
        : c.kind === 'bed'
          ? `on a scanner bed at ${c.dpi} dpi${c.turn ? `, ${c.turn}°` : ''}`
          : `scan ${c.dpi} dpi${c.skew ? `, ${c.skew}°` : ''}`
  const finishing = [
    f.format === 'jpeg' ? `JPEG q${f.quality ?? 82}` : 'PNG',
    f.copy ? 'photocopy' : f.grey ? 'grey' : '',
    f.blur ? `blur ${f.blur}` : '',
    f.noise ? `noise ${f.noise}` : '',
    f.dim ? 'grey paper' : '',
    f.rotation ? `turned ${f.rotation}°` : '',
  ].filter(Boolean)
  return `${how}; ${finishing.join(', ')}`
}

async function make(spec: Spec): Promise<UnseenScanSample> {
  const sheet = spec.sheet()
  const seed = hash(spec.name)
  const bytes = await finish(await capture(sheet, spec.capture, seed), spec.finish, seed + 1)
  return {
    name: spec.name,
    kind: spec.kind,
    fields: spec.fields,
    ...(spec.extractorGaps ? { extractorGaps: spec.extractorGaps } : {}),
    bytes,
    format: spec.finish.format,
    rotation: spec.finish.rotation ?? 0,
    lines: sheet.lines,
    capture: describeCapture(spec),
  }
}

let unseen: Promise<UnseenScanSample[]> | null = null

/** The held-out scans (rendered once per process). */
export async function makeUnseenScanSamples(): Promise<UnseenScanSample[]> {
  unseen ??= (async () => {
    // Two at a time: one renders in sharp's threads while the other's pixels are worked in JS.
    const out: UnseenScanSample[] = []
    for (let i = 0; i < SPECS.length; i += 2) {
      out.push(...(await Promise.all(SPECS.slice(i, i + 2).map(make))))
    }
    return out
  })()
  return await unseen
}
