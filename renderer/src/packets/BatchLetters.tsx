import { useState } from 'react'
import { Alert, Button, Checkbox, Group, Progress, Stack, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/**
 * Generate the letters of several packets in one go — one per relation, or
 * one per trademark — with progress; a refusal in one packet does not stop the rest.
 */
export function BatchLetters(props: {
  packetIds: string[]
  names: Map<string, string>
  onDone: () => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const [perTrademark, setPerTrademark] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [generated, setGenerated] = useState(0)
  const [failures, setFailures] = useState<string[]>([])

  const run = async () => {
    setFailures([])
    setGenerated(0)
    setProgress({ done: 0, total: props.packetIds.length })
    let count = 0
    const problems: string[] = []
    for (const [index, packetId] of props.packetIds.entries()) {
      try {
        const result = await api['letters.generateForPacket']({ packetId, perTrademark })
        count += result.letters.length
        problems.push(...result.failures.map((f) => `${props.names.get(packetId) ?? ''}：${f}`))
      } catch (e) {
        problems.push(`${props.names.get(packetId) ?? ''}：${messageOf(e)}`)
      }
      setGenerated(count)
      setFailures([...problems])
      setProgress({ done: index + 1, total: props.packetIds.length })
    }
    props.onDone()
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" disabled={props.packetIds.length === 0} onClick={() => void run()}>
          {pick(
            `为选中的 ${props.packetIds.length} 个资质包生成授权书`,
            `Generate letters for ${props.packetIds.length} packets`,
          )}
        </Button>
        <Checkbox
          label={pick('每个商标单独一份', 'One letter per trademark')}
          checked={perTrademark}
          onChange={(e) => setPerTrademark(e.currentTarget.checked)}
        />
      </Group>
      {progress && (
        <>
          <Progress
            value={(progress.done / Math.max(progress.total, 1)) * 100}
            aria-label="letters progress"
          />
          <Text size="sm" data-testid="batch-letters">
            {pick(
              `已处理 ${progress.done} / ${progress.total} 个资质包，生成 ${generated} 份授权书`,
              `${progress.done} / ${progress.total} packets, ${generated} letters generated`,
            )}
          </Text>
        </>
      )}
      {failures.length > 0 && (
        <Alert color="orange">
          {failures.map((f) => (
            <Text key={f} size="sm">
              {f}
            </Text>
          ))}
        </Alert>
      )}
    </Stack>
  )
}
