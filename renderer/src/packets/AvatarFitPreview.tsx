import { Badge, Group, Image, SegmentedControl, Stack, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import type { Draft } from './draft'

/**
 * The avatar exactly as the export will write it (issue 13 item 11): the backend fits it with the
 * export's own code (packets.avatarPreview), for the choice shown beside it — 补白边 or 居中裁切.
 */
export function AvatarFitPreview(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const { draft } = props
  const packetId = draft.id
  // Wrapped, so that "no avatar" (shown) differs from "not loaded yet" (nothing shown).
  const loaded = useLoad(
    async () => ({
      shown: packetId
        ? await api['packets.avatarPreview']({ packetId, avatarFit: draft.avatarFit })
        : null,
    }),
    [api, packetId, draft.avatarFit],
  )
  const preview = { data: loaded.data?.shown, error: loaded.error }
  return (
    <Group align="start" data-testid="avatar-fit">
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {pick('头像', 'Avatar')}
        </Text>
        <Text size="sm">{pick('头像不是 1:1 时：', 'Avatar not square:')}</Text>
        <SegmentedControl
          size="xs"
          value={draft.avatarFit}
          onChange={(v) => props.onChange({ ...draft, avatarFit: v === 'crop' ? 'crop' : 'pad' })}
          data={[
            { value: 'pad', label: pick('补白边', 'Pad') },
            { value: 'crop', label: pick('居中裁切', 'Crop') },
          ]}
        />
        <Badge variant="light">{pick('导出为 800×800 JPG', 'Exported as 800×800 JPG')}</Badge>
      </Stack>
      {preview.data && (
        <Stack gap={4}>
          <Image
            src={preview.data.dataUrl}
            w={160}
            h={160}
            bd="1px solid var(--mantine-color-gray-4)"
            alt={pick('导出的头像', 'Exported avatar')}
            data-testid="avatar-preview"
          />
          <Text size="xs" c="dimmed">
            {pick(
              `导出效果：${preview.data.width}×${preview.data.height}，${Math.round(preview.data.bytes / 1000)} kB`,
              `As exported: ${preview.data.width}×${preview.data.height}, ${Math.round(preview.data.bytes / 1000)} kB`,
            )}
          </Text>
        </Stack>
      )}
      {preview.data === null && (
        <Text size="xs" c="dimmed" maw={260}>
          {pick(
            '还没有头像：在“检查”一步导入后，这里显示导出的样子。',
            'No avatar yet: import it in the Check step to see it here as exported.',
          )}
        </Text>
      )}
      {preview.error && (
        <Text size="xs" c="red">
          {preview.error}
        </Text>
      )}
    </Group>
  )
}
