import { useState, type ReactNode } from 'react'
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import type { PacketListItem } from '../../../shared/library/schemas'
import {
  daysLeftText,
  urgencyOf,
  type DatedItem,
  type OpenTarget,
  type PacketRef,
  type TodayChange,
  withNumber,
} from '../../../shared/overview/today'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad, useLoadAfter } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { openLibraryRecord } from '../library/recordLink'
import { LetterPanel } from '../packets/LetterPanel'
import { openingStep, PacketWizard } from '../packets/PacketWizard'
import { ExpiryTimeline, URGENCY_COLOUR } from './ExpiryTimeline'

type LetterTarget = Extract<OpenTarget, { kind: 'letter' }>

/**
 * Rows of the expiring list drawn before the clerk asks for all: a big library has thousands,
 * most urgent first, and drawing them all would hold the page for seconds (issue 14).
 */
const EXPIRING_AT_FIRST = 100

/**
 * 今日 (issue 13 item 8), the first page: what changed state today, letters waiting for their
 * signatures, what expires soon and which packets it affects, rejected packets, and the next 12
 * months as a picture. Every row opens the place to act: the packet in the wizard, the record's
 * drawer in the library, the letter.
 */
export function TodayPage() {
  const api = useApi()
  const { pick, language } = useI18n()
  const [version, setVersion] = useState(0)
  // The head (changes, letters, rejected) paints first; the dated items, as many as the library
  // holds, follow (issue 14, start-up).
  const head = useLoad(() => api['overview.todayHead']({}), [api, version])
  const expiries = useLoadAfter(head.data, () => api['overview.todayExpiries']({}))
  const [allExpiring, setAllExpiring] = useState(false)
  const [packet, setPacket] = useState<PacketListItem | null>(null)
  const [letter, setLetter] = useState<LetterTarget | null>(null)
  const [openError, setOpenError] = useState<string | null>(null)

  const open = (target: OpenTarget) => {
    setOpenError(null)
    if (target.kind === 'record') {
      openLibraryRecord(target.record, target.id)
    } else if (target.kind === 'letter') {
      setLetter(target)
    } else {
      api['packets.list']({}).then(
        (list) => {
          const found = list.find((p) => p.id === target.packetId)
          if (found) setPacket(found)
          else setOpenError(pick('找不到该资质包（可能已被删除）。', 'Packet not found.'))
        },
        (e: unknown) => setOpenError(messageOf(e)),
      )
    }
  }

  if (packet) {
    return (
      <PacketWizard
        packet={packet}
        initialStep={openingStep(packet)}
        onClose={() => {
          setPacket(null)
          setVersion((v) => v + 1)
        }}
      />
    )
  }

  const data = head.data
  const dated = expiries.data
  const packetsText = (packets: PacketRef[]) =>
    packets.length === 0
      ? pick('（无资质包用到）', '(no packet uses it)')
      : packets.map((p) => p.accountName).join(language === 'en' ? ', ' : '、')
  const what = (item: DatedItem) =>
    item.kind === 'trademark'
      ? pick('商标', 'Trademark')
      : requirementLabel(item.requirement ?? '', language)

  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{pick('今日', 'Today')}</Title>
        {data && (
          <Text c="dimmed" data-testid="today-date">
            {data.today}
          </Text>
        )}
      </Group>
      {head.error && <Alert color="red">{head.error}</Alert>}
      {expiries.error && <Alert color="red">{expiries.error}</Alert>}
      {openError && <Alert color="red">{openError}</Alert>}

      <Section
        title={pick('今天的变化', 'Changed today')}
        testId="today-changes"
        empty={pick('今天没有状态变化。', 'Nothing changed state today.')}
        count={data?.changes.length}
      >
        {data?.changes.map((change, i) => (
          <Row key={i} onClick={() => open(change.open)}>
            <ChangeLine change={change} />
          </Row>
        ))}
      </Section>

      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Title order={4}>{pick('未来 12 个月的到期', 'Expiries in the next 12 months')}</Title>
          <Text size="xs" c="dimmed">
            {pick('点击圆点打开记录', 'Click a mark to open its record')}
          </Text>
        </Group>
        {!dated ? (
          <Loading />
        ) : dated.timeline.length === 0 ? (
          <Text c="dimmed" size="sm">
            {pick('未来 12 个月没有到期的项目。', 'Nothing expires in the next 12 months.')}
          </Text>
        ) : (
          <ExpiryTimeline today={dated.today} items={dated.timeline} onOpen={(i) => open(i.open)} />
        )}
      </Paper>

      <SimpleGrid cols={2} spacing="md">
        <Section
          title={pick('等待签字的授权书', 'Letters waiting for signatures')}
          testId="today-letters"
          empty={pick('没有等待签字的授权书。', 'No letter is waiting for signatures.')}
          count={data?.lettersWaiting.length}
        >
          {data?.lettersWaiting.map((l) => (
            <Row key={l.letterId} onClick={() => open(l.open)}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {requirementLabel(l.requirement, language)}
                    {language === 'en' ? ': ' : '：'}
                    {l.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.packet
                      ? pick(`资质包：${l.packet.accountName}`, `Packet: ${l.packet.accountName}`)
                      : pick('未关联资质包', 'No packet')}
                    {' · '}
                    {pick(`生成于 ${l.createdOn}`, `made ${l.createdOn}`)}
                  </Text>
                </Stack>
                <Badge
                  variant="light"
                  color={l.status === 'printed' ? 'orange' : 'blue'}
                  style={{ flexShrink: 0 }}
                >
                  {l.status === 'printed'
                    ? pick('已打印，待扫描件', 'Printed, no scan')
                    : pick('待打印签字', 'To sign')}
                </Badge>
              </Group>
            </Row>
          ))}
        </Section>

        <Section
          title={pick('被驳回的资质包', 'Rejected packets')}
          testId="today-rejected"
          empty={pick('没有被驳回的资质包。', 'No packet was rejected.')}
          count={data?.rejected.length}
        >
          {data?.rejected.map((r) => (
            <Row key={r.packet.id} onClick={() => open(r.open)}>
              <Stack gap={2}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {r.packet.accountName}
                  </Text>
                  <Badge color="red" variant="light">
                    {pick(`${r.submittedOn} 驳回`, `Rejected ${r.submittedOn}`)}
                  </Badge>
                  {r.tags.map((tag) => (
                    <Badge key={tag} variant="outline" color="gray">
                      {tag}
                    </Badge>
                  ))}
                </Group>
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {r.reasons || pick('（未记录驳回原因）', '(no reason recorded)')}
                </Text>
              </Stack>
            </Row>
          ))}
        </Section>
      </SimpleGrid>

      <Paper withBorder p="md" radius="md" data-testid="today-expiring">
        <Title order={4} mb="xs">
          {pick('90 天内到期或已过期', 'Expired or due within 90 days')}
        </Title>
        {!dated ? (
          <Loading />
        ) : dated.expiring.length === 0 ? (
          <Text c="dimmed" size="sm">
            {pick('90 天内没有到期的项目。', 'Nothing expires within 90 days.')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{pick('项目', 'Item')}</Table.Th>
                <Table.Th w={120}>{pick('有效期至', 'Valid until')}</Table.Th>
                <Table.Th w={150}>{pick('剩余', 'Time left')}</Table.Th>
                <Table.Th>{pick('影响的资质包', 'Packets affected')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(allExpiring ? dated.expiring : dated.expiring.slice(0, EXPIRING_AT_FIRST)).map(
                (item) => (
                  <Table.Tr
                    key={`${item.kind}:${item.id}`}
                    onClick={() => open(item.open)}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td>
                      <Text size="sm">
                        <Text span c="dimmed" size="sm">
                          {what(item)}
                          {language === 'en' ? ': ' : '：'}
                        </Text>
                        {withNumber(item.name, item.regNo, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{item.validUntil}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c={URGENCY_COLOUR[urgencyOf(item.daysLeft)]} fw={500}>
                        {daysLeftText(item.daysLeft, language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={item.packets.length === 0 ? 'dimmed' : undefined}>
                        {packetsText(item.packets)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
        {dated && !allExpiring && dated.expiring.length > EXPIRING_AT_FIRST && (
          <Button variant="subtle" size="xs" mt="xs" onClick={() => setAllExpiring(true)}>
            {pick(
              `显示全部 ${dated.expiring.length} 项`,
              `Show all ${dated.expiring.length} items`,
            )}
          </Button>
        )}
      </Paper>

      <Modal
        opened={letter !== null}
        onClose={() => {
          setLetter(null)
          setVersion((v) => v + 1)
        }}
        size="xl"
        title={pick('授权书', 'Letter')}
      >
        {letter && (
          <LetterPanel
            relationId={letter.relationId}
            {...(letter.packetId ? { packetId: letter.packetId } : {})}
            requirement={letter.requirement}
            onChanged={() => setVersion((v) => v + 1)}
          />
        )}
      </Modal>
    </Stack>
  )
}

function Section(props: {
  title: string
  testId: string
  empty: string
  count: number | undefined
  children: ReactNode
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={props.testId}>
      <Group gap="xs" mb="xs">
        <Title order={4}>{props.title}</Title>
        {props.count !== undefined && props.count > 0 && (
          <Badge variant="light" color="gray" circle>
            {props.count}
          </Badge>
        )}
      </Group>
      {props.count === 0 ? (
        <Text c="dimmed" size="sm">
          {props.empty}
        </Text>
      ) : (
        <Stack gap={4}>{props.children}</Stack>
      )}
    </Paper>
  )
}

function Loading() {
  const { pick } = useI18n()
  return <Loader size="sm" aria-label={pick('正在载入', 'Loading')} />
}

function Row(props: { onClick: () => void; children: ReactNode }) {
  return (
    <UnstyledButton
      onClick={props.onClick}
      p={8}
      data-testid="today-row"
      style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-2)' }}
    >
      {props.children}
    </UnstyledButton>
  )
}

function ChangeLine(props: { change: TodayChange }) {
  const { pick, language } = useI18n()
  const c = props.change
  if (c.kind === 'unblocked') {
    const marks = c.ended.map((e) => e.subject).join(language === 'en' ? ', ' : '、')
    return (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          <b>{c.packet.accountName}</b>
          {pick(
            `：商标“${marks}”受理满三个月的等待期（R6）今天结束`,
            `: the three-month wait after filing (R6) for “${marks}” ended today`,
          )}
        </Text>
        <Badge color={c.readyNow ? 'green' : 'yellow'} variant="light">
          {c.readyNow
            ? pick('现在可以提交', 'Ready to submit')
            : pick('仍有缺项', 'Still incomplete')}
        </Badge>
      </Group>
    )
  }
  if (c.kind === 'letter_signed') {
    return (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {pick(
            `${requirementLabel(c.requirement)}签字扫描件今天已导入：${c.name}`,
            `Signed scan of the ${requirementLabel(c.requirement, 'en').toLowerCase()} arrived today: ${c.name}`,
          )}
          {c.packet && (
            <Text span c="dimmed" size="sm">
              {pick(`（${c.packet.accountName}）`, ` (${c.packet.accountName})`)}
            </Text>
          )}
        </Text>
        <Badge color="green" variant="light">
          {pick('已签字', 'Signed')}
        </Badge>
      </Group>
    )
  }
  const item = c.item
  const name = withNumber(item.name, item.regNo, language)
  const what =
    item.kind === 'trademark'
      ? pick('商标', 'Trademark')
      : requirementLabel(item.requirement ?? '', language)
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm">
        {pick(`${what}“${name}”今天起已过期`, `${what} “${name}” expired today`)}
        {item.packets.length > 0 && (
          <Text span c="dimmed" size="sm">
            {pick(
              `（影响：${item.packets.map((p) => p.accountName).join('、')}）`,
              ` (affects ${item.packets.map((p) => p.accountName).join(', ')})`,
            )}
          </Text>
        )}
      </Text>
      <Badge color="red" variant="light">
        {pick('已过期', 'Expired')}
      </Badge>
    </Group>
  )
}
