import { useCallback, useMemo, useState } from 'react'
import type { Packet, PacketListItem } from '../../../shared/library/schemas'
import {
  PACKET_STATE_KINDS,
  PACKET_STATE_LABELS,
  packetStateLabel,
  type PacketState,
  type PacketStateKind,
} from '../../../shared/rules/packet-state'
import { requirementLabel } from '../../../shared/rules/labels'
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { localMinute } from '../ui/time'
import { BatchLetters } from './BatchLetters'
import { usePacketFromHash } from './openPacket'
import { openingStep, PacketWizard } from './PacketWizard'
import { PacketsEmptyState } from './PacketsEmptyState'

const SORT_KEYS = ['changed', 'account', 'applicant', 'state'] as const
type SortKey = (typeof SORT_KEYS)[number]

/** The work queue's order by state: what needs the clerk first, what is done last. */
const QUEUE_ORDER: PacketStateKind[] = [
  'rejected',
  'ready',
  'email',
  'incomplete',
  'awaiting_signature',
  'blocked',
  'exported',
  'submitted',
  'approved',
]

/** What an archive, duplicate or delete asks about. */
type Pending =
  | { kind: 'duplicate'; packet: PacketListItem; name: string }
  | { kind: 'delete'; packet: PacketListItem }

/** What keeps the packet from being ready, in short (two items, then how many more). */
function missingText(
  state: PacketState,
  language: 'zh-CN' | 'en',
  pick: (zh: string, en: string) => string,
): string {
  const items = state.missing.map((id) => requirementLabel(id, language))
  if (state.formProblems.length > 0) {
    items.push(
      pick(
        `表单 ${state.formProblems.length} 项未填`,
        `form: ${state.formProblems.length} to fill`,
      ),
    )
  }
  if (items.length === 0) return ''
  const shown = items.slice(0, 2).join(pick('、', ', '))
  const more = items.length - 2
  return more > 0
    ? pick(`缺：${shown} 等 ${items.length} 项`, `Missing: ${shown} +${more}`)
    : pick(`缺：${shown}`, `Missing: ${shown}`)
}

