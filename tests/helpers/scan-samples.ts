import sharp, { type Sharp } from 'sharp'
import type { ScanKind } from '../../shared/rules/scan-kinds'

/**
 * Synthetic scans of the Chinese papers a packet carries, for offline OCR (issue 12 "scan
 * reading"): 营业执照, 居民身份证 (both sides on one page), a passport's data page with its
 * machine-readable zone, 商标注册证 and the trademark office's 受理通知书 — rendered from SVG with
 * the Noto CJK fonts (librsvg + fontconfig; `apt-get install fonts-noto-cjk`), then degraded as
 * scanners and phones degrade them: skew, pages fed sideways or upside down, JPEG artefacts, grey
 * paper, greyscale, blur, sensor noise, a watermark across an ID copy, red seals stamped over
 * text. Every company, person and number is invented; the numbers carry valid check characters
 * (USCC GB 32100, resident ID GB 11643, ICAO 9303 TD3), written out here, not computed by the
 * validators under test.
 *
 * `fields` is what `extractFields(kind, lines, '2026-12-01')` returns from perfect text, and
 * `lines` is that perfect text (the page's printed lines in reading order: column by column,
 * a label and its value on one line); tests/unit/reading/scan-samples.test.ts checks the two
 * agree, so a sample never claims what its own page does not say.
 */
export interface ScanSample {
  /** e.g. 'licence-colour', 'licence-skewed-jpeg40', 'id-grey', 'passport' */
  name: string
  kind: ScanKind
  /** The expected fields, normalised exactly as shared/reading's extractors return them. */
  fields: Record<string, string>
  /** The scan file (JPEG or PNG). */
  bytes: Buffer
  format: 'jpeg' | 'png'
  /** How the page was rotated clockwise when generated (0 = upright). */
  rotation: 0 | 90 | 180 | 270
  /** The page's printed text in reading order, as perfect OCR would give it. */
  lines: string[]
}

/** The date the samples' fields are read against (validity, century of MRZ dates). */
export const SCAN_SAMPLES_TODAY = '2026-12-01'

/** How a page is scanned. */
interface Scanner {
  /** Small skew in degrees (positive clockwise), the page crooked on the glass. */
  skew?: number
  rotation?: 0 | 90 | 180 | 270
  format: 'jpeg' | 'png'
  /** JPEG quality (default 85). */
  quality?: number
  grey?: boolean
  /** Gaussian blur sigma (an out-of-focus phone shot, a cheap scanner). */
  blur?: number
  /** Sensor noise amplitude (0–255 scale). */
  noise?: number
}

interface Page {
  width: number
  height: number
  svg: string
  lines: string[]
  stamps: Stamp[]
}

interface Spec {
  name: string
  kind: ScanKind
  fields: Record<string, string>
  page: () => Page
  scanner: Scanner
}

// ─── SVG pieces ──────────────────────────────────────────────────────────────────────────────

const SERIF = "'Noto Serif CJK SC', serif"
const SANS = "'Noto Sans CJK SC', sans-serif"
const MONO = "'DejaVu Sans Mono', 'Noto Sans Mono', monospace"
const INK = '#1b1b1b'
const SEAL_RED = '#d42a2f'

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  )
}

interface TextStyle {
  size: number
  font?: string
  bold?: boolean
  fill?: string
  anchor?: 'start' | 'middle' | 'end'
  /** letter-spacing in px */
  spacing?: number
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const attributes = [
    `x="${x.toFixed(1)}"`,
    `y="${y.toFixed(1)}"`,
    `font-size="${style.size}"`,
    `font-family="${style.font ?? SERIF}"`,
    `fill="${style.fill ?? INK}"`,
  ]
  if (style.bold) attributes.push('font-weight="bold"')
  if (style.anchor && style.anchor !== 'start') attributes.push(`text-anchor="${style.anchor}"`)
  if (style.spacing) attributes.push(`letter-spacing="${style.spacing}"`)
  return `<text ${attributes.join(' ')} xml:space="preserve">${escapeXml(content)}</text>`
}

/** A label justified over `width` px, its characters spread as on printed forms (名 … 称). */
function spread(x: number, y: number, label: string, width: number, style: TextStyle): string {
  const chars = Array.from(label)
  if (chars.length < 2) return text(x, y, label, style)
  const step = (width - style.size) / (chars.length - 1)
  return chars.map((c, i) => text(x + i * step, y, c, style)).join('')
}

