import { useState } from 'react'
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/** 设置 → 备份: the whole library as one archive, while the app runs. */
export function BackupPanel(props: { dataDir: string | null }) {
  const api = useApi()
  const { pick } = useI18n()
  const [outDir, setOutDir] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const run = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const made = await api['system.backup']({ outDir: outDir.trim() })
      setResult(
        pick(
          `已备份 ${made.files} 个文件（${(made.bytes / 1_000_000).toFixed(1)} MB）：${made.file}`,
          `Backed up ${made.files} files (${(made.bytes / 1_000_000).toFixed(1)} MB): ${made.file}`,
        ),
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {pick(
          '把整个资料库（数据库、全部扫描件）备份为一个文件，程序运行时也可以备份。恢复：关闭程序后运行 packetdesk restore 备份文件，原资料库会改名保留。',
          'Back up the whole library (database and every scan) into one file, even while the app runs. To restore: close the app and run packetdesk restore FILE; the current library is kept aside.',
        )}
      </Text>
      <Group align="end">
        <TextInput
          label={pick('备份到文件夹', 'Back up into folder')}
          placeholder={props.dataDir ? `${props.dataDir}-备份` : ''}
          value={outDir}
          onChange={(e) => setOutDir(e.currentTarget.value)}
          w={420}
        />
        <Button onClick={() => void run()} loading={busy} disabled={outDir.trim() === ''}>
          {pick('备份', 'Back up')}
        </Button>
      </Group>
      {result && (
        <Alert color="green" data-testid="backup-result">
          {result}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  )
}
