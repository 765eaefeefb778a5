import { Stack, Text, Title } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider'

export function LibraryPage() {
  const { t } = useI18n()
  return (
    <Stack>
      <Title order={2}>{t('library.title')}</Title>
      <Text c="dimmed">{t('library.empty')}</Text>
    </Stack>
  )
}
