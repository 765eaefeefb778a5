import { Button, Card, Group, Stack, Text, Title } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider'

/**
 * An empty library says what to do first (issue 13 item 10): the applicant company, by hand or
 * from its business licence (the company is created, then its licence imported on it; a read
 * scan fills the empty fields).
 */
export function LibraryEmptyState(props: {
  onNewCompany: () => void
  onImportLicence: () => void
}) {
  const { pick } = useI18n()
  return (
    <Card withBorder padding="lg" data-testid="library-empty">
      <Stack gap="xs">
        <Title order={4}>{pick('资料库还是空的', 'The library is empty')}</Title>
        <Text size="sm" c="dimmed">
          {pick(
            '第一步：建申请主体公司。之后把营业执照、商标、授权书等材料导入到对应的记录上，资质包从这些记录中取材料。',
            'First step: create the applicant company. Then import its licence, trademarks and letters onto the records; packets take their documents from them.',
          )}
        </Text>
        <Group>
          <Button onClick={props.onNewCompany}>{pick('先建公司', 'Create a company')}</Button>
          <Button variant="light" onClick={props.onImportLicence}>
            {pick('导入营业执照', 'Import a business licence')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
