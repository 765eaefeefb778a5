import { useState } from 'react'
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import type { IndustryEntry } from '../../../shared/industries/catalog'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/**
 * Deleting a user-added catalog entry, or dropping the user's version of a starter one, asks
 * first (issue 13 item 2) and names the packets that choose this industry.
 */
export function RemoveIndustryConfirm(props: {
  entry: IndustryEntry | null
  /** The user added it: removing deletes it (else the starter version shows again). */
  own: boolean
  onClose: (removed: boolean) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const entry = props.entry
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const packets = useLoad(
    () => (entry ? api['packets.list']({}) : Promise.resolve([])),
    [api, entry],
  )
  const using = entry
    ? (packets.data ?? []).filter((p) =>
        p.industries.some((i) => i.primary === entry.primary && i.secondary === entry.secondary),
      )
    : []
  const name = entry ? `${entry.primary} / ${entry.secondary}` : ''

  const confirm = async () => {
    if (!entry || busy) return
    setBusy(true)
    setError(null)
    try {
      await api['industries.remove']({
        primary: entry.primary,
        secondary: entry.secondary,
        hide: false,
      })
      props.onClose(true)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      opened={entry !== null}
      onClose={() => {
        setError(null)
        props.onClose(false)
      }}
      title={
        props.own
          ? pick(`删除行业“${name}”？`, `Delete the industry “${name}”?`)
          : pick(`恢复“${name}”的原版？`, `Restore the original “${name}”?`)
      }
      data-testid="remove-industry-confirm"
    >
      <Stack gap="sm">
        <Text size="sm">
          {props.own
            ? pick(
                '这是您自己添加的行业，删除后无法恢复。',
                'You added this industry yourself; deleting it cannot be undone.',
              )
            : pick(
                '您对这个行业的修改将被丢弃，改用程序自带的版本。',
                'Your changes to this industry are discarded; the shipped version is used again.',
              )}
        </Text>
        {using.length > 0 && (
          <Alert color="orange" title={pick('这些资质包选了这个行业：', 'These packets use it:')}>
            <List size="sm">
              {using.map((p) => (
                <List.Item key={p.id}>{p.accountName}</List.Item>
              ))}
            </List>
            {props.own && (
              <Text size="sm" mt="xs">
                {pick(
                  '删除后，它们的推广行业不在目录中，检查时会提示。',
                  'Afterwards their industry is not in the catalog; the check step will say so.',
                )}
              </Text>
            )}
          </Alert>
        )}
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => props.onClose(false)} disabled={busy}>
            {pick('取消', 'Cancel')}
          </Button>
          <Button
            color={props.own ? 'red' : undefined}
            onClick={() => void confirm()}
            loading={busy}
          >
            {props.own ? pick('删除', 'Delete') : pick('恢复原版', 'Restore')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
