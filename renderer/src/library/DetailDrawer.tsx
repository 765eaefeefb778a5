import { useState, type ReactNode } from 'react'
import { Alert, Button, Divider, Group, Stack, Title } from '@mantine/core'
import type { DeletedItem, OwnerKind } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { DocumentsPanel } from './DocumentsPanel'
import { Drawer } from '../ui/layers'

/** An entity's details, linked records and documents, with edit and delete. */
export function DetailDrawer(props: {
  kind: DeletedItem['kind'] & OwnerKind
  id: string | null
  title: string
  onClose: () => void
  onEdit: () => void
  onDeleted: () => void
  /** The import the documents start at (first run: the business licence). */
  importing?: string
  children: ReactNode
}) {
  const api = useApi()
  const { pick } = useI18n()
  const [error, setError] = useState<string | null>(null)
  return (
    <Drawer
      opened={props.id !== null}
      onClose={() => {
        setError(null)
        props.onClose()
      }}
      position="right"
      size="xl"
      title={<Title order={3}>{props.title}</Title>}
    >
      {props.id && (
        <Stack>
          {props.children}
          <Group>
            <Button variant="light" onClick={props.onEdit}>
              {pick('编辑', 'Edit')}
            </Button>
            <Button
              variant="subtle"
              color="red"
              onClick={() => {
                if (!props.id) return
                api['library.delete']({ kind: props.kind, id: props.id }).then(
                  () => props.onDeleted(),
                  (e: unknown) => setError(messageOf(e)),
                )
              }}
            >
              {pick('移到回收站', 'Move to recycle bin')}
            </Button>
          </Group>
          {error && <Alert color="red">{error}</Alert>}
          <Divider label={pick('文件', 'Documents')} />
          <DocumentsPanel
            ownerKind={props.kind}
            ownerId={props.id}
            {...(props.importing ? { initialRequirement: props.importing } : {})}
          />
        </Stack>
      )}
    </Drawer>
  )
}
