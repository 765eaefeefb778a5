import { useEffect, useState } from 'react'
import { Group, Loader, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { usePolling } from '../hooks/usePolling'
import { useI18n } from '../i18n/I18nProvider'
import { onReadingQueued } from './readingActivity'

/** The page being read (1-based) of a file whose `done` pages are read. */
export function readingPage(done: number, pages: number): number {
  return Math.max(1, Math.min(done + 1, pages))
}

/**
 * The app's progress line while scans are read in the background (issue 12): asks
 * reading.status after every change of the library (an import queues its scan) and every 1.5 s
 * while something is queued or being read; nothing on screen, and no polling, when idle.
 */
export function ReadingProgress() {
  const api = useApi()
  const { pick } = useI18n()
  const [queuedHere, setQueuedHere] = useState(0)
  useEffect(() => onReadingQueued(() => setQueuedHere((n) => n + 1)), [])
  const status = useLoad(() => api['reading.status']({}), [api, queuedHere])
  const s = status.data
  const busy = s !== null && s.enabled && (s.queued > 0 || s.current !== null)
  usePolling(busy, status.reload)
  if (!s || !busy) return null
  const { current, queued } = s
  const page =
    current && current.pages > 1
      ? pick(
          ` 第 ${readingPage(current.page, current.pages)}/${current.pages} 页`,
          ` page ${readingPage(current.page, current.pages)}/${current.pages}`,
        )
      : ''
  const waiting = queued > 0 ? pick(`（还有 ${queued} 个）`, ` (${queued} more waiting)`) : ''
  return (
    <Group gap={6} wrap="nowrap" data-testid="reading-progress" aria-live="polite">
      <Loader size={14} type="dots" />
      <Text size="sm" c="dimmed">
        {pick('正在识别扫描件…', 'Reading scans…')}
        {page}
        {waiting}
      </Text>
    </Group>
  )
}
