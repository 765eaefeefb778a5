import { useState } from 'react'
import type { Packet } from '../../../shared/library/schemas'
import { Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { BatchLetters } from './BatchLetters'
import { PacketWizard } from './PacketWizard'
import { PacketsEmptyState } from './PacketsEmptyState'

export function PacketsPage() {
  const api = useApi()
  const { t, pick } = useI18n()
  /** The wizard's packet (null inside: a new one). */
  const [open, setOpen] = useState<{ packet: Packet | null } | null>(null)
  const [version, setVersion] = useState(0)
  const [selected, setSelected] = useState<string[]>([])
  const packets = useLoad(() => api['packets.list']({}), [api, version])

  if (open) {
    return (
      <PacketWizard
        packet={open.packet}
        onClose={() => {
          setOpen(null)
          setVersion((v) => v + 1)
        }}
      />
    )
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('packets.title')}</Title>
        <Button onClick={() => setOpen({ packet: null })}>
          {pick('新建资质包', 'New packet')}
        </Button>
      </Group>
      {packets.data?.length === 0 && (
        <PacketsEmptyState onNewPacket={() => setOpen({ packet: null })} />
      )}
      {(packets.data?.length ?? 0) > 0 && (
        <Table highlightOnHover data-testid="packets-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40} />
              <Table.Th>{pick('账号名字', 'Account name')}</Table.Th>
              <Table.Th>{pick('申请主体', 'Applicant')}</Table.Th>
              <Table.Th>{pick('状态', 'State')}</Table.Th>
              <Table.Th>{pick('更新时间', 'Updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(packets.data ?? []).map((p) => (
              <Table.Tr
                key={p.id}
                onClick={() => setOpen({ packet: p })}
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
                <Table.Td fw={600}>{p.accountName}</Table.Td>
                <Table.Td>{p.applicantName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={p.ready ? 'green' : 'orange'} data-testid="packet-state">
                      {p.ready ? pick('可提交', 'Ready') : pick('尚未齐全', 'Not ready')}
                    </Badge>
                    {p.route === 'email' && (
                      <Badge variant="light" color="orange">
                        {pick('邮件提交', 'By email')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{p.updatedAt.slice(0, 16).replace('T', ' ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(packets.data?.length ?? 0) > 0 && (
        <BatchLetters
          packetIds={selected}
          names={new Map((packets.data ?? []).map((p) => [p.id, p.accountName]))}
          onDone={() => setVersion((v) => v + 1)}
        />
      )}
      {packets.error && <Text c="red">{packets.error}</Text>}
    </Stack>
  )
}
