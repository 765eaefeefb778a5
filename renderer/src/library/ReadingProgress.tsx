import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { Group, Loader, Text } from '@mantine/core'
import type { ReadingStatusView } from '../../../shared/reading/document-reading'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { usePolling } from '../hooks/usePolling'
import { useI18n } from '../i18n/I18nProvider'
import { onReadingQueued } from './readingActivity'

/** The page being read (1-based) of a file whose `done` pages are read. */
export function readingPage(done: number, pages: number): number {
  return Math.max(1, Math.min(done + 1, pages))
}

/** The window's reading queue (null until first asked). */
export const ReadingStatus = createContext<ReadingStatusView | null>(null)

/**
 * The reading queue for the whole window (issue 12), asked once however many progress lines
 * show it: reading.status after every change of the library (an import queues its scan) and
 * every 1.5 s while something is queued or being read — no polling when idle.
 */
export function ReadingStatusProvider(props: { children: ReactNode }) {
  const api = useApi()
  const [queuedHere, setQueuedHere] = useState(0)
  useEffect(() => onReadingQueued(() => setQueuedHere((n) => n + 1)), [])
  const status = useLoad(() => api['reading.status']({}), [api, queuedHere])
  const s = status.data
  usePolling(s !== null && s.enabled && (s.queued > 0 || s.current !== null), status.reload)
  return <ReadingStatus.Provider value={s}>{props.children}</ReadingStatus.Provider>
}

/**
 * A calm progress line while scans are read in the background: “正在识别扫描件… 第 1/2 页（还有
 * 3 个）”; nothing when idle. In the header, and in a documents panel whose files are being read
 * (a drawer covers the header's end).
 */
export function ReadingProgress() {
  const { pick } = useI18n()
  const s = useContext(ReadingStatus)
  if (!s?.enabled || (s.queued === 0 && s.current === null)) return null
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
