import { Group, Text } from '@mantine/core'
import {
  daysLeftText,
  TIMELINE_DAYS,
  withNumber,
  timelineMonths,
  urgencyOf,
  type DatedItem,
  type Urgency,
} from '../../../shared/overview/today'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { useI18n } from '../i18n/I18nProvider'

/** Mantine's palette (v7 defaults), one colour per urgency. */
export const URGENCY_COLOUR: Record<Urgency, string> = {
  expired: '#e03131',
  urgent: '#f76707',
  soon: '#f59f00',
  later: '#1c7ed6',
}

type Lane = 'trademark' | 'letter' | 'paper'
const LANES: Lane[] = ['trademark', 'letter', 'paper']

const laneOf = (item: DatedItem): Lane =>
  item.kind === 'trademark' ? 'trademark' : item.kind === 'relation' ? 'letter' : 'paper'

/** Drawing units (the SVG scales to its width). */
const WIDTH = 1000
const LABEL_W = 96
const EXPIRED_W = 64
const GAP = 12
const X0 = LABEL_W + EXPIRED_W + GAP
const TOP = 26
const LANE_H = 44
const R = 6

/**
 * The next 12 months as a picture (issue 13 item 8): months across, one lane each for trademarks,
 * letters and papers (IDs, licences), a mark per item coloured by urgency; what has already
 * expired sits apart on the left. A mark's title says what it is; a click opens it.
 */
export function ExpiryTimeline(props: {
  today: string
  items: DatedItem[]
  onOpen: (item: DatedItem) => void
}) {
  const { pick, language } = useI18n()
  const xOf = (days: number) =>
    X0 + (Math.min(days, TIMELINE_DAYS) / TIMELINE_DAYS) * (WIDTH - X0 - R)
  const laneLabel: Record<Lane, string> = {
    trademark: pick('商标', 'Trademarks'),
    letter: pick('授权书', 'Letters'),
    paper: pick('证件与执照', 'IDs & licences'),
  }
  const describe = (item: DatedItem) => {
    const what =
      item.kind === 'trademark'
        ? pick('商标', 'Trademark')
        : requirementLabel(item.requirement ?? '', language)
    const sep = language === 'en' ? ': ' : '：'
    return `${what}${sep}${withNumber(item.name, item.regNo, language)} · ${item.validUntil} · ${daysLeftText(item.daysLeft, language)}`
  }

  // Marks close together in a lane step down a little instead of hiding each other.
  const placed: { item: DatedItem; x: number; y: number }[] = []
  for (const [laneIndex, lane] of LANES.entries()) {
    const laneItems = props.items
      .filter((i) => laneOf(i) === lane)
      .sort((a, b) => a.daysLeft - b.daysLeft)
    const expired = laneItems.filter((i) => i.daysLeft < 0)
    const upcoming = laneItems.filter((i) => i.daysLeft >= 0)
    const base = TOP + laneIndex * LANE_H + LANE_H / 2
    expired.forEach((item, k) => {
      placed.push({ item, x: LABEL_W + 14 + (k % 3) * 16, y: base - 8 + Math.floor(k / 3) * 14 })
    })
    let lastX = -Infinity
    let step = 0
    for (const item of upcoming) {
      const x = xOf(item.daysLeft)
      step = x - lastX < 2 * R + 2 ? (step + 1) % 3 : 0
      lastX = x
      placed.push({ item, x, y: base + (step === 0 ? 0 : step === 1 ? -12 : 12) })
    }
  }
  const height = TOP + LANES.length * LANE_H + 8
  const months = timelineMonths(props.today)

  return (
    <div>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={pick('未来 12 个月到期时间线', 'Expiry timeline, next 12 months')}
        data-testid="expiry-timeline"
        style={{ display: 'block', fontFamily: 'inherit' }}
      >
        {/* Lanes */}
        {LANES.map((lane, i) => (
          <g key={lane}>
            <rect
              x={0}
              y={TOP + i * LANE_H}
              width={WIDTH}
              height={LANE_H}
              fill={i % 2 === 0 ? '#f8f9fa' : '#ffffff'}
            />
            <text x={8} y={TOP + i * LANE_H + LANE_H / 2 + 4} fontSize={12} fill="#495057">
              {laneLabel[lane]}
            </text>
          </g>
        ))}
        {/* The expired strip */}
        <rect x={LABEL_W} y={TOP} width={EXPIRED_W} height={LANES.length * LANE_H} fill="#fff5f5" />
        <text x={LABEL_W + EXPIRED_W / 2} y={16} fontSize={11} fill="#c92a2a" textAnchor="middle">
          {pick('已过期', 'Expired')}
        </text>
        {/* Today and the months */}
        <line x1={X0} y1={TOP - 4} x2={X0} y2={height - 8} stroke="#495057" strokeWidth={1.5} />
        <text x={X0} y={16} fontSize={11} fill="#212529" textAnchor="middle">
          {pick('今天', 'Today')}
        </text>
        {months.map((m) => (
          <g key={m.first}>
            <line
              x1={xOf(m.offset)}
              y1={TOP}
              x2={xOf(m.offset)}
              y2={height - 8}
              stroke="#dee2e6"
              strokeDasharray="3 3"
            />
            {/* A month starting at the right edge has no room for its label. */}
            {xOf(m.offset) < WIDTH - 48 && (
              <text x={xOf(m.offset) + 3} y={16} fontSize={11} fill="#868e96">
                {m.first.slice(0, 7)}
              </text>
            )}
          </g>
        ))}
        {/* One mark per item */}
        {placed.map(({ item, x, y }) => (
          <g
            key={`${item.kind}:${item.id}`}
            data-testid="timeline-mark"
            data-kind={item.kind}
            data-days={item.daysLeft}
            role="button"
            tabIndex={0}
            aria-label={describe(item)}
            style={{ cursor: 'pointer' }}
            onClick={() => props.onOpen(item)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') props.onOpen(item)
            }}
          >
            <title>{describe(item)}</title>
            <circle
              cx={x}
              cy={y}
              r={R}
              fill={URGENCY_COLOUR[urgencyOf(item.daysLeft)]}
              stroke="#ffffff"
              strokeWidth={1.5}
            />
          </g>
        ))}
      </svg>
      <Group gap="lg" mt={6}>
        {(
          [
            ['expired', pick('已过期', 'Expired')],
            ['urgent', pick('30 天内', 'Within 30 days')],
            ['soon', pick('90 天内', 'Within 90 days')],
            ['later', pick('更晚', 'Later')],
          ] as const
        ).map(([urgency, label]) => (
          <Group key={urgency} gap={6}>
            <svg width={12} height={12} aria-hidden>
              <circle cx={6} cy={6} r={5} fill={URGENCY_COLOUR[urgency]} />
            </svg>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  )
}