/** A deterministic random generator (mulberry32), so every run draws the same pages. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const seedOf = (name: string) =>
  Array.from(name).reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0, 7)

/** A page of paper: slightly uneven light (brighter in the middle, as under a scanner lamp). */
function paper(width: number, height: number, colour: string, body: string, defs = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <radialGradient id="lamp" cx="50%" cy="45%" r="75%">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.25"/>
      <stop offset="1" stop-color="#7a7466" stop-opacity="0.16"/>
    </radialGradient>
    ${defs}
  </defs>
  <rect width="100%" height="100%" fill="${colour}"/>
  <rect width="100%" height="100%" fill="url(#lamp)"/>
  ${body}
</svg>`
}

/** A stamp printed over the page after rendering (multiplied, as ink over toner). */
interface Stamp {
  svg: string
  left: number
  top: number
}

/**
 * A round red seal (公章) centred at (cx, cy): ring, star, the issuer's name round the top, an
 * optional line under the star, slightly turned. Rendered on its own and multiplied over the
 * page (black print beneath stays black), with uneven ink — cheaper than blending in the page.
 */
function seal(cx: number, cy: number, r: number, arc: string, bottom = '', turn = -8): Stamp {
  const side = Math.ceil(r * 2.1)
  const c = side / 2
  const chars = Array.from(arc)
  const sweep = Math.min(270, 60 + chars.length * 17)
  const step = ((sweep / chars.length) * Math.PI) / 180
  // Glyphs fill the ring's inside, their tops near the ring, as wide as their share of the arc.
  const size = Math.min(r * 0.26, step * r * 0.7)
  const baseline = r * 0.86 - size * 0.9
  const arcText = chars
    .map((char, i) => {
      const angle = -sweep / 2 + (sweep * (i + 0.5)) / chars.length
      return `<text x="${c}" y="${(c - baseline).toFixed(1)}" font-size="${size.toFixed(1)}" font-family="${SANS}" font-weight="bold" fill="${SEAL_RED}" text-anchor="middle" transform="rotate(${angle.toFixed(2)} ${c} ${c})">${escapeXml(char)}</text>`
    })
    .join('')
  const star = Array.from({ length: 10 }, (_, i) => {
    const a = (Math.PI / 5) * i - Math.PI / 2
    const radius = i % 2 === 0 ? r * 0.3 : r * 0.12
    return `${(c + radius * Math.cos(a)).toFixed(1)},${(c + radius * Math.sin(a)).toFixed(1)}`
  }).join(' ')
  const under = bottom
    ? text(c, c + r * 0.58, bottom, {
        size: Math.round(r * 0.17),
        font: SANS,
        bold: true,
        fill: SEAL_RED,
        anchor: 'middle',
      })
    : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}">
  <defs>
    <filter id="ink" filterUnits="userSpaceOnUse" x="0" y="0" width="${side}" height="${side}">
      <feTurbulence type="fractalNoise" baseFrequency="0.018" numOctaves="3" seed="${Math.round(cx + cy)}" result="noise"/>
      <feColorMatrix in="noise" type="matrix" result="mask"
        values="0 0 0 0 0  0 0 0 0 0  0 0 0 0 0  0 0 0 -1.6 1.75"/>
      <feComposite in="SourceGraphic" in2="mask" operator="in"/>
    </filter>
  </defs>
  <g opacity="0.82" filter="url(#ink)" transform="rotate(${turn} ${c} ${c})">
    <circle cx="${c}" cy="${c}" r="${(r * 0.95).toFixed(1)}" fill="none" stroke="${SEAL_RED}" stroke-width="${(r * 0.055).toFixed(1)}"/>
    <polygon points="${star}" fill="${SEAL_RED}"/>
    ${arcText}${under}
  </g>
</svg>`
  return { svg, left: Math.round(cx - c), top: Math.round(cy - c) }
}

/** The national emblem, schematically (red disc, gold stars, gate): no text. */
function emblem(cx: number, cy: number, r: number, grey = false): string {
  const red = grey ? '#8a8a8a' : '#c8161d'
  const gold = grey ? '#cfcfcf' : '#f2c230'
  const starAt = (x: number, y: number, size: number) =>
    `<polygon fill="${gold}" points="${Array.from({ length: 10 }, (_, i) => {
      const a = (Math.PI / 5) * i - Math.PI / 2
      const radius = i % 2 === 0 ? size : size * 0.4
      return `${(x + radius * Math.cos(a)).toFixed(1)},${(y + radius * Math.sin(a)).toFixed(1)}`
    }).join(' ')}"/>`
  return `<g>
    <circle cx="${cx}" cy="${cy}" r="${r}" fill="${gold}"/>
    <circle cx="${cx}" cy="${cy}" r="${r * 0.86}" fill="${red}"/>
    ${starAt(cx - r * 0.38, cy - r * 0.3, r * 0.24)}
    ${[0, 1, 2, 3].map((i) => starAt(cx - r * 0.05 + i * r * 0.13, cy - r * 0.55 + i * r * 0.16, r * 0.08)).join('')}
    <rect x="${cx - r * 0.45}" y="${cy + r * 0.12}" width="${r * 0.9}" height="${r * 0.32}" fill="${gold}"/>
    <rect x="${cx - r * 0.3}" y="${cy + r * 0.02}" width="${r * 0.6}" height="${r * 0.12}" fill="${gold}"/>
  </g>`
}

/** A QR code's look (finder squares and random modules); not decodable, not meant to be. */
function qrCode(x: number, y: number, size: number, seed: number): string {
  const next = random(seed)
  const n = 29
  const m = size / n
  const cells: string[] = []
  const finder = (i: number, j: number) =>
    (i < 8 && j < 8) || (i < 8 && j >= n - 8) || (i >= n - 8 && j < 8)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!finder(i, j) && next() < 0.5) {
        cells.push(
          `<rect x="${(x + j * m).toFixed(1)}" y="${(y + i * m).toFixed(1)}" width="${m.toFixed(1)}" height="${m.toFixed(1)}"/>`,
        )
      }
    }
  }
  const square = (i: number, j: number) =>
    `<rect x="${x + j * m}" y="${y + i * m}" width="${7 * m}" height="${7 * m}" fill="none" stroke="#111" stroke-width="${m}" transform="translate(${m / 2} ${m / 2})" />` +
    `<rect x="${x + (j + 2) * m}" y="${y + (i + 2) * m}" width="${3 * m}" height="${3 * m}"/>`
  return `<g fill="#111">${cells.join('')}${square(0, 0)}${square(0, n - 7)}${square(n - 7, 0)}</g>`
}

/** A photo's place on an ID card or passport: a grey head and shoulders. */
function portrait(x: number, y: number, w: number, h: number): string {
  return `<g>
    <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#dfe3e6"/>
    <ellipse cx="${x + w / 2}" cy="${y + h * 0.4}" rx="${w * 0.24}" ry="${h * 0.22}" fill="#8f969c"/>
    <path d="M ${x + w * 0.08} ${y + h} Q ${x + w / 2} ${y + h * 0.5} ${x + w * 0.92} ${y + h} Z" fill="#7d858b"/>
  </g>`
}

