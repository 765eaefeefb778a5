import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import type { SearchHit } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

const KIND_LABELS: Record<SearchHit['kind'], { zh: string; en: string }> = {
  company: { zh: '公司', en: 'Company' },
  person: { zh: '自然人', en: 'Person' },
  trademark: { zh: '商标', en: 'Trademark' },
  // A match inside a read scan, or a document of the type searched for (营业执照).
  document: { zh: '扫描件', en: 'Scan' },
  packet: { zh: '资质包', en: 'Packet' },
  relation: { zh: '关系', en: 'Relation' },
  letter: { zh: '授权书', en: 'Letter' },
}

export function SearchResults(props: {
  query: string
  onOpen: (hit: SearchHit) => void
  /** The name of the record a document hit is on (its scan is what matched). */
  ownerName?: (owner: NonNullable<SearchHit['owner']>) => string | null
}) {
  const api = useApi()
  const { pick } = useI18n()
  const hits = useLoad(() => api['library.search']({ query: props.query }), [api, props.query])
  return (
    <Card withBorder data-testid="search-results">
      <Stack gap={4}>
        {hits.data?.length === 0 && (
          <Text c="dimmed">{pick('没有找到匹配的记录', 'No matches')}</Text>
        )}
        {(hits.data ?? []).map((hit) => (
          <UnstyledButton
            key={`${hit.kind}:${hit.id}`}
            onClick={() => props.onOpen(hit)}
            data-testid="search-hit"
          >
            <Group gap="xs">
              <Badge variant="light" size="sm">
                {pick(KIND_LABELS[hit.kind].zh, KIND_LABELS[hit.kind].en)}
              </Badge>
              <Text>{hit.title}</Text>
              {hit.detail && (
                <Text c="dimmed" size="sm" ff="monospace" data-testid="search-hit-detail">
                  {hit.detail}
                </Text>
              )}
              {hit.owner && props.ownerName?.(hit.owner) && (
                <Text c="dimmed" size="sm">
                  {pick(
                    `在 ${props.ownerName(hit.owner)} 的文件中`,
                    `on ${props.ownerName(hit.owner)}`,
                  )}
                </Text>
              )}
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  )
}
