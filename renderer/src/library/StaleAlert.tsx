import { useEffect, useRef } from 'react'
import { Alert, Button, Group, Text } from '@mantine/core'
import type { StaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'

/**
 * A save refused because someone changed the record since the form was loaded: the backend's
 * message (who, when), 重新加载 (the current record replaces the clerk's input) and 继续编辑
 * (hide this; the input stays, to copy from). Calm, not red: nothing is lost or broken.
 */
export function StaleAlert(props: { guard: StaleGuard; compact?: boolean }) {
  const { pick } = useI18n()
  const { stale, reloading, reloadError, reload, dismiss } = props.guard
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (stale) ref.current?.scrollIntoView({ block: 'nearest' })
  }, [stale])
  if (!stale) return null
  const size = props.compact ? 'xs' : 'sm'
  return (
    <Alert
      ref={ref}
      color="yellow"
      variant="light"
      p={props.compact ? 'xs' : undefined}
      title={pick('这条记录在你打开后被修改过', 'This record changed after you opened it')}
      data-testid="stale-alert"
    >
      <Text size={size}>{stale}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {pick(
          '重新加载会用最新内容替换你的输入；需要保留的内容请先复制。',
          'Reload replaces your input with the latest version; copy anything you want to keep first.',
        )}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={() => void reload()} loading={reloading}>
          {pick('重新加载', 'Reload')}
        </Button>
        <Button size="xs" variant="default" onClick={dismiss}>
          {pick('继续编辑', 'Keep editing')}
        </Button>
      </Group>
      {reloadError && (
        <Text size="xs" c="red" mt={4}>
          {reloadError}
        </Text>
      )}
    </Alert>
  )
}
