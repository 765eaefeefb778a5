import { Badge, Card, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import type { SearchHit } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

const KIND_LABELS: Record<SearchHit['kind'], { zh: string; en: string }> = {
  company: { zh: '公司', en: 'Company' },
  person: { zh: '自然人', en: 'Person' },
  trademark: { zh: '商标', en: 'Trademark' },
  document: { zh: '文件', en: 'Document' },
}

export function SearchResults(props: {
  query: string
  onOpen: (kind: SearchHit['kind'], id: string) => void
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
            onClick={() => props.onOpen(hit.kind, hit.id)}
          >
            <Group gap="xs">
              <Badge variant="light" size="sm">
                {pick(KIND_LABELS[hit.kind].zh, KIND_LABELS[hit.kind].en)}
              </Badge>
              <Text>{hit.title}</Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  )
}