/** Fine wavy security print (guilloche) over a card or a passport page, clipped to it. */
function guilloche(x: number, y: number, w: number, h: number, colour: string, rows = 14): string {
  const paths: string[] = []
  for (let k = 0; k < rows; k++) {
    const y0 = ((k + 0.5) * h) / rows
    const amplitude = h / rows / 1.6
    let d = `M 0 ${y0.toFixed(1)}`
    for (let s = 1; s <= 24; s++) {
      const sx = (s * w) / 24
      const sy = y0 + amplitude * Math.sin(s * 0.9 + k * 0.7)
      d += ` L ${sx.toFixed(1)} ${sy.toFixed(1)}`
    }
    paths.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.2"/>`)
  }
  return `<svg x="${x}" y="${y}" width="${w}" height="${h}" overflow="hidden">${paths.join('')}</svg>`
}

// ─── Pages ───────────────────────────────────────────────────────────────────────────────────

const A4 = { width: 1654, height: 2339 }
const A4_LANDSCAPE = { width: 2339, height: 1654 }

interface Licence {
  uscc: string
  serial: string
  name: string
  type: string
  representative: string
  scope: [string, string]
  capital: string
  established: string
  term: string
  address: string
  authority: string
  issued: string
  paper?: string
}

/** 营业执照 (副本), the 2019 layout: code top left, QR top right, two columns, seal at the foot. */
function licencePage(l: Licence): Page {
  const { width, height } = A4_LANDSCAPE
  const label = { size: 38, bold: true }
  const value = { size: 38 }
  const left = { label: 200, value: 440, width: 200 }
  const right = { label: 1230, value: 1430, width: 160 }
  const rows = [660, 745, 830, 915]
  const caption = [
    '扫描经营主体身份码',
    '了解更多登记、备案、',
    '许可、监管信息，体验更多应用服务。',
  ]
  const body = [
    `<rect x="70" y="70" width="${width - 140}" height="${height - 140}" fill="none" stroke="#b8894a" stroke-width="16"/>`,
    `<rect x="104" y="104" width="${width - 208}" height="${height - 208}" fill="none" stroke="#c9a66b" stroke-width="3"/>`,
    emblem(width / 2, 235, 88),
    text(width / 2 + 35, 465, '营业执照', { size: 124, bold: true, anchor: 'middle', spacing: 70 }),
    text(width / 2, 545, '（副\u3000本）', { size: 40, anchor: 'middle' }),
    text(200, 300, '统一社会信用代码', { size: 36, bold: true }),
    text(200, 358, l.uscc, { size: 42, font: SANS, bold: true, spacing: 2 }),
    text(200, 412, `证照编号：${l.serial}`, { size: 28 }),
    qrCode(1905, 150, 210, seedOf(l.uscc)),
    ...caption.map((line, i) =>
      text(2010, 400 + i * 30, line, { size: 21, font: SANS, anchor: 'middle' }),
    ),
    spread(left.label, rows[0] ?? 0, '名称', left.width, label),
    text(left.value, rows[0] ?? 0, l.name, value),
    spread(left.label, rows[1] ?? 0, '类型', left.width, label),
    text(left.value, rows[1] ?? 0, l.type, value),
    spread(left.label, rows[2] ?? 0, '法定代表人', left.width, label),
    text(left.value, rows[2] ?? 0, l.representative, value),
    spread(left.label, rows[3] ?? 0, '经营范围', left.width, label),
    text(left.value, rows[3] ?? 0, l.scope[0], value),
    text(left.value, (rows[3] ?? 0) + 62, l.scope[1], value),
    spread(right.label, rows[0] ?? 0, '注册资本', right.width, label),
    text(right.value, rows[0] ?? 0, l.capital, value),
    spread(right.label, rows[1] ?? 0, '成立日期', right.width, label),
    text(right.value, rows[1] ?? 0, l.established, value),
    spread(right.label, rows[2] ?? 0, '营业期限', right.width, label),
    text(right.value, rows[2] ?? 0, l.term, value),
    spread(right.label, rows[3] ?? 0, '住所', right.width, label),
    text(right.value, rows[3] ?? 0, l.address, value),
    spread(1380, 1320, '登记机关', 170, { size: 40, bold: true }),
    text(1790, 1420, l.issued, { size: 38, anchor: 'middle' }),
    text(width / 2, 1500, '国家企业信用信息公示系统网址：https://www.gsxt.gov.cn', {
      size: 24,
      anchor: 'middle',
    }),
    text(width / 2, 1536, '国家市场监督管理总局监制', { size: 22, anchor: 'middle' }),
  ]
  return {
    ...A4_LANDSCAPE,
    svg: paper(width, height, l.paper ?? '#f7f3ea', body.join('\n')),
    stamps: [seal(1790, 1350, 150, l.authority, '', -6)],
    lines: [
      '统一社会信用代码',
      l.uscc,
      `证照编号：${l.serial}`,
      '营业执照',
      '（副本）',
      ...caption,
      `名 称 ${l.name}`,
      `类 型 ${l.type}`,
      `法定代表人 ${l.representative}`,
      `经营范围 ${l.scope[0]}`,
      l.scope[1],
      `注册资本 ${l.capital}`,
      `成立日期 ${l.established}`,
      `营业期限 ${l.term}`,
      `住 所 ${l.address}`,
      '登记机关',
      l.authority,
      l.issued,
      '国家企业信用信息公示系统网址：https://www.gsxt.gov.cn',
      '国家市场监督管理总局监制',
    ],
  }
}

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

