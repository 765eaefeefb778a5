import { useState } from 'react'
import { Anchor, Group, Text, Tooltip } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useI18n } from '../i18n/I18nProvider'
import { messageOf } from '../hooks/useLoad'

/** An ID number shown masked; a click reveals it (the backend audits every reveal). */
export function MaskedNumber(props: {
  personId: string
  masked: string | null
  valid: boolean | null
}) {
  const api = useApi()
  const { pick } = useI18n()
  const [full, setFull] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (!props.masked) return <Text c="dimmed">{pick('未登记', 'none')}</Text>
  return (
    <Group gap={6} wrap="nowrap">
      <Text ff="monospace" c={props.valid === false ? 'red' : undefined}>
        {full ?? props.masked}
      </Text>
      {full ? (
        <Anchor size="xs" onClick={() => setFull(null)}>
          {pick('隐藏', 'hide')}
        </Anchor>
      ) : (
        <Tooltip
          label={pick('显示完整号码（将记录在操作日志中）', 'Show the full number (audited)')}
        >
          <Anchor
            size="xs"
            onClick={(event) => {
              event.stopPropagation()
              api['persons.revealIdNumber']({ id: props.personId }).then(
                (r) => setFull(r.idNumber),
                (e: unknown) => setError(messageOf(e)),
              )
            }}
          >
            {pick('显示', 'reveal')}
          </Anchor>
        </Tooltip>
      )}
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Group>
  )
}
