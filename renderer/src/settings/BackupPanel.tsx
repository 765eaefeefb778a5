import { useState } from 'react'
import { Alert, Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { Modal } from '../ui/layers'

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
          '把整个资料库（数据库、全部扫描件）备份为一个文件，程序运行时也可以备份。',
          'Back up the whole library (database and every scan) into one file, even while the app runs.',
        )}
      </Text>
      <Group align="end">
        <TextInput
          label={pick('备份到文件夹', 'Back up into folder')}
          placeholder={
            props.dataDir ? pick(`${props.dataDir}-备份`, `${props.dataDir}-backup`) : ''
          }
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
      <Divider my="sm" />
      <RestoreSection dataDir={props.dataDir} />
    </Stack>
  )
}

/** 恢复: verified in full before anything is replaced; the current library is kept aside. */
function RestoreSection(props: { dataDir: string | null }) {
  const api = useApi()
  const { pick } = useI18n()
  const [archivePath, setArchivePath] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const restore = async () => {
    if (busy) return
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const done = await api['system.restore']({ archivePath: archivePath.trim() })
      setResult(
        done.previous
          ? pick(
              `已恢复 ${done.files} 个文件。原资料库保留在：${done.previous}`,
              `Restored ${done.files} files. The previous library is kept in: ${done.previous}`,
            )
          : pick(`已恢复 ${done.files} 个文件。`, `Restored ${done.files} files.`),
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <Stack gap="xs" data-testid="restore">
      <Text size="sm" c="dimmed">
        {pick(
          '从备份文件恢复：先完整校验备份（清单、每个文件的校验值、数据库完整性），通过后才替换当前资料库；当前资料库会原样保留在旁边的文件夹中。',
          'Restore from a backup: the archive is verified in full first (manifest, every checksum, database integrity); only then is the library replaced, and the current one is kept aside.',
        )}
      </Text>
      <Group align="end">
        <TextInput
          label={pick('备份文件', 'Backup file')}
          placeholder={
            props.dataDir
              ? pick(
                  `${props.dataDir}-备份/PacketDesk备份_….tar`,
                  `${props.dataDir}-backup/PacketDesk-backup_….tar`,
                )
              : ''
          }
          value={archivePath}
          onChange={(e) => setArchivePath(e.currentTarget.value)}
          w={420}
        />
        <Button
          variant="light"
          color="orange"
          onClick={() => setConfirming(true)}
          disabled={archivePath.trim() === '' || busy}
        >
          {pick('恢复…', 'Restore…')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => (busy ? undefined : setConfirming(false))}
        title={pick('用备份替换当前资料库？', 'Replace the library with this backup?')}
      >
        <Stack>
          <Text size="sm">
            {pick(
              '当前资料库（公司、自然人、商标、资质包和全部扫描件）将被备份中的内容替换。当前资料库不会删除：它会保留在数据文件夹旁的 “.before-restore-时间” 文件夹中。',
              'The current library (companies, persons, trademarks, packets and every scan) is replaced by the backup. Nothing is deleted: the current library is kept in a “.before-restore-TIME” folder beside the data folder.',
            )}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={busy}>
              {pick('取消', 'Cancel')}
            </Button>
            <Button
              color="orange"
              onClick={() => void restore()}
              loading={busy}
              data-testid="confirm-restore"
            >
              {pick('校验并恢复', 'Verify and restore')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {result && (
        <Alert color="green" data-testid="restore-result">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{result}</Text>
            <Button size="xs" variant="light" onClick={() => window.location.reload()}>
              {pick('重新载入资料库', 'Reload the library')}
            </Button>
          </Stack>
        </Alert>
      )}
      {error && (
        <Alert color="red" data-testid="restore-error">
          {error}
        </Alert>
      )}
    </Stack>
  )
}
