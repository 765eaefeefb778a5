import { useState } from 'react'
import { Alert, Button, Stack, Table, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

export function RecycleBin(props: { version: number; onRestored: () => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const items = useLoad(() => api['recycle.list']({}), [api, props.version])
  const [error, setError] = useState<string | null>(null)
  if (items.data?.length === 0)
    return <Text c="dimmed">{pick('回收站是空的。', 'The recycle bin is empty.')}</Text>
  return (
    <Stack>
      {(error ?? items.error) && <Alert color="red">{error ?? items.error}</Alert>}
      <Table>
        <Table.Tbody>
          {(items.data ?? []).map((item) => (
            <Table.Tr key={`${item.kind}:${item.id}`}>
              <Table.Td>{item.title}</Table.Td>
              <Table.Td>{item.deletedAt.slice(0, 16).replace('T', ' ')}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => {
                    setError(null)
                    api['recycle.restore']({ kind: item.kind, id: item.id }).then(
                      () => {
                        items.reload()
                        props.onRestored()
                      },
                      (e: unknown) => setError(messageOf(e)),
                    )
                  }}
                >
                  {pick('恢复', 'Restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