/** A photocopy of a 居民身份证: front above back, each 85.6 × 54 mm at 200 dpi, on A4. */
function idCardPage(p: Person, options: { paper?: string; watermark?: string } = {}): Page {
  const card = { w: 674, h: 425 }
  const front = { x: 490, y: 560 }
  const back = { x: 490, y: 1290 }
  const blue = '#3b6ea8'
  const label = { size: 22, font: SANS, fill: blue }
  const value = { size: 27, font: SANS }
  const face = (x: number, y: number, id: string) => `
    <clipPath id="${id}"><rect x="${x}" y="${y}" width="${card.w}" height="${card.h}" rx="28"/></clipPath>
    <g clip-path="url(#${id})">
      <rect x="${x}" y="${y}" width="${card.w}" height="${card.h}" fill="url(#card)"/>
      ${guilloche(x, y, card.w, card.h, '#cfdde0', 18)}
    </g>
    <rect x="${x}" y="${y}" width="${card.w}" height="${card.h}" rx="28" fill="none" stroke="#9aa3a6" stroke-width="2"/>`
  const fx = (dx: number) => front.x + dx
  const fy = (dy: number) => front.y + dy
  const bx = (dx: number) => back.x + dx
  const by = (dy: number) => back.y + dy
  const body = [
    face(front.x, front.y, 'front'),
    spread(fx(40), fy(78), '姓名', 52, label),
    text(fx(120), fy(78), p.name, value),
    spread(fx(40), fy(133), '性别', 52, label),
    text(fx(120), fy(133), p.sex, value),
    spread(fx(220), fy(133), '民族', 52, label),
    text(fx(300), fy(133), p.ethnicity, value),
    spread(fx(40), fy(188), '出生', 52, label),
    text(fx(120), fy(188), p.birth[0], value),
    text(fx(190), fy(188), '年', label),
    text(fx(232), fy(188), p.birth[1], value),
    text(fx(270), fy(188), '月', label),
    text(fx(312), fy(188), p.birth[2], value),
    text(fx(352), fy(188), '日', label),
    spread(fx(40), fy(243), '住址', 52, label),
    text(fx(120), fy(243), p.address[0], value),
    text(fx(120), fy(281), p.address[1], value),
    text(fx(40), fy(372), '公民身份号码', label),
    text(fx(222), fy(374), p.number, { size: 31, font: MONO, bold: true, spacing: 2 }),
    portrait(fx(452), fy(48), 190, 238),
    face(back.x, back.y, 'back'),
    emblem(bx(100), by(108), 70),
    text(bx(205), by(100), '中华人民共和国', { size: 34, font: SANS, bold: true, spacing: 9 }),
    text(bx(205), by(190), '居民身份证', { size: 54, font: SANS, bold: true, spacing: 16 }),
    text(bx(120), by(322), '签发机关', label),
    text(bx(235), by(322), p.authority, value),
    text(bx(120), by(372), '有效期限', label),
    text(bx(235), by(372), p.validity, value),
  ]
  const lines = [
    `姓名 ${p.name}`,
    `性别 ${p.sex} 民族 ${p.ethnicity}`,
    `出生 ${p.birth[0]} 年 ${p.birth[1]} 月 ${p.birth[2]} 日`,
    `住址 ${p.address[0]}`,
    p.address[1],
    `公民身份号码 ${p.number}`,
    '中华人民共和国',
    '居民身份证',
    `签发机关 ${p.authority}`,
    `有效期限 ${p.validity}`,
  ]
  if (options.watermark) {
    for (const [x, y] of [
      [front.x + 80, front.y + 330],
      [back.x + 80, back.y + 330],
    ] as const) {
      body.push(
        `<g transform="rotate(-18 ${x} ${y})" opacity="0.42">${text(x, y, options.watermark, { size: 40, font: SANS, bold: true, fill: '#5a6f86' })}</g>`,
      )
      lines.push(options.watermark)
    }
  }
  const defs = `<linearGradient id="card" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#e8f0ef"/><stop offset="0.6" stop-color="#f3f1e8"/><stop offset="1" stop-color="#efe6ea"/>
    </linearGradient>`
  return {
    ...A4,
    svg: paper(A4.width, A4.height, options.paper ?? '#f8f7f3', body.join('\n'), defs),
    stamps: [],
    lines,
  }
}

interface Passport {
  surname: string
  given: string
  chinese: string
  number: string
  sex: '男/M' | '女/F'
  birthPlace: string
  birth: string
  issued: string
  expiry: string
  mrz: [string, string]
}

/** A passport opened at its data page, scanned on A4: the facing page above, MRZ at the foot. */
function passportPage(p: Passport): Page {
  const X = 332
  const Y = 1110
  const w = 990
  const h = 700
  const small = { size: 15, font: SANS, fill: '#45525e' }
  const value = { size: 25, font: SANS, bold: true }
  const at = (dx: number, dy: number) => [X + dx, Y + dy] as const
  const field = (dx: number, dy: number, label: string, content: string) => {
    const [x, y] = at(dx, dy)
    return text(x, y, label, small) + text(x, y + 32, content, value)
  }
  const [nx, ny] = at(320, 200)
  const body = [
    `<rect x="${X - 14}" y="${Y - h - 24}" width="${w + 28}" height="${2 * h + 48}" rx="18" fill="#5b2a2e"/>`,
    `<rect x="${X}" y="${Y - h - 10}" width="${w}" height="${h}" fill="#eef0ea"/>`,
    guilloche(X, Y - h - 10, w, h, '#d8dcd2', 22),
    `<rect x="${X}" y="${Y}" width="${w}" height="${h}" fill="url(#datapage)"/>`,
    guilloche(X, Y, w, 520, '#e2d3d8', 20),
    `<line x1="${X}" y1="${Y - 5}" x2="${X + w}" y2="${Y - 5}" stroke="#8c7b72" stroke-width="6"/>`,
    text(...at(495, 50), '中华人民共和国', { size: 30, font: SANS, bold: true, anchor: 'middle' }),
    text(...at(495, 84), "PEOPLE'S REPUBLIC OF CHINA", { size: 20, font: SANS, anchor: 'middle' }),
    text(...at(40, 52), '护照', { size: 28, font: SANS, bold: true }),
    text(...at(40, 80), 'PASSPORT', { size: 18, font: SANS }),
    portrait(...at(40, 130), 250, 320),
    field(320, 130, '类型/Type', 'P'),
    field(560, 130, '国家码/Country Code', 'CHN'),
    field(780, 130, '护照号/Passport No.', p.number),
    text(nx, ny, '姓名/Name', small),
    text(nx, ny + 32, p.chinese, value),
    text(nx, ny + 64, `${p.surname}, ${p.given}`, value),
    field(320, 300, '性别/Sex', p.sex),
    field(560, 300, '出生地点/Place of birth', p.birthPlace),
    field(320, 370, '出生日期/Date of birth', p.birth),
    field(320, 440, '签发地点/Place of issue', p.birthPlace),
    field(560, 440, '签发日期/Date of issue', p.issued),
    field(320, 510, '签发机关/Authority', '国家移民管理局'),
    field(560, 510, '有效期至/Date of expiry', p.expiry),
    text(...at(40, 622), p.mrz[0], { size: 34, font: MONO }),
    text(...at(40, 670), p.mrz[1], { size: 34, font: MONO }),
  ]
  const defs = `<linearGradient id="datapage" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#f4ecee"/><stop offset="1" stop-color="#eaeff4"/>
    </linearGradient>`
  return {
    ...A4,
    svg: paper(A4.width, A4.height, '#f7f7f4', body.join('\n'), defs),
    stamps: [],
    lines: [
      '护照',
      'PASSPORT',
      '中华人民共和国',
      "PEOPLE'S REPUBLIC OF CHINA",
      '类型/Type',
      'P',
      '国家码/Country Code',
      'CHN',
      '护照号/Passport No.',
      p.number,
      '姓名/Name',
      p.chinese,
      `${p.surname}, ${p.given}`,
      '性别/Sex',
      p.sex,
      '出生地点/Place of birth',
      p.birthPlace,
      '出生日期/Date of birth',
      p.birth,
      '签发地点/Place of issue',
      p.birthPlace,
      '签发日期/Date of issue',
      p.issued,
      '签发机关/Authority',
      '国家移民管理局',
      '有效期至/Date of expiry',
      p.expiry,
      p.mrz[0],
      p.mrz[1],
    ],
  }
}

