import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core'
import {
  CONFIDENCE_SHORT,
  CONFIDENCE_LABELS,
  type IndustryEntry,
} from '../../../shared/industries/catalog'
import { pickLabel } from '../../../shared/i18n/labels'
import { useApi } from '../api/ApiContext'
import { FormModal } from '../library/FormModal'
import { RemoveIndustryConfirm } from './RemoveIndustryConfirm'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

const CONFIDENCE_COLORS: Record<IndustryEntry['confidence'], string> = {
  'platform-stated': 'green',
  'other-platform': 'blue',
  'law-practice': 'orange',
  user: 'grape',
}

/** Documents as text: one per line, a leading * marks a required one. */
function documentsToText(entry: IndustryEntry | null): string {
  return (entry?.documents ?? []).map((d) => `${d.required ? '*' : ''}${d.name}`).join('\n')
}

function textToDocuments(text: string): IndustryEntry['documents'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ name: line.replace(/^\*\s*/, ''), required: line.startsWith('*') }))
}

function EntryForm(props: { entry: IndustryEntry | null; onClose: (saved: boolean) => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const e = props.entry
  const [primary, setPrimary] = useState(e?.primary ?? '')
  const [secondary, setSecondary] = useState(e?.secondary ?? '')
  const [documents, setDocuments] = useState(documentsToText(e))
  const [keywords, setKeywords] = useState((e?.scopeKeywords ?? []).join('、'))
  const [restriction, setRestriction] = useState(e?.restriction ?? '')
  const save = async () => {
    await api['industries.save']({
      primary: primary.trim(),
      secondary: secondary.trim(),
      documents: textToDocuments(documents),
      scopeKeywords: keywords
        .split(/[、,，;；\n]+/)
        .map((k) => k.trim())
        .filter(Boolean),
      confidence: 'user',
      ...(restriction.trim() ? { restriction: restriction.trim() } : {}),
    })
    props.onClose(true)
  }
  return (
    <FormModal
      opened={true}
      onCancel={() => props.onClose(false)}
      onSave={save}
      title={e ? pick('编辑行业', 'Edit industry') : pick('新增行业', 'Add industry')}
    >
      <Group grow>
        <TextInput
          label={pick('一级行业', 'Primary')}
          value={primary}
          onChange={(ev) => setPrimary(ev.currentTarget.value)}
          disabled={e !== null}
          required
        />
        <TextInput
          label={pick('二级行业', 'Secondary')}
          value={secondary}
          onChange={(ev) => setSecondary(ev.currentTarget.value)}
          disabled={e !== null}
          required
        />
      </Group>
      <Textarea
        label={pick('所需资质文件', 'Required documents')}
        description={pick(
          '每行一个；必需的文件在行首加 *',
          'One per line; start required ones with *',
        )}
        autosize
        minRows={4}
        value={documents}
        onChange={(ev) => setDocuments(ev.currentTarget.value)}
      />
      <Textarea
        label={pick('经营范围关键词（R3 检查用，用顿号分隔）', 'Business-scope keywords (R3)')}
        autosize
        value={keywords}
        onChange={(ev) => setKeywords(ev.currentTarget.value)}
      />
      <TextInput
        label={pick('限制说明', 'Restriction')}
        value={restriction}
        onChange={(ev) => setRestriction(ev.currentTarget.value)}
      />
    </FormModal>
  )
}

/** The industry catalog in 设置: the starter entries with their confidence, and the user's own. */
export function IndustryEditor() {
  const api = useApi()
  const { pick, language } = useI18n()
  const [version, setVersion] = useState(0)
  const [filter, setFilter] = useState('')
  const [editing, setEditing] = useState<IndustryEntry | null | 'new'>(null)
  const catalog = useLoad(() => api['industries.catalog']({}), [api, version])
  const edits = useLoad(() => api['industries.userEdits']({}), [api, version])
  const edited = (e: IndustryEntry) =>
    edits.data?.some((x) => x.primary === e.primary && x.secondary === e.secondary) ?? false
  const entries = (catalog.data?.industries ?? []).filter(
    (e) => !filter || `${e.primary}${e.secondary}`.includes(filter),
  )
  const hiddenEntries = (edits.data ?? []).filter((x) => x.hidden)
  /** The user added this entry (no starter entry behind it): removing it deletes it. */
  const isOwn = (e: IndustryEntry) =>
    edits.data?.some((x) => x.primary === e.primary && x.secondary === e.secondary && !x.starter) ??
    false
  const [removing, setRemoving] = useState<IndustryEntry | null>(null)
  const refresh = () => setVersion((v) => v + 1)
  const [error, setError] = useState<string | null>(null)

  return (
    <Stack>
      <Alert color="yellow">
        {pick(
          '起步行业目录根据公开资料整理，并非小红书官方目录；每个条目标注了可信度。您的修改单独保存，程序升级后仍然保留。',
          'The starter catalog is compiled from public sources, not Xiaohongshu’s official list; each entry shows its confidence. Your edits are kept separately and survive updates.',
        )}
      </Alert>
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <TextInput
          placeholder={pick('筛选行业', 'Filter industries')}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={260}
        />
        <Button onClick={() => setEditing('new')}>{pick('新增行业', 'Add industry')}</Button>
      </Group>
      <Table data-testid="industry-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{pick('一级 / 二级行业', 'Industry')}</Table.Th>
            <Table.Th>{pick('必需文件', 'Required')}</Table.Th>
            <Table.Th>{pick('可信度', 'Confidence')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={`${e.primary}/${e.secondary}`}>
              <Table.Td>
                {e.primary} / {e.secondary}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {e.documents
                    .filter((d) => d.required)
                    .map((d) => d.name)
                    .join('；') || '—'}
                </Text>
              </Table.Td>
              <Table.Td miw={150}>
                <Tooltip label={pickLabel(CONFIDENCE_LABELS[e.confidence], language)}>
                  <Badge variant="light" color={CONFIDENCE_COLORS[e.confidence]}>
                    {pickLabel(CONFIDENCE_SHORT[e.confidence], language)}
                  </Badge>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="xs" variant="subtle" onClick={() => setEditing(e)}>
                    {pick('编辑', 'Edit')}
                  </Button>
                  {edited(e) ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color={isOwn(e) ? 'red' : undefined}
                      onClick={() => setRemoving(e)}
                    >
                      {isOwn(e) ? pick('删除', 'Delete') : pick('恢复原版', 'Restore')}
                    </Button>
                  ) : (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="gray"
                      onClick={() =>
                        void api['industries.remove']({
                          primary: e.primary,
                          secondary: e.secondary,
                          hide: true,
                        }).then(refresh, (e: unknown) => setError(messageOf(e)))
                      }
                    >
                      {pick('隐藏', 'Hide')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {hiddenEntries.length > 0 && (
        <Text size="sm" c="dimmed">
          {pick('已隐藏：', 'Hidden: ')}
          {hiddenEntries.map((h) => (
            <Button
              key={`${h.primary}/${h.secondary}`}
              size="compact-xs"
              variant="subtle"
              onClick={() =>
                void api['industries.remove']({
                  primary: h.primary,
                  secondary: h.secondary,
                  hide: false,
                }).then(refresh, (e: unknown) => setError(messageOf(e)))
              }
            >
              {h.primary}/{h.secondary} ↺
            </Button>
          ))}
        </Text>
      )}
      <RemoveIndustryConfirm
        entry={removing}
        own={removing !== null && isOwn(removing)}
        onClose={(removed) => {
          setRemoving(null)
          if (removed) refresh()
        }}
      />
      {editing !== null && (
        <EntryForm
          entry={editing === 'new' ? null : editing}
          onClose={(saved) => {
            setEditing(null)
            if (saved) refresh()
          }}
        />
      )}
    </Stack>
  )
}
