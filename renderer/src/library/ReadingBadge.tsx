import { Badge, Tooltip } from '@mantine/core'
import type { LibraryDocument } from '../../../shared/library/schemas'
import { acceptsKind, isKnownKind } from '../../../shared/rules/scan-reads'
import { SCAN_KIND_LABELS } from '../../../shared/rules/scan-kinds'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/** 未能识别, with why in its tooltip (asked only for the failed document). */
function FailedBadge(props: { documentId: string }) {
  const api = useApi()
  const { pick } = useI18n()
  const reading = useLoad(
    () => api['reading.document']({ id: props.documentId }),
    [api, props.documentId],
  )
  return (
    <Tooltip
      label={reading.data?.reason ?? pick('未能识别', 'Could not be read')}
      multiline
      w={280}
    >
      <Badge size="xs" variant="light" color="orange" tt="none" data-testid="reading-badge">
        {pick('未能识别', 'Not read')}
      </Badge>
    </Tooltip>
  )
}

/**
 * A document card's reading (issue 12): 识别中… / 已识别：营业执照 / 未能识别; nothing where scans
 * are not read. A paper of a kind its purpose does not accept is shown in orange (R18).
 */
export function ReadingBadge(props: { document: LibraryDocument }) {
  const { pick } = useI18n()
  const reading = props.document.reading
  if (!reading) return null
  switch (reading.state) {
    case 'off':
    case 'none':
      return null
    case 'queued':
    case 'reading':
      return (
        <Badge size="xs" variant="light" color="blue" tt="none" data-testid="reading-badge">
          {pick('识别中…', 'Reading…')}
        </Badge>
      )
    case 'failed':
      return <FailedBadge documentId={props.document.id} />
    case 'done': {
      const kind = reading.kind
      if (!kind || !isKnownKind(kind)) {
        return (
          <Badge size="xs" variant="light" color="gray" tt="none" data-testid="reading-badge">
            {pick('已识别：类型不明', 'Read: kind unknown')}
          </Badge>
        )
      }
      const label = SCAN_KIND_LABELS[kind]
      const fits = acceptsKind(props.document.requirement, kind)
      const text = pick(`已识别：${label.zh}`, `Read: ${label.en}`)
      const badge = (
        <Badge
          size="xs"
          variant="light"
          color={fits ? 'teal' : 'orange'}
          tt="none"
          maw="100%"
          title={text}
          data-testid="reading-badge"
        >
          {text}
        </Badge>
      )
      return fits ? (
        badge
      ) : (
        <Tooltip
          label={pick(
            '扫描件看起来不是这里要求的材料，请核对文件用途或换成正确的文件（R18）',
            'The scan does not look like the paper this purpose asks for (R18)',
          )}
          multiline
          w={280}
        >
          {badge}
        </Tooltip>
      )
    }
  }
}