export function PacketsPage() {
  const api = useApi()
  const { t, pick, language } = useI18n()
  /** The wizard's packet (null inside: a new one) and the step it opens at. */
  const [open, setOpen] = useState<{ packet: Packet | null; step: number } | null>(null)
  const [version, setVersion] = useState(0)
  const [selected, setSelected] = useState<string[]>([])
  const [stateFilter, setStateFilter] = useState<PacketStateKind | null>(null)
  const [sort, setSort] = useState<SortKey>('changed')
  const [showArchived, setShowArchived] = useState(false)
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const packets = useLoad(() => api['packets.list']({}), [api, version])
  // A search hit opens its packet (`#/packets/<id>`), where a finished packet opens: at 检查.
  const openFound = useCallback(
    (p: PacketListItem) => setOpen({ packet: p, step: openingStep(p) }),
    [],
  )
  usePacketFromHash(packets.data, openFound)

  const rows = useMemo(() => {
    const all = packets.data ?? []
    const shown = all.filter(
      (p) => (showArchived || !p.archived) && (!stateFilter || p.state.kind === stateFilter),
    )
    const byText = (a: string, b: string) => a.localeCompare(b, 'zh-CN')
    const compare: Record<SortKey, (a: PacketListItem, b: PacketListItem) => number> = {
      changed: (a, b) => byText(b.changedAt, a.changedAt),
      account: (a, b) => byText(a.accountName, b.accountName),
      applicant: (a, b) => byText(a.applicantName, b.applicantName),
      state: (a, b) => QUEUE_ORDER.indexOf(a.state.kind) - QUEUE_ORDER.indexOf(b.state.kind),
    }
    return [...shown].sort(
      (a, b) => compare[sort](a, b) || byText(b.changedAt, a.changedAt) || byText(a.id, b.id),
    )
  }, [packets.data, showArchived, stateFilter, sort])

  const reload = () => setVersion((v) => v + 1)
  const closePending = () => {
    setPending(null)
    setError(null)
  }

  /** One call at a time: every action is disabled while it runs (issue 13 item 4). */
  const run = async (action: () => Promise<string>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      setNotice(await action())
      setPending(null)
      reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  if (open) {
    return (
      <PacketWizard
        packet={open.packet}
        initialStep={open.step}
        onClose={() => {
          setOpen(null)
          reload()
        }}
      />
    )
  }
  const archivedCount = (packets.data ?? []).filter((p) => p.archived).length
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('packets.title')}</Title>
        <Button onClick={() => setOpen({ packet: null, step: 0 })}>
          {pick('新建资质包', 'New packet')}
        </Button>
      </Group>
      {packets.data?.length === 0 && (
        <PacketsEmptyState onNewPacket={() => setOpen({ packet: null, step: 0 })} />
      )}
      {(packets.data?.length ?? 0) > 0 && (
        <Group gap="md" align="end" data-testid="packets-toolbar">
          <Select
            label={pick('状态', 'State')}
            placeholder={pick('全部状态', 'All states')}
            clearable
            w={200}
            data-testid="packets-filter"
            value={stateFilter}
            onChange={(value) =>
              setStateFilter(PACKET_STATE_KINDS.find((k) => k === value) ?? null)
            }
            data={PACKET_STATE_KINDS.map((kind) => ({
              value: kind,
              label: pick(PACKET_STATE_LABELS[kind].zh, PACKET_STATE_LABELS[kind].en),
            }))}
          />
          <Select
            label={pick('排序', 'Sort by')}
            w={180}
            allowDeselect={false}
            data-testid="packets-sort"
            value={sort}
            onChange={(value) => setSort(SORT_KEYS.find((k) => k === value) ?? 'changed')}
            data={[
              { value: 'changed', label: pick('更新时间', 'Updated') },
              { value: 'account', label: pick('账号名字', 'Account name') },
              { value: 'applicant', label: pick('申请主体', 'Applicant') },
              { value: 'state', label: pick('状态', 'State') },
            ]}
          />
          <Checkbox
            mb={8}
            label={pick(`显示已归档（${archivedCount}）`, `Show archived (${archivedCount})`)}
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
        </Group>
      )}
      {error && (
        <Alert color="red" data-testid="packets-error">
          {error}
        </Alert>
      )}
      {notice && (
        <Alert
          color="green"
          data-testid="packets-notice"
          withCloseButton
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      {(packets.data?.length ?? 0) > 0 && rows.length === 0 && (
        <Text c="dimmed" data-testid="packets-none">
          {pick('没有符合条件的资质包。', 'No packet matches.')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table highlightOnHover data-testid="packets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{pick('账号名字', 'Account name')}</Table.Th>
              <Table.Th>{pick('申请主体', 'Applicant')}</Table.Th>
              <Table.Th>{pick('状态', 'State')}</Table.Th>
              <Table.Th>{pick('更新时间', 'Updated')}</Table.Th>
              <Table.Th w={48} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => {
              const label = PACKET_STATE_LABELS[p.state.kind]
              const missing = missingText(p.state, language, pick)
              return (
                <Table.Tr
                  key={p.id}
                  data-testid="packet-row"
                  data-state={p.state.kind}
                  onClick={() => setOpen({ packet: p, step: openingStep(p) })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Checkbox
                      aria-label={p.accountName}
                      checked={selected.includes(p.id)}
                      onChange={(e) =>
                        setSelected(
                          e.currentTarget.checked
                            ? [...selected, p.id]
                            : selected.filter((id) => id !== p.id),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td fw={600}>
                    <Group gap={6}>
                      <span data-testid="packet-name">{p.accountName}</span>
                      {p.archived && (
                        <Badge variant="outline" color="gray" size="sm">
                          {pick('已归档', 'Archived')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.applicantName}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge
                        variant="light"
                        color={label.color}
                        data-testid="packet-state"
                        style={{ textTransform: 'none' }}
                      >
                        {packetStateLabel(p.state, language)}
                      </Badge>
                      {missing && p.state.kind !== 'approved' && (
                        <Text size="xs" c="dimmed" data-testid="packet-missing">
                          {missing}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td data-testid="packet-changed" data-at={p.changedAt}>
                    {localMinute(p.changedAt)}
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={pick(
                            `${p.accountName} 的操作`,
                            `Actions for ${p.accountName}`,
                          )}
                          data-testid="packet-actions"
                          disabled={busy}
                        >
                          ⋯
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          onClick={() =>
                            setPending({
                              kind: 'duplicate',
                              packet: p,
                              name: '',
                            })
                          }
                        >
                          {pick('复制为新账号…', 'Duplicate for a new account…')}
                        </Menu.Item>
                        <Menu.Item
                          onClick={() =>
                            void run(async () => {
                              await api['packets.archive']({ id: p.id, archived: !p.archived })
                              return p.archived
                                ? pick(
                                    `已取消归档“${p.accountName}”。`,
                                    `“${p.accountName}” unarchived.`,
                                  )
                                : pick(
                                    `已归档“${p.accountName}”：勾选“显示已归档”可再看到它。`,
                                    `“${p.accountName}” archived: tick “Show archived” to see it.`,
                                  )
                            })
                          }
                        >
                          {p.archived ? pick('取消归档', 'Unarchive') : pick('归档', 'Archive')}
                        </Menu.Item>
                        <Menu.Divider />
                        <Menu.Item
                          color="red"
                          onClick={() => setPending({ kind: 'delete', packet: p })}
                        >
                          {pick('移到回收站…', 'Move to the recycle bin…')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {(packets.data?.length ?? 0) > 0 && (
        <BatchLetters
          packetIds={selected}
          names={new Map((packets.data ?? []).map((p) => [p.id, p.accountName]))}
          onDone={reload}
        />
      )}
      {packets.error && <Text c="red">{packets.error}</Text>}
      <Modal
        opened={pending?.kind === 'duplicate'}
        onClose={closePending}
        title={pick('复制为新账号', 'Duplicate for a new account')}
      >
        {pending?.kind === 'duplicate' && (
          <form
            onSubmit={(e) => {
              e.preventDefault()
              const { packet, name } = pending
              void run(async () => {
                const copy = await api['packets.duplicate']({ id: packet.id, accountName: name })
                return pick(
                  `已复制为“${copy.accountName}”（提交与导出记录不复制）。`,
                  `Duplicated as “${copy.accountName}” (submissions and exports are not copied).`,
                )
              })
            }}
          >
            <Stack>
              <Text size="sm">
                {pick(
                  `同一申请主体的新账号：复制“${pending.packet.accountName}”的全部内容（申请主体、行业、商标、头像等），不复制提交与导出记录。`,
                  `A new account for the same applicant: everything of “${pending.packet.accountName}” (applicant, industries, trademarks, avatar …) is copied, not its submissions and exports.`,
                )}
              </Text>
              <TextInput
                label={pick('新账号名字', 'New account name')}
                data-autofocus
                data-testid="duplicate-name"
                value={pending.name}
                onChange={(e) => setPending({ ...pending, name: e.currentTarget.value })}
              />
              {error && <Alert color="red">{error}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={closePending}>
                  {pick('取消', 'Cancel')}
                </Button>
                <Button type="submit" loading={busy} disabled={!pending.name.trim()}>
                  {pick('复制', 'Duplicate')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
      <Modal
        opened={pending?.kind === 'delete'}
        onClose={closePending}
        title={pick('移到回收站？', 'Move to the recycle bin?')}
      >
        {pending?.kind === 'delete' && (
          <Stack>
            <Text size="sm">
              {pick(
                `资质包“${pending.packet.accountName}”将移到回收站，可在 资料库 → 回收站 恢复。`,
                `The packet “${pending.packet.accountName}” goes to the recycle bin; restore it from Library → Recycle bin.`,
              )}
            </Text>
            {error && <Alert color="red">{error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={closePending}>
                {pick('取消', 'Cancel')}
              </Button>
              <Button
                color="red"
                loading={busy}
                data-testid="confirm-delete-packet"
                onClick={() => {
                  const { packet } = pending
                  void run(async () => {
                    await api['library.delete']({ kind: 'packet', id: packet.id })
                    setSelected((ids) => ids.filter((id) => id !== packet.id))
                    return pick(
                      `已将“${packet.accountName}”移到回收站。`,
                      `“${packet.accountName}” moved to the recycle bin.`,
                    )
                  })
                }}
              >
                {pick('移到回收站', 'Move to the recycle bin')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
