import { useState } from 'react'
import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core'
import type { DeletedItem } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { Modal } from '../ui/layers'
import { localMinute } from '../ui/time'

/** What each row is (a packet shows only its account name otherwise). */
const KIND_LABELS: Record<DeletedItem['kind'], { zh: string; en: string }> = {
  company: { zh: '公司', en: 'Company' },
  person: { zh: '自然人', en: 'Person' },
  trademark: { zh: '商标', en: 'Trademark' },
  relation: { zh: '授权与关系', en: 'Relation' },
  document: { zh: '文件', en: 'File' },
  packet: { zh: '资质包', en: 'Packet' },
}

/** What the confirmation asks about: one row, or the whole bin. */
type Purge = { kind: 'one'; item: DeletedItem } | { kind: 'all' }

export function RecycleBin(props: { version: number; onRestored: () => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const items = useLoad(() => api['recycle.list']({}), [api, props.version])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [confirm, setConfirm] = useState<Purge | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (action: () => Promise<string | null>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      setNotice(await action())
      items.reload()
      props.onRestored()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const purge = (target: Purge) =>
    run(async () => {
      setConfirm(null)
      if (target.kind === 'one') {
        await api['recycle.purge']({ kind: target.item.kind, id: target.item.id })
        return pick('已彻底删除。', 'Erased for good.')
      }
      const { purged, kept } = await api['recycle.empty']({})
      return kept > 0
        ? pick(
            `已彻底删除 ${purged} 项；${kept} 项仍被其他记录引用，保留在回收站。`,
            `${purged} erased; ${kept} still referenced by other records were kept.`,
          )
        : pick(`已彻底删除 ${purged} 项。`, `${purged} erased.`)
    })

  if (items.data?.length === 0 && !notice)
    return <Text c="dimmed">{pick('回收站是空的。', 'The recycle bin is empty.')}</Text>
  return (
    <Stack>
      {(error ?? items.error) && <Alert color="red">{error ?? items.error}</Alert>}
      {notice && (
        <Alert color="green" data-testid="recycle-notice">
          {notice}
        </Alert>
      )}
      {(items.data?.length ?? 0) > 0 && (
        <Group justify="flex-end">
          <Button
            color="red"
            variant="light"
            disabled={busy}
            onClick={() => setConfirm({ kind: 'all' })}
          >
            {pick('清空回收站', 'Empty the recycle bin')}
          </Button>
        </Group>
      )}
      <Table data-testid="recycle-table">
        <Table.Tbody>
          {(items.data ?? []).map((item) => (
            <Table.Tr key={`${item.kind}:${item.id}`}>
              <Table.Td>
                <Badge variant="light" color="gray" mr="xs">
                  {pick(KIND_LABELS[item.kind].zh, KIND_LABELS[item.kind].en)}
                </Badge>
                {item.title}
              </Table.Td>
              <Table.Td>{localMinute(item.deletedAt)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Button
                    size="xs"
                    variant="light"
                    disabled={busy}
                    onClick={() =>
                      void run(async () => {
                        await api['recycle.restore']({ kind: item.kind, id: item.id })
                        return null
                      })
                    }
                  >
                    {pick('恢复', 'Restore')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={busy}
                    onClick={() => setConfirm({ kind: 'one', item })}
                  >
                    {pick('彻底删除', 'Erase')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal
        opened={confirm !== null}
        onClose={() => setConfirm(null)}
        title={pick('彻底删除，无法恢复', 'Erase for good: cannot be undone')}
      >
        <Stack>
          <Text size="sm">
            {confirm?.kind === 'one'
              ? pick(
                  `“${confirm.item.title}”及其文件（包括证件扫描件）将从本机彻底删除，无法恢复。`,
                  `“${confirm.item.title}” and its files (ID scans included) will be erased from this computer.`,
                )
              : pick(
                  '回收站中的所有记录及其文件（包括证件扫描件）将从本机彻底删除，无法恢复。',
                  'Everything in the recycle bin and its files (ID scans included) will be erased from this computer.',
                )}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {pick('取消', 'Cancel')}
            </Button>
            <Button
              color="red"
              loading={busy}
              onClick={() => confirm && void purge(confirm)}
              data-testid="confirm-purge"
            >
              {pick('彻底删除', 'Erase')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
