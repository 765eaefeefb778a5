import { useEffect, useState } from 'react'
import { Alert, Card, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core'
import type { Language, SystemInfo } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { useI18n } from '../i18n/I18nProvider'
import { IndustryEditor } from '../settings/IndustryEditor'
import { BuiltinWordingEditor } from '../settings/BuiltinWordingEditor'
import { TemplateManager } from '../templates/TemplateManager'
import { BackupPanel } from '../settings/BackupPanel'
import { ReadingSettings } from '../settings/ReadingSettings'
import { EmailRecipientSettings } from '../settings/EmailRecipientSettings'
import { TeamPanel } from '../team/TeamPanel'

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function SettingsPage(props: { onLanguageChange: (language: Language) => Promise<void> }) {
  const api = useApi()
  const { t, language, pick } = useI18n()
  const [info, setInfo] = useState<SystemInfo | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api['system.info']({}).then(setInfo, (e: unknown) => setError(messageOf(e)))
  }, [api])

  return (
    <Stack maw={1100}>
      <Title order={2}>{t('settings.title')}</Title>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600} id="language-label">
            {t('settings.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="language-label"
            value={language}
            data={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
            onChange={(value) => {
              setError(null)
              props.onLanguageChange(value).catch((e: unknown) => setError(messageOf(e)))
            }}
          />
          <Text size="sm" c="dimmed">
            {t('settings.languageHint')}
          </Text>
        </Stack>
      </Card>
      {info && info.filesMissing > 0 && (
        <Alert color="red" title={pick('有文件丢失', 'Files are missing')}>
          {pick(
            `资料库中有 ${info.filesMissing} 个文件在数据文件夹中找不到（可能被手动删除或移动）。相关文件记录仍在，请重新导入或从备份恢复数据文件夹。`,
            `${info.filesMissing} stored files are missing from the data folder. Re-import them or restore the data folder from a backup.`,
          )}
        </Alert>
      )}
      {error && (
        <Alert color="red" title={t('error.title')}>
          {error}
        </Alert>
      )}
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('settings.system')}
        </Text>
        {info ? (
          <Table data-testid="system-info">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>{t('system.appVersion')}</Table.Th>
                <Table.Td>{info.appVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('system.dataDir')}</Table.Th>
                <Table.Td style={{ wordBreak: 'break-all' }}>{info.dataDir}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('system.sqliteVersion')}</Table.Th>
                <Table.Td>{info.sqliteVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('system.schemaVersion')}</Table.Th>
                <Table.Td>{info.schemaVersion}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="dimmed">{t('common.loading')}</Text>
        )}
      </Card>
      <Card withBorder data-testid="team">
        <Text fw={600} mb="xs">
          {pick('团队资料库', 'Team library')}
        </Text>
        <TeamPanel />
      </Card>
      <Card withBorder data-testid="reading-settings">
        <Text fw={600} mb="xs">
          {pick('扫描件识别', 'Scan reading')}
        </Text>
        <ReadingSettings />
      </Card>
      <Card withBorder data-testid="backup">
        <Text fw={600} mb="xs">
          {pick('备份', 'Backup')}
        </Text>
        <BackupPanel dataDir={info?.dataDir ?? null} />
      </Card>
      <Card withBorder data-testid="email-recipient-settings">
        <Text fw={600} mb="xs">
          {pick('邮件提交', 'Email route')}
        </Text>
        <EmailRecipientSettings />
      </Card>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {pick('行业目录', 'Industry catalog')}
        </Text>
        <IndustryEditor />
      </Card>
      <Card withBorder data-testid="template-manager">
        <Text fw={600} mb="xs">
          {pick('授权书模板', 'Letter templates')}
        </Text>
        <TemplateManager />
      </Card>
      <Card withBorder data-testid="builtin-wording">
        <Text fw={600} mb="xs">
          {pick('内置授权书措辞', 'Built-in letter wording')}
        </Text>
        <BuiltinWordingEditor />
      </Card>
    </Stack>
  )
}
