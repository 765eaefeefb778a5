import { Badge, Button } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider'

/** On a packet with two or more avatars: the one the export uses, or a way to use this one. */
export function AvatarChoiceLine(props: { inUse: boolean; onChoose: () => void }) {
  const { pick } = useI18n()
  return props.inUse ? (
    <Badge size="sm" color="green" variant="filled" data-testid="avatar-in-use">
      {pick('导出将使用这张', 'Used for the export')}
    </Badge>
  ) : (
    <Button size="compact-xs" variant="light" onClick={props.onChoose} data-testid="avatar-choose">
      {pick('改用这张导出', 'Use this one')}
    </Button>
  )
}