interface Certificate {
  number: string
  mark: string
  markLatin: string
  cls: string
  goods: [string, string]
  registrant: string
  address: string
  validity: string
}

/** 商标注册证: patterned border, emblem, title, number, the mark, the goods, the registrant. */
function certificatePage(c: Certificate): Page {
  const { width, height } = A4
  const defs = `<pattern id="border" width="26" height="26" patternUnits="userSpaceOnUse">
      <rect width="26" height="26" fill="#e4efe6"/>
      <circle cx="13" cy="13" r="8" fill="none" stroke="#6f9c85" stroke-width="2"/>
      <circle cx="0" cy="0" r="5" fill="none" stroke="#9bbfa9" stroke-width="1.5"/>
    </pattern>`
  const x = 230
  const lines = [
    `核定使用服务项目（第${c.cls}类）：`,
    c.goods[0],
    c.goods[1],
    `注册人 ${c.registrant}`,
    `注册地址 ${c.address}`,
    `注册有效期限 ${c.validity}`,
  ]
  const body = [
    `<rect x="90" y="90" width="${width - 180}" height="${height - 180}" fill="url(#border)"/>`,
    `<rect x="150" y="150" width="${width - 300}" height="${height - 300}" fill="#fbfaf4" stroke="#6f9c85" stroke-width="3"/>`,
    emblem(width / 2, 320, 82),
    text(width / 2 + 15, 530, '商标注册证', {
      size: 96,
      bold: true,
      anchor: 'middle',
      spacing: 30,
    }),
    text(width / 2, 630, `第 ${c.number} 号`, { size: 48, anchor: 'middle' }),
    `<rect x="${width / 2 - 210}" y="700" width="420" height="300" fill="none" stroke="#999" stroke-width="2"/>`,
    `<circle cx="${width / 2}" cy="830" r="95" fill="none" stroke="#1d3f73" stroke-width="10"/>`,
    text(width / 2, 862, c.mark, {
      size: 84,
      font: SANS,
      bold: true,
      anchor: 'middle',
      fill: '#1d3f73',
    }),
    text(width / 2, 975, c.markLatin, {
      size: 40,
      font: SANS,
      bold: true,
      anchor: 'middle',
      fill: '#1d3f73',
      spacing: 6,
    }),
    ...lines.map((line, i) => text(x, 1110 + i * 72, line, { size: 38 })),
    spread(1020, 1900, '局长签发', 230, { size: 40, bold: true }),
    `<path d="M 1080 1990 c 40 -60 70 30 110 -20 s 50 40 90 -10 s 40 30 70 -5" fill="none" stroke="#222" stroke-width="4"/>`,
  ]
  return {
    ...A4,
    svg: paper(width, height, '#f6f4ec', body.join('\n'), defs),
    stamps: [seal(1140, 1930, 165, '国家知识产权局商标局', '', 10)],
    lines: [
      '商标注册证',
      `第 ${c.number} 号`,
      c.mark,
      c.markLatin,
      ...lines,
      '局长签发',
      '国家知识产权局商标局',
    ],
  }
}

interface Notice {
  title: string
  serial: string
  addressee: string
  body: string[]
  rows: [string, string][]
  date: string
  paper?: string
}

