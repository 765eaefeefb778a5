import { useEffect, useState } from 'react'
import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core'
import type { LibraryDocument } from '../../../shared/library/schemas'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { Modal } from '../ui/layers'

/**
 * 移到回收站 asks first (issue 13 item 2), naming the packets that stop being ready without the
 * document (library.deleteImpact: the one definition of ready, with and without it).
 */
export function DeleteDocumentConfirm(props: {
  document: LibraryDocument | null
  onClose: () => void
  onDeleted: () => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const doc = props.document
  // What the check found, for which document (a result for another document is not shown).
  const [checked, setChecked] = useState<{
    id: string
    stopsReady?: { id: string; accountName: string }[]
    error?: string
  } | null>(null)
  const [busy, setBusy] = useState(false)
  const [deleteError, setDeleteError] = useState<string | null>(null)
  const current = doc && checked?.id === doc.id ? checked : null
  const impact = current?.stopsReady ?? null
  const error = deleteError ?? current?.error ?? null

  useEffect(() => {
    if (!doc) return
    let live = true
    api['library.deleteImpact']({ kind: 'document', id: doc.id }).then(
      (result) => live && setChecked({ id: doc.id, stopsReady: result.stopsReady }),
      (e: unknown) => live && setChecked({ id: doc.id, error: messageOf(e) }),
    )
    return () => {
      live = false
    }
  }, [api, doc])

  const confirm = async () => {
    if (!doc || busy) return
    setBusy(true)
    setDeleteError(null)
    try {
      await api['library.delete']({ kind: 'document', id: doc.id })
      props.onDeleted()
      props.onClose()
    } catch (e) {
      setDeleteError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const label = doc ? requirementLabel(doc.requirement) : ''
  return (
    <Modal
      opened={doc !== null}
      onClose={() => {
        setDeleteError(null)
        props.onClose()
      }}
      title={pick(`把“${label}”移到回收站？`, `Move “${label}” to the recycle bin?`)}
      data-testid="delete-document-confirm"
    >
      <Stack gap="sm">
        {impact === null && !error && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {pick('正在检查哪些资质包用到它…', 'Checking which packets use it…')}
            </Text>
          </Group>
        )}
        {impact !== null && impact.length === 0 && (
          <Text size="sm">
            {pick(
              '没有已齐全的资质包因此变得不齐全。可以在回收站恢复。',
              'No ready packet stops being ready. It can be restored from the recycle bin.',
            )}
          </Text>
        )}
        {impact !== null && impact.length > 0 && (
          <Alert color="orange" data-testid="delete-impact">
            <Text size="sm" mb={4}>
              {pick(
                `移除后，以下 ${impact.length} 个资质包将不再齐全：`,
                `Without it, ${impact.length} ready packet(s) stop being ready:`,
              )}
            </Text>
            <List size="sm">
              {impact.map((p) => (
                <List.Item key={p.id}>{p.accountName}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={props.onClose} disabled={busy}>
            {pick('取消', 'Cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            disabled={busy || (impact === null && !error)}
            onClick={() => void confirm()}
            data-testid="confirm-delete-document"
          >
            {pick('移到回收站', 'Move to recycle bin')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
