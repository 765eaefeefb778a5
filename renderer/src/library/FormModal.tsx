import { useState, type ReactNode } from 'react'
import { Alert, Button, Group, Stack } from '@mantine/core'
import { messageOf } from '../hooks/useLoad'
import type { StaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { StaleAlert } from './StaleAlert'
import { Modal } from '../ui/layers'

/**
 * The frame every edit form shares: a modal with the fields, the backend's
 * refusal shown in place (in Chinese, field named) until the clerk types again, and 取消 / 保存. A form editing a
 * record passes its StaleGuard: a save refused as stale is shown with 重新加载.
 */
export function FormModal(props: {
  opened: boolean
  title: string
  onCancel: () => void
  /** Saves; a rejection is shown in the form and the form stays open. */
  onSave: () => Promise<void>
  saveDisabled?: boolean
  stale?: StaleGuard
  children: ReactNode
}) {
  const { pick } = useI18n()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setError(null)
    setBusy(true)
    try {
      await props.onSave()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal opened={props.opened} onClose={props.onCancel} title={props.title} size="lg">
      {/* The refusal is about what was typed: it goes as soon as the clerk types again (a fixed
          ID number no longer shows the old error; issue 13 item 11). */}
      <Stack onInputCapture={() => setError(null)}>
        {props.children}
        {props.stale && <StaleAlert guard={props.stale} />}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {pick('取消', 'Cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={props.saveDisabled ?? false}>
            {pick('保存', 'Save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
