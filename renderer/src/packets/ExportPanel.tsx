import { useEffect, useState } from 'react'
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core'
import type { Plan } from '../../../shared/rules/types'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/** Write the ready-to-upload folder (or a labelled draft), then show it in the file manager. */
export function ExportPanel(props: { packetId: string; plan: Plan | null }) {
  const api = useApi()
  const { pick } = useI18n()
  const [outDir, setOutDir] = useState('')
  const [defaultDir, setDefaultDir] = useState('')
  /** What the backend says of the typed folder (checked as the clerk types). */
  const [dirProblem, setDirProblem] = useState<string | null>(null)
  const [draft, setDraft] = useState(false)
  const [watermark, setWatermark] = useState(true)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ folder: string; files: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const ready = props.plan?.ready ?? false

  useEffect(() => {
    api['exports.defaultDir']({}).then(
      (d) => {
        setOutDir((current) => current || d.dir)
        setDefaultDir(d.defaultDir)
      },
      () => undefined,
    )
  }, [api])

  useEffect(() => {
    if (!outDir) return
    let live = true
    const timer = setTimeout(() => {
      api['exports.checkDir']({ path: outDir }).then(
        (check) => live && setDirProblem(check.ok ? null : check.message),
        (e: unknown) => live && setDirProblem(messageOf(e)),
      )
    }, 250)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, outDir])

  const run = async () => {
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      setResult(
        await api['exports.run']({
          packetId: props.packetId,
          outDir,
          draft: !ready && draft,
          watermark,
        }),
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      {!ready && (
        <Alert color="orange" title={pick('资质包尚未齐全', 'The packet is not ready')}>
          {pick(
            '只能导出标明“草稿”的文件夹，用于内部核对，不能直接提交。',
            'Only a folder labelled 草稿 (draft) can be exported, for checking — not for submission.',
          )}
          <Checkbox
            mt="xs"
            label={pick('导出草稿', 'Export a draft')}
            checked={draft}
            onChange={(e) => setDraft(e.currentTarget.checked)}
          />
        </Alert>
      )}
      {props.plan?.route === 'email' && (
        <Text size="sm">
          {pick(
            '须邮件申请：导出文件夹中包含邮件草稿（.eml）及全部附件。',
            'Email route: the folder includes an .eml draft with every attachment.',
          )}
        </Text>
      )}
      <TextInput
        label={pick('导出到文件夹', 'Export into folder')}
        description={
          defaultDir &&
          pick(
            `完整路径；不存在会自动创建。下次导出沿用这个文件夹。默认：${defaultDir}`,
            `A full path; created if missing. The next export offers it again. Default: ${defaultDir}`,
          )
        }
        value={outDir}
        error={outDir ? dirProblem : pick('请填写导出文件夹。', 'Enter a folder.')}
        onChange={(e) => setOutDir(e.currentTarget.value)}
        rightSectionWidth={110}
        rightSection={
          defaultDir && outDir !== defaultDir ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setOutDir(defaultDir)}>
              {pick('用默认文件夹', 'Use default')}
            </Button>
          ) : null
        }
      />
      <Checkbox
        label={pick(
          '身份证/护照复印件加水印“仅限小红书聚光平台资质认证使用”',
          'Watermark ID copies “仅限小红书聚光平台资质认证使用”',
        )}
        checked={watermark}
        onChange={(e) => setWatermark(e.currentTarget.checked)}
      />
      <Group>
        <Button
          onClick={() => void run()}
          loading={busy}
          disabled={(!ready && !draft) || !outDir || dirProblem !== null}
          data-testid="export-button"
        >
          {ready
            ? pick('导出上传文件夹', 'Export upload folder')
            : pick('导出草稿', 'Export draft')}
        </Button>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {result && (
        <Alert color="green" title={pick('导出完成', 'Exported')} data-testid="export-result">
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {result.folder}
          </Text>
          <Text size="sm">{pick(`共 ${result.files} 个文件`, `${result.files} files`)}</Text>
          <Button
            mt="xs"
            size="xs"
            variant="light"
            onClick={() => {
              api['exports.openFolder']({ path: result.folder }).catch((e: unknown) =>
                setError(messageOf(e)),
              )
            }}
          >
            {pick('打开文件夹', 'Open folder')}
          </Button>
        </Alert>
      )}
    </Stack>
  )
}
