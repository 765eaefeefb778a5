import { useState } from 'react'
import { Alert, Badge, Button, Card, Group, List, Select, Stack, Text } from '@mantine/core'
import {
  CONFIDENCE_SHORT,
  CONFIDENCE_LABELS,
  findIndustry,
} from '../../../shared/industries/catalog'
import { pickLabel } from '../../../shared/i18n/labels'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import type { Draft } from './draft'

export function IndustryStep(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const api = useApi()
  const { pick, language } = useI18n()
  const catalog = useLoad(() => api['industries.catalog']({}), [api])
  const [primary, setPrimary] = useState<string | null>(null)
  const [secondary, setSecondary] = useState<string | null>(null)
  const entries = catalog.data?.industries ?? []
  const primaries = [...new Set(entries.map((e) => e.primary))]
  const secondaries = entries.filter((e) => e.primary === primary).map((e) => e.secondary)

  return (
    <Stack>
      {catalog.data?.starter && (
        <Alert color="yellow" title={pick('起步行业目录', 'Starter catalog')}>
          {pick(
            '行业目录根据公开资料整理，并非小红书官方目录；每个行业标注了资料可信度，使用前请在聚光“资质中心”核实。',
            'The catalog is compiled from public sources, not Xiaohongshu’s official list; each entry shows its confidence. Verify in Juguang before relying on it.',
          )}
        </Alert>
      )}
      <Group align="end">
        <Select
          label={pick('一级行业', 'Primary industry')}
          data={primaries}
          value={primary}
          onChange={(v) => {
            setPrimary(v)
            setSecondary(null)
          }}
          searchable
          w={240}
        />
        <Select
          label={pick('二级行业', 'Secondary industry')}
          data={secondaries}
          value={secondary}
          onChange={setSecondary}
          searchable
          w={320}
          disabled={!primary}
        />
        <Button
          disabled={!primary || !secondary}
          onClick={() => {
            if (!primary || !secondary) return
            if (
              props.draft.industries.some((i) => i.primary === primary && i.secondary === secondary)
            )
              return
            props.onChange({
              ...props.draft,
              industries: [...props.draft.industries, { primary, secondary }],
            })
          }}
        >
          {pick('添加行业', 'Add industry')}
        </Button>
      </Group>
      {props.draft.industries.length === 0 && (
        <Text c="dimmed">
          {pick('请至少选择一个行业（R3）。', 'Choose at least one industry (R3).')}
        </Text>
      )}
      {props.draft.industries.map((pair) => {
        const entry = catalog.data
          ? findIndustry(catalog.data, pair.primary, pair.secondary)
          : undefined
        return (
          <Card key={`${pair.primary}/${pair.secondary}`} withBorder>
            <Group justify="space-between">
              <Text fw={600}>
                {pair.primary} / {pair.secondary}
              </Text>
              <Group gap="xs">
                {entry && (
                  <Badge
                    title={pickLabel(CONFIDENCE_LABELS[entry.confidence], language)}
                    variant="light"
                    color={
                      entry.confidence === 'platform-stated'
                        ? 'green'
                        : entry.confidence === 'other-platform'
                          ? 'blue'
                          : 'orange'
                    }
                  >
                    {pickLabel(CONFIDENCE_SHORT[entry.confidence], language)}
                  </Badge>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    props.onChange({
                      ...props.draft,
                      industries: props.draft.industries.filter((i) => i !== pair),
                    })
                  }
                >
                  {pick('移除', 'Remove')}
                </Button>
              </Group>
            </Group>
            {entry && (
              <List size="sm" mt="xs">
                {entry.documents.map((d) => (
                  <List.Item key={d.name}>
                    {d.name}{' '}
                    {d.required ? (
                      <Badge size="xs">{pick('必需', 'required')}</Badge>
                    ) : (
                      <Badge size="xs" variant="outline">
                        {pick('视情况', 'if applicable')}
                      </Badge>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
            {entry?.restriction && (
              <Text size="sm" c="orange" mt="xs">
                {entry.restriction}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt="xs">
              {pick(
                '须上传原件彩色扫描件；在“检查”一步可直接导入。',
                'Colour scans of the originals are required; import them from the Check step.',
              )}
            </Text>
          </Card>
        )
      })}
    </Stack>
  )
}