/** A trademark office notice (受理通知书): red header, table, notes, date with the seal over it. */
function noticePage(n: Notice): Page {
  const { width, height } = A4
  const x = 220
  const tableTop = 1010
  const rowHeight = 84
  const notes = [
    '注意事项：',
    '1. 本通知书仅表明该申请已被受理，不代表最终审查结论。',
    '2. 如名义、地址等发生变化，请及时办理变更手续。',
    '3. 请妥善保管本通知书，办理后续业务时需提供。',
  ]
  const notesTop = tableTop + n.rows.length * rowHeight + 110
  const body = [
    text(width / 2, 250, '国家知识产权局', {
      size: 64,
      bold: true,
      anchor: 'middle',
      fill: '#c0141c',
      spacing: 12,
    }),
    `<line x1="${x - 40}" y1="300" x2="${width - x + 40}" y2="300" stroke="#c0141c" stroke-width="6"/>`,
    text(width / 2, 430, n.title, { size: 54, bold: true, anchor: 'middle' }),
    text(x, 530, `发文编号：${n.serial}`, { size: 30 }),
    text(x, 620, n.addressee, { size: 36 }),
    ...n.body.map((line, i) => text(i === 0 ? x + 72 : x, 700 + i * 62, line, { size: 36 })),
    `<rect x="${x}" y="${tableTop}" width="${width - 2 * x}" height="${n.rows.length * rowHeight}" fill="none" stroke="#333" stroke-width="2"/>`,
    `<line x1="${x + 300}" y1="${tableTop}" x2="${x + 300}" y2="${tableTop + n.rows.length * rowHeight}" stroke="#333" stroke-width="2"/>`,
    ...n.rows.flatMap(([label, value], i) => {
      const top = tableTop + i * rowHeight
      return [
        i > 0
          ? `<line x1="${x}" y1="${top}" x2="${width - x}" y2="${top}" stroke="#333" stroke-width="2"/>`
          : '',
        text(x + 150, top + 55, label, { size: 36, bold: true, anchor: 'middle' }),
        text(x + 330, top + 55, value, { size: 36 }),
      ]
    }),
    ...notes.map((line, i) => text(x, notesTop + i * 52, line, { size: 30 })),
    text(1180, 1920, '国家知识产权局', { size: 40, anchor: 'middle' }),
    text(1180, 1990, n.date, { size: 40, anchor: 'middle' }),
  ]
  return {
    ...A4,
    svg: paper(width, height, n.paper ?? '#f9f8f4', body.join('\n')),
    stamps: [seal(1185, 1945, 168, '国家知识产权局商标局', '业务专用章', -12)],
    lines: [
      '国家知识产权局',
      n.title,
      `发文编号：${n.serial}`,
      n.addressee,
      ...n.body,
      ...n.rows.map(([label, value]) => `${label} ${value}`),
      ...notes,
      '国家知识产权局',
      n.date,
      '国家知识产权局商标局',
      '业务专用章',
    ],
  }
}

// ─── The papers (invented people and companies) ──────────────────────────────────────────────

const XINGHE: Licence = {
  uscc: '91310112MA1GB6KX2G',
  serial: '31011200201903150213',
  name: '上海星河广告有限公司',
  type: '有限责任公司（自然人投资或控股）',
  representative: '周立群',
  scope: ['一般项目：广告设计、代理；广告制作；', '广告发布；企业形象策划；会议服务。'],
  capital: '人民币200.0000万元整',
  established: '2019年03月15日',
  term: '2019年03月15日至长期',
  address: '上海市闵行区虹梅路2008号3幢201室',
  authority: '上海市闵行区市场监督管理局',
  issued: '2024年05月20日',
}

const BAIYANG: Licence = {
  uscc: '91330106MA2CFW8N3A',
  serial: '33010600202106080044',
  name: '杭州白杨文化传媒有限公司',
  type: '有限责任公司（自然人独资）',
  representative: '沈佳怡',
  scope: ['一般项目：文化艺术交流活动策划；', '广告设计、代理；数字内容制作服务。'],
  capital: '人民币100万元整',
  established: '2021年06月08日',
  term: '2021年06月08日至2041年06月07日',
  address: '浙江省杭州市西湖区文三路478号5楼',
  authority: '杭州市西湖区市场监督管理局',
  issued: '2023年11月02日',
}

const QINGLAN: Licence = {
  uscc: '91440300MA5FTQ4R87',
  serial: '44030000201907220318',
  name: '深圳青岚网络科技有限公司',
  type: '有限责任公司',
  representative: '黄志明',
  scope: ['一般经营项目：网络技术开发；软件开发；', '电子商务平台运营；广告业务。'],
  capital: '人民币500万元',
  established: '2019年07月22日',
  term: '2019年07月22日至无固定期限',
  address: '深圳市南山区粤海街道科技园路1号',
  authority: '深圳市市场监督管理局',
  issued: '2022年08月16日',
  paper: '#d9d7cf',
}

const LI_CHUNYAN: Person = {
  name: '李春燕',
  sex: '女',
  ethnicity: '汉',
  birth: ['1990', '7', '23'],
  address: ['浙江省杭州市西湖区文三', '路478号3幢2单元501室'],
  number: '330106199007234522',
  authority: '杭州市公安局西湖分局',
  validity: '2016.05.12-2036.05.12',
}

const WANG_JIANGUO: Person = {
  name: '王建国',
  sex: '男',
  ethnicity: '汉',
  birth: ['1968', '9', '15'],
  address: ['北京市朝阳区建国路88号', '院6号楼1102'],
  number: '110105196809151373',
  authority: '北京市公安局朝阳分局',
  validity: '2015.03.20-长期',
}

const CHEN_SIYUAN: Person = {
  name: '陈思远',
  sex: '男',
  ethnicity: '汉',
  birth: ['1978', '2', '14'],
  address: ['广东省深圳市南山区科技', '园路1号青岚大厦1808'],
  number: '440305197802146119',
  authority: '深圳市公安局南山分局',
  validity: '2019.08.30-2039.08.30',
}

const WANG_XIAOMING: Passport = {
  surname: 'WANG',
  given: 'XIAOMING',
  chinese: '王晓明',
  number: 'EK5832196',
  sex: '男/M',
  birthPlace: '浙江/ZHEJIANG',
  birth: '14 MAR 1988',
  issued: '22 JUN 2019',
  expiry: '21 JUN 2029',
  mrz: [
    'POCHNWANG<<XIAOMING<<<<<<<<<<<<<<<<<<<<<<<<<',
    'EK58321960CHN8803148M2906210<<<<<<<<<<<<<<<2',
  ],
}

const LIU_YUTING: Passport = {
  surname: 'LIU',
  given: 'YUTING',
  chinese: '刘雨婷',
  number: 'E65023871',
  sex: '女/F',
  birthPlace: '四川/SICHUAN',
  birth: '02 JUN 1995',
  issued: '11 SEP 2022',
  expiry: '10 SEP 2032',
  mrz: [
    'POCHNLIU<<YUTING<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
    'E650238718CHN9506022F3209103<<<<<<<<<<<<<<<0',
  ],
}

