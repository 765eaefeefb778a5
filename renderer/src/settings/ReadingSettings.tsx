import { useContext, useState } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { ReadingProgress, ReadingStatus } from '../library/ReadingProgress'
import { readingQueued } from '../library/readingActivity'

/**
 * 设置 → 扫描件识别 (issue 12): read every stored scan not read yet (a library imported before
 * reading existed), or stop reading. Reading itself runs in the background, off this page.
 */
export function ReadingSettings() {
  const api = useApi()
  const { pick } = useI18n()
  const status = useContext(ReadingStatus)
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const working = status !== null && (status.queued > 0 || status.current !== null)

  const run = async (action: 'reading.startAll' | 'reading.cancel') => {
    if (busy) return
    setBusy(true)
    setError(null)
    setNote(null)
    try {
      const after = await api[action]({})
      readingQueued()
      const total = after.queued + (after.current ? 1 : 0)
      setNote(
        action === 'reading.cancel'
          ? pick('已停止识别。', 'Reading stopped.')
          : total > 0
            ? pick(`已排队识别 ${total} 个文件。`, `${total} files queued for reading.`)
            : pick('所有扫描件都已识别。', 'Every scan has been read.'),
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  if (status && !status.enabled) {
    return (
      <Text size="sm" c="dimmed">
        {pick(
          '此窗口未开启扫描件识别（PACKETDESK_READ_SCANS=0）。',
          'Scan reading is off here (PACKETDESK_READ_SCANS=0).',
        )}
      </Text>
    )
  }
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {pick(
          '导入后会在后台离线识别扫描件（文件类型、号码、名称、日期），用于核对记录和预审。之前导入的文件可以在这里一并识别。',
          'Scans are read offline in the background after import (kind, numbers, names, dates) to check them against the records. Files imported earlier can be read from here.',
        )}
      </Text>
      <ReadingProgress />
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          loading={busy}
          disabled={busy}
          onClick={() => void run('reading.startAll')}
        >
          {pick('识别全部未识别的扫描件', 'Read every scan not read yet')}
        </Button>
        {working && (
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            disabled={busy}
            onClick={() => void run('reading.cancel')}
          >
            {pick('停止识别', 'Stop reading')}
          </Button>
        )}
      </Group>
      {note && (
        <Text size="sm" data-testid="reading-settings-note">
          {note}
        </Text>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  )
}
