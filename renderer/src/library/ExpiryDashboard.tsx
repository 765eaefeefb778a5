import { Badge, Table, Text } from '@mantine/core'
import type { ExpiryItem, ExpiryState } from '../../../shared/library/schemas'
import { daysLeftText } from '../../../shared/overview/today'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

const STATE_STYLE: Record<ExpiryState, { color: string; en: string }> = {
  expired: { color: 'red', en: 'Expired' },
  grace: { color: 'orange', en: 'Expired (grace period: renew now)' },
  soon: { color: 'yellow', en: 'Due soon' },
  renewal_window: { color: 'blue', en: 'Renewal window open' },
  ok: { color: 'green', en: 'Valid' },
}

/** Everything with a valid-until that needs attention, most urgent first; a row opens its record. */
export function ExpiryDashboard(props: { version: number; onOpen: (item: ExpiryItem) => void }) {
  const api = useApi()
  const { pick, language } = useI18n()
  const items = useLoad(() => api['library.expiries']({}), [api, props.version])
  if (items.data?.length === 0) {
    return (
      <Text c="dimmed">
        {pick('90 天内没有到期的商标、授权或文件。', 'Nothing expires within 90 days.')}
      </Text>
    )
  }
  return (
    <Table data-testid="expiry-table" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{pick('项目', 'Item')}</Table.Th>
          <Table.Th>{pick('有效期至', 'Valid until')}</Table.Th>
          <Table.Th>{pick('剩余', 'Time left')}</Table.Th>
          <Table.Th>{pick('状态', 'State')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {(items.data ?? []).map((item) => (
          <Table.Tr
            key={`${item.kind}:${item.id}`}
            onClick={() => props.onOpen(item)}
            style={{ cursor: item.owner?.kind === 'packet' ? undefined : 'pointer' }}
          >
            <Table.Td>{pick(item.title, item.titleEn)}</Table.Td>
            <Table.Td>{item.validUntil}</Table.Td>
            <Table.Td c={item.daysLeft < 0 ? 'red' : undefined}>
              {daysLeftText(item.daysLeft, language)}
            </Table.Td>
            <Table.Td>
              <Badge color={STATE_STYLE[item.state].color}>
                {pick(item.message, STATE_STYLE[item.state].en)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