const CERTIFICATE_XINGHE: Certificate = {
  number: '12345678',
  mark: '星河',
  markLatin: 'XINGHE',
  cls: '35',
  goods: [
    '广告；广告设计；广告策划；广告代理；为零售目的在通讯',
    '媒体上展示商品；组织商业或广告展览；市场营销。',
  ],
  registrant: '上海星河广告有限公司',
  address: '上海市闵行区虹梅路2008号3幢201室',
  validity: '自2018年06月07日至2028年06月06日',
}

const CERTIFICATE_BAIYANG: Certificate = {
  number: '30517264',
  mark: '白杨',
  markLatin: 'BAIYANG',
  cls: '41',
  goods: [
    '组织文化或艺术活动；安排和组织音乐会；娱乐信息；节目',
    '制作；文娱活动；摄影；在线电子书籍和杂志的出版。',
  ],
  registrant: '杭州白杨文化传媒有限公司',
  address: '浙江省杭州市西湖区文三路478号5楼',
  validity: '自2019年04月21日至2029年04月20日',
}

function acceptanceNotice(options: {
  number: string
  applicant: string
  mark: string
  cls: string
  filed: string
  date: string
  paper?: string
}): Notice {
  return {
    title: '商标注册申请受理通知书',
    serial: `TMZC${options.number}ZCSL01`,
    addressee: `${options.applicant}：`,
    body: [
      `根据《商标法》及《商标法实施条例》的有关规定，经审查，你（单`,
      `位）于${options.filed}提交的第${options.cls}类“${options.mark}”商标注册申请已予受理，`,
      '现予通知。',
    ],
    rows: [
      ['申请号', options.number],
      ['申请人', options.applicant],
      ['商标', options.mark],
      ['类别', options.cls],
      ['申请日期', options.filed],
    ],
    date: options.date,
    ...(options.paper ? { paper: options.paper } : {}),
  }
}

function transferNotice(options: {
  number: string
  transferor: string
  transferee: string
  cls: string
  filed: string
  date: string
}): Notice {
  return {
    title: '商标转让申请受理通知书',
    serial: `TMZR${options.number}ZRSL01`,
    addressee: `${options.transferee}：`,
    body: [
      '根据《商标法》第四十二条及《商标法实施条例》的有关规定，经审',
      `查，你（单位）于${options.filed}提交的商标转让申请已予受理，`,
      '现予通知。',
    ],
    rows: [
      ['申请号/注册号', options.number],
      ['转让人', options.transferor],
      ['受让人', options.transferee],
      ['类别', options.cls],
      ['申请日期', options.filed],
    ],
    date: options.date,
  }
}

const SPECS: Spec[] = [
  {
    name: 'licence-colour',
    kind: 'business_licence',
    fields: {
      uscc: '91310112MA1GB6KX2G',
      name: '上海星河广告有限公司',
      legalRepresentative: '周立群',
      businessScope: '一般项目:广告设计、代理;广告制作;广告发布;企业形象策划;会议服务。',
      establishedOn: '2019-03-15',
    },
    page: () => licencePage(XINGHE),
    scanner: { format: 'jpeg', quality: 88 },
  },
  {
    name: 'licence-skewed-jpeg40',
    kind: 'business_licence',
    fields: {
      uscc: '91330106MA2CFW8N3A',
      name: '杭州白杨文化传媒有限公司',
      legalRepresentative: '沈佳怡',
      businessScope: '一般项目:文化艺术交流活动策划;广告设计、代理;数字内容制作服务。',
      establishedOn: '2021-06-08',
    },
    page: () => licencePage(BAIYANG),
    scanner: { format: 'jpeg', quality: 40, skew: 2.2 },
  },
  {
    name: 'licence-grey-noise',
    kind: 'business_licence',
    fields: {
      uscc: '91440300MA5FTQ4R87',
      name: '深圳青岚网络科技有限公司',
      legalRepresentative: '黄志明',
      businessScope: '一般经营项目:网络技术开发;软件开发;电子商务平台运营;广告业务。',
      establishedOn: '2019-07-22',
    },
    page: () => licencePage(QINGLAN),
    scanner: { format: 'jpeg', quality: 75, grey: true, noise: 14, skew: -1.1 },
  },
  {
    name: 'licence-sideways',
    kind: 'business_licence',
    fields: {
      uscc: '91310112MA1GB6KX2G',
      name: '上海星河广告有限公司',
      legalRepresentative: '周立群',
      businessScope: '一般项目:广告设计、代理;广告制作;广告发布;企业形象策划;会议服务。',
      establishedOn: '2019-03-15',
    },
    page: () => licencePage(XINGHE),
    scanner: { format: 'jpeg', quality: 80, rotation: 270 },
  },
  {
    name: 'id-colour',
    kind: 'resident_id',
    fields: { name: '李春燕', number: '330106199007234522', validUntil: '2036-05-12' },
    page: () => idCardPage(LI_CHUNYAN),
    scanner: { format: 'jpeg', quality: 85 },
  },
  {
    name: 'id-grey',
    kind: 'resident_id',
    fields: { name: '王建国', number: '110105196809151373', validUntil: 'long_term' },
    page: () =>
      idCardPage(WANG_JIANGUO, { paper: '#dcdad3', watermark: '仅供资质审核使用 他用无效' }),
    scanner: { format: 'png', grey: true, noise: 8, skew: 1.4 },
  },
  {
    name: 'id-upside-down',
    kind: 'resident_id',
    fields: { name: '陈思远', number: '440305197802146119', validUntil: '2039-08-30' },
    page: () => idCardPage(CHEN_SIYUAN),
    scanner: { format: 'jpeg', quality: 80, rotation: 180 },
  },
  {
    name: 'passport',
    kind: 'passport',
    fields: {
      number: 'EK5832196',
      nationality: 'CHN',
      birthDate: '1988-03-14',
      expiryDate: '2029-06-21',
      name: 'WANGXIAOMING',
    },
    page: () => passportPage(WANG_XIAOMING),
    scanner: { format: 'jpeg', quality: 90 },
  },
  {
    name: 'passport-skewed-noise',
    kind: 'passport',
    fields: {
      number: 'E65023871',
      nationality: 'CHN',
      birthDate: '1995-06-02',
      expiryDate: '2032-09-10',
      name: 'LIUYUTING',
    },
    page: () => passportPage(LIU_YUTING),
    scanner: { format: 'jpeg', quality: 70, skew: -1.6, noise: 12, blur: 0.8 },
  },
  {
    name: 'certificate',
    kind: 'trademark_certificate',
    fields: {
      regNo: '12345678',
      registrant: '上海星河广告有限公司',
      class: '35',
      validUntil: '2028-06-06',
    },
    page: () => certificatePage(CERTIFICATE_XINGHE),
    scanner: { format: 'png' },
  },
  {
    name: 'certificate-sideways',
    kind: 'trademark_certificate',
    fields: {
      regNo: '30517264',
      registrant: '杭州白杨文化传媒有限公司',
      class: '41',
      validUntil: '2029-04-20',
    },
    page: () => certificatePage(CERTIFICATE_BAIYANG),
    scanner: { format: 'jpeg', quality: 80, rotation: 90 },
  },
  {
    name: 'acceptance-notice-seal',
    kind: 'acceptance_notice',
    fields: { regNo: '76543210', applicant: '上海星河广告有限公司', acceptanceDate: '2026-08-03' },
    page: () =>
      noticePage(
        acceptanceNotice({
          number: '76543210',
          applicant: '上海星河广告有限公司',
          mark: '星河',
          cls: '35',
          filed: '2026年07月10日',
          date: '2026年08月03日',
        }),
      ),
    scanner: { format: 'jpeg', quality: 85 },
  },
  {
    name: 'acceptance-notice-grey-blur',
    kind: 'acceptance_notice',
    fields: {
      regNo: '81726354',
      applicant: '深圳青岚网络科技有限公司',
      acceptanceDate: '2026-09-14',
    },
    page: () =>
      noticePage(
        acceptanceNotice({
          number: '81726354',
          applicant: '深圳青岚网络科技有限公司',
          mark: '青岚',
          cls: '42',
          filed: '2026年08月21日',
          date: '2026年09月14日',
          paper: '#dedcd4',
        }),
      ),
    scanner: { format: 'jpeg', quality: 60, grey: true, blur: 1.3, skew: 0.9 },
  },
  {
    name: 'transfer-notice',
    kind: 'transfer_notice',
    fields: {
      regNo: '23456789',
      transferee: '杭州白杨文化传媒有限公司',
      acceptanceDate: '2026-10-09',
    },
    page: () =>
      noticePage(
        transferNotice({
          number: '23456789',
          transferor: '上海星河广告有限公司',
          transferee: '杭州白杨文化传媒有限公司',
          cls: '35',
          filed: '2026年09月01日',
          date: '2026年10月09日',
        }),
      ),
    scanner: { format: 'jpeg', quality: 55, skew: -2.6 },
  },
]

