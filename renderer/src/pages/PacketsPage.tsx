import { Stack, Text, Title } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider'

export function PacketsPage() {
  const { t } = useI18n()
  return (
    <Stack>
      <Title order={2}>{t('packets.title')}</Title>
      <Text c="dimmed">{t('packets.empty')}</Text>
    </Stack>
  )
}
