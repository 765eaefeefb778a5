import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import type { LetterRecord } from '../../../shared/library/schemas'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { LetterPanel } from './LetterPanel'
import { printPdf } from '../print/printPdf'

/** A letter made by the batch, with the packet it was made for and its relation's names. */
interface MadeLetter {
  letter: LetterRecord
  packetName: string
  relationName: string
}

/** A full folder path as the backend accepts it (the host has no folder dialog). */
function folderPathProblem(path: string): string | null {
  const value = path.trim()
  if (!value) return '请填写文件夹路径'
  if (!value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value))
    return '请填写完整的文件夹路径（例如 /Users/me/授权书 或 D:\\授权书）'
  return null
}

/**
 * Generate the letters of several packets in one go — one per relation, or one per trademark —
 * with progress; a refusal in one packet does not stop the rest. It ends with the letters in
 * hand (issue 13 item 9): their list, 全部打印 (one combined PDF) and 保存到文件夹.
 */
export function BatchLetters(props: {
  packetIds: string[]
  names: Map<string, string>
  onDone: () => void
}) {
  const api = useApi()
  const { pick, language } = useI18n()
  const [perTrademark, setPerTrademark] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [made, setMade] = useState<MadeLetter[]>([])
  const [failures, setFailures] = useState<string[]>([])
  const [running, setRunning] = useState(false)
  const [busy, setBusy] = useState<'print' | 'save' | null>(null)
  const [folder, setFolder] = useState('')
  const [folderError, setFolderError] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null)
  const [opened, setOpened] = useState<LetterRecord | null>(null)

  const run = async () => {
    setRunning(true)
    setFailures([])
    setMade([])
    setOutcome(null)
    setProgress({ done: 0, total: props.packetIds.length })
    const letters: { letter: LetterRecord; packetName: string }[] = []
    const problems: string[] = []
    try {
      for (const [index, packetId] of props.packetIds.entries()) {
        const packetName = props.names.get(packetId) ?? ''
        try {
          const result = await api['letters.generateForPacket']({ packetId, perTrademark })
          letters.push(...result.letters.map((letter) => ({ letter, packetName })))
          problems.push(...result.failures.map((f) => `${packetName}：${f}`))
        } catch (e) {
          problems.push(`${packetName}：${messageOf(e)}`)
        }
        setFailures([...problems])
        setProgress({ done: index + 1, total: props.packetIds.length })
      }
      const relations = new Map(
        (await api['relations.list']({})).map((r) => [r.id, `${r.from.name} → ${r.to.name}`]),
      )
      setMade(
        letters.map((l) => ({ ...l, relationName: relations.get(l.letter.relationId) ?? '' })),
      )
    } catch (e) {
      setFailures([...problems, messageOf(e)])
    } finally {
      setRunning(false)
      props.onDone()
    }
  }

  const ids = made.map((m) => m.letter.id)
  const printAll = async () => {
    setBusy('print')
    setOutcome(null)
    try {
      // One PDF of them all, printed from the PDF itself as 打印 prints one letter.
      const pdf = await api['letters.combinedPdf']({ ids })
      await printPdf(pdf.dataBase64)
      setOutcome({
        ok: true,
        text: pick(
          `已发送打印：${ids.length} 份授权书合并为一个 PDF。`,
          `Sent to print: ${ids.length} ${ids.length === 1 ? 'letter' : 'letters'} in one PDF.`,
        ),
      })
    } catch (e) {
      setOutcome({ ok: false, text: messageOf(e) })
    } finally {
      setBusy(null)
    }
  }
  const saveAll = async () => {
    const problem = folderPathProblem(folder)
    setFolderError(problem)
    setOutcome(null)
    if (problem) return
    setBusy('save')
    try {
      const saved = await api['letters.saveToFolder']({ ids, dir: folder.trim() })
      setOutcome({
        ok: true,
        text: pick(
          `已保存 ${saved.files.length} 份 PDF 到 ${saved.dir}`,
          `Saved ${saved.files.length} PDFs to ${saved.dir}`,
        ),
      })
    } catch (e) {
      setFolderError(messageOf(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Stack gap="xs">
      <Group>
        <Button
          variant="light"
          disabled={props.packetIds.length === 0}
          loading={running}
          onClick={() => void run()}
        >
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
            {running
              ? pick(
                  `已处理 ${progress.done} / ${progress.total} 个资质包`,
                  `${progress.done} / ${progress.total} packets`,
                )
              : pick(
                  `已处理 ${progress.done} / ${progress.total} 个资质包，生成 ${made.length} 份授权书`,
                  `${progress.done} / ${progress.total} packets, ${made.length} letters generated`,
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
      {made.length > 0 && !running && (
        <Paper withBorder p="md" radius="md" data-testid="batch-result">
          <Title order={5} mb="xs">
            {pick(
              `本次生成的 ${made.length} 份授权书`,
              `${made.length} ${made.length === 1 ? 'letter' : 'letters'} made`,
            )}
          </Title>
          <Table highlightOnHover data-testid="batch-letters-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{pick('资质包', 'Packet')}</Table.Th>
                <Table.Th>{pick('文件', 'Document')}</Table.Th>
                <Table.Th>{pick('授权方 → 被授权方', 'Grantor → grantee')}</Table.Th>
                <Table.Th>{pick('有效期至', 'Valid until')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {made.map((m) => (
                <Table.Tr
                  key={m.letter.id}
                  onClick={() => setOpened(m.letter)}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td fw={500}>{m.packetName}</Table.Td>
                  <Table.Td>{requirementLabel(m.letter.requirement, language)}</Table.Td>
                  <Table.Td>{m.relationName}</Table.Td>
                  <Table.Td>{m.letter.validUntil}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group mt="md" align="flex-start">
            <Button
              onClick={() => void printAll()}
              loading={busy === 'print'}
              disabled={busy !== null}
            >
              {pick('全部打印', 'Print all')}
            </Button>
            <TextInput
              w={420}
              placeholder={pick(
                '文件夹完整路径，例如 /Users/me/授权书',
                'Full folder path, e.g. /Users/me/letters',
              )}
              aria-label={pick('保存到的文件夹', 'Folder to save to')}
              value={folder}
              onChange={(e) => {
                setFolder(e.currentTarget.value)
                setFolderError(null)
              }}
              error={folderError}
            />
            <Button
              variant="light"
              onClick={() => void saveAll()}
              loading={busy === 'save'}
              disabled={busy !== null}
            >
              {pick('保存到文件夹', 'Save to folder')}
            </Button>
          </Group>
          {outcome && (
            <Alert mt="sm" color={outcome.ok ? 'green' : 'red'} data-testid="batch-outcome">
              {outcome.text}
            </Alert>
          )}
        </Paper>
      )}
      <Modal
        opened={opened !== null}
        onClose={() => setOpened(null)}
        size="xl"
        title={pick('授权书', 'Letter')}
      >
        {opened && (
          <Stack>
            <Badge variant="light">{requirementLabel(opened.requirement, language)}</Badge>
            <LetterPanel
              relationId={opened.relationId}
              {...(opened.packetId ? { packetId: opened.packetId } : {})}
              requirement={opened.requirement}
              onChanged={props.onDone}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  )
}