// ─── Scanning ────────────────────────────────────────────────────────────────────────────────

interface Raw {
  data: Buffer
  width: number
  height: number
  channels: 1 | 2 | 3 | 4
}

const fromRaw = (raw: Raw) =>
  sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } })

async function toRaw(image: Sharp): Promise<Raw> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels }
}

/** The page as the scanner delivers it. */
async function scan(page: Page, scanner: Scanner, seed: number): Promise<Buffer> {
  let raw = await toRaw(
    sharp(Buffer.from(page.svg))
      .composite(
        page.stamps.map((stamp) => ({
          input: Buffer.from(stamp.svg),
          left: stamp.left,
          top: stamp.top,
          blend: 'multiply' as const,
        })),
      )
      .removeAlpha(),
  )
  if (scanner.skew) {
    // The page lies crooked on the glass: the scan keeps the glass's frame, the lid shows in
    // the corners.
    const turned = await toRaw(
      fromRaw(raw).rotate(scanner.skew, { background: { r: 236, g: 236, b: 232 } }),
    )
    raw = await toRaw(
      fromRaw(turned).extract({
        left: Math.floor((turned.width - page.width) / 2),
        top: Math.floor((turned.height - page.height) / 2),
        width: page.width,
        height: page.height,
      }),
    )
  }
  if (scanner.blur) raw = await toRaw(fromRaw(raw).blur(scanner.blur))
  if (scanner.noise) {
    const next = random(seed)
    const { data } = raw
    const amplitude = scanner.noise
    for (let i = 0; i < data.length; i += raw.channels) {
      // Grey sensor noise plus the odd speck of dust.
      const speck = next() < 0.0004 ? -90 : 0
      const delta = Math.round((next() + next() - 1) * amplitude) + speck
      for (let c = 0; c < raw.channels; c++) {
        data[i + c] = Math.max(0, Math.min(255, (data[i + c] ?? 0) + delta))
      }
    }
  }
  let image = fromRaw(raw)
  if (scanner.grey) image = image.toColourspace('b-w')
  if (scanner.rotation) image = image.rotate(scanner.rotation)
  return scanner.format === 'png'
    ? image.png({ compressionLevel: 6 }).toBuffer()
    : image.jpeg({ quality: scanner.quality ?? 85, chromaSubsampling: '4:2:0' }).toBuffer()
}

async function make(spec: Spec): Promise<ScanSample> {
  const page = spec.page()
  const bytes = await scan(page, spec.scanner, seedOf(spec.name))
  return {
    name: spec.name,
    kind: spec.kind,
    fields: spec.fields,
    bytes,
    format: spec.scanner.format,
    rotation: spec.scanner.rotation ?? 0,
    lines: page.lines,
  }
}

let samples: Promise<ScanSample[]> | null = null

/** The sample scans (rendered once per process, a few seconds). */
export async function makeScanSamples(): Promise<ScanSample[]> {
  samples ??= Promise.all(SPECS.map(make))
  return await samples
}
