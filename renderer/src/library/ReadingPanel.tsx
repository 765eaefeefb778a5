import { Fragment, useState } from 'react'
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Tooltip } from '@mantine/core'
import type { LibraryDocument } from '../../../shared/library/schemas'
import type { DocumentReading } from '../../../shared/reading/document-reading'
import { idTypeOfKind, type ReadFieldView } from '../../../shared/reading/suggestions'
import { isKnownKind } from '../../../shared/rules/scan-reads'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { usePolling } from '../hooks/usePolling'
import { useI18n } from '../i18n/I18nProvider'
import { readingQueued } from './readingActivity'
import { readingPage } from './ReadingProgress'
import { ScanLine } from './ScanLine'
import { Modal } from '../ui/layers'

type PickFn = (zh: string, en: string) => string

/** ≥ 90 %: read clearly. */
const SURE = 0.9

/** Numbers, codes and dates read better in a fixed-width font. */
const CODE = /^[-0-9A-Z*]+$/u

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`
}

/** A read value as the clerk reads it (`long_term` is how a 长期 validity is normalised). */
function shown(value: string, pick: PickFn): string {
  return value === 'long_term' ? pick('长期', 'long-term') : value
}

/** What the record holds there, and what the panel offers: fill an empty field, never overwrite. */
function RecordCell(props: {
  field: ReadFieldView
  busy: boolean
  onFill: () => void
  pick: PickFn
}) {
  const { field, pick } = props
  switch (field.status) {
    case 'empty':
      return (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {pick('（空）', '(empty)')}
          </Text>
          <Button size="compact-xs" disabled={props.busy} onClick={props.onFill}>
            {pick('填入', 'Fill in')}
          </Button>
        </Group>
      )
    case 'same':
      return (
        <Text size="sm" c="teal">
          {pick('与记录一致', 'Same as the record')}
        </Text>
      )
    case 'differs':
      return (
        <Text size="sm" c="orange.8">
          {pick(
            `与记录不同：记录为 ${shown(field.current ?? '', pick)}`,
            `Differs from the record: ${shown(field.current ?? '', pick)}`,
          )}
        </Text>
      )
    case 'none':
      return (
        <Text size="sm" c="dimmed">
          {field.target && field.unsure
            ? pick('不确定，请核对原件后手工填写', 'Unsure: check the scan and type it in')
            : pick('仅供核对', 'For checking only')}
        </Text>
      )
  }
}

/** The table of what was read, field by field, with the record's value beside each. */
function FieldsTable(props: {
  documentId: string
  reading: DocumentReading
  busy: boolean
  onFill: (fields: string[]) => void
}) {
  const { pick } = useI18n()
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set())
  const identity = props.reading.kind ? idTypeOfKind(props.reading.kind) !== null : false
  const toggle = (name: string) =>
    setOpen((current) => {
      const next = new Set(current)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })
  return (
    <Table verticalSpacing="xs" data-testid="reading-fields">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={150}>{pick('项目', 'Field')}</Table.Th>
          <Table.Th>{pick('识别结果', 'As read')}</Table.Th>
          <Table.Th w={90}>{pick('置信度', 'Confidence')}</Table.Th>
          <Table.Th w={260}>{pick('记录', 'Record')}</Table.Th>
          <Table.Th w={identity ? 170 : 110} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.reading.fields.map((field) => (
          <Fragment key={field.name}>
            <Table.Tr data-testid="reading-field" data-field={field.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {pick(field.label.zh, field.label.en)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff={CODE.test(field.value) ? 'monospace' : undefined}>
                  {shown(field.value, pick)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" c={field.confidence >= SURE ? 'teal' : 'orange.8'} fw={500}>
                    {percent(field.confidence)}
                  </Text>
                  {field.unsure && (
                    <Tooltip
                      label={pick(
                        '校验未通过或不像真实的值：不会自动填入，请核对原件',
                        'Failed its check or looks impossible: never filled in, check the scan',
                      )}
                      multiline
                      w={240}
                    >
                      <Badge size="xs" color="orange" variant="light">
                        {pick('不确定', 'unsure')}
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <RecordCell
                  field={field}
                  busy={props.busy}
                  onFill={() => props.onFill([field.name])}
                  pick={pick}
                />
              </Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => toggle(field.name)}
                  data-testid="reading-field-source"
                >
                  {open.has(field.name)
                    ? pick('收起原文', 'Hide scan')
                    : identity
                      ? pick('查看原文（会被记录）', 'Show scan (recorded)')
                      : pick('查看原文', 'Show scan')}
                </Button>
              </Table.Td>
            </Table.Tr>
            {open.has(field.name) && (
              <Table.Tr>
                <Table.Td colSpan={5} bg="gray.0">
                  {identity && (
                    <Text size="xs" c="dimmed" mb={4}>
                      {pick(
                        '证件原文含完整号码，本次查看已记录在操作日志中。',
                        'The line shows the full number; this view is recorded.',
                      )}
                    </Text>
                  )}
                  <ScanLine
                    documentId={props.documentId}
                    field={field.name}
                    auto
                    alt={pick(
                      `扫描件上“${field.label.zh}”所在的一行`,
                      `The scan's line of ${field.label.en}`,
                    )}
                  />
                </Table.Td>
              </Table.Tr>
            )}
          </Fragment>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/**
 * 识别结果 (issue 12): what the scan of one document says — its kind and fields, each beside the
 * record's value — with 填入 for the record's empty fields (never over what is there), the line
 * each field was read from on demand, and 重新识别.
 */
export function ReadingPanel(props: {
  document: LibraryDocument | null
  onClose: () => void
  /** The document's reading changed state here (re-queued): the caller's list may refetch. */
  onChanged?: () => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const id = props.document?.id ?? null
  const loaded = useLoad(
    () => (id ? api['reading.document']({ id }) : Promise.resolve(null)),
    [api, id],
  )
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const reading = loaded.data && id ? loaded.data : null
  const working = reading?.state === 'queued' || reading?.state === 'reading'
  usePolling(id !== null && working, loaded.reload)

  const fill = async (fields: string[]) => {
    if (!id || busy) return
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      const result = await api['reading.fill']({ id, fields })
      loaded.update(() => result.reading)
      setNotice(pick(`已填入 ${result.filled.length} 项`, `${result.filled.length} filled in`))
    } catch (e) {
      setError(messageOf(e))
      loaded.reload()
    } finally {
      setBusy(false)
    }
  }

  const start = async () => {
    if (!id || busy) return
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      loaded.update(() => null)
      const next = await api['reading.start']({ id })
      loaded.update(() => next)
      readingQueued()
      props.onChanged?.()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const fillable = reading?.fields.filter((f) => f.status === 'empty').map((f) => f.name) ?? []
  const close = () => {
    setError(null)
    setNotice(null)
    props.onClose()
  }

  return (
    <Modal
      opened={props.document !== null}
      onClose={close}
      size={960}
      title={
        <Text fw={600}>
          {pick('识别结果', 'What the scan says')}
          {props.document?.file ? (
            <Text span c="dimmed" fw={400} ml="xs">
              {props.document.file.originalName}
            </Text>
          ) : null}
        </Text>
      }
    >
      <Stack data-testid="reading-panel">
        {!reading && <Loader size="sm" />}
        {reading && working && (
          <Group gap="xs">
            <Loader size="xs" type="dots" />
            <Text size="sm">
              {reading.state === 'reading' && reading.pages && reading.pages > 1
                ? pick(
                    `正在识别… 第 ${readingPage(reading.page ?? 0, reading.pages)}/${reading.pages} 页`,
                    `Reading… page ${readingPage(reading.page ?? 0, reading.pages)}/${reading.pages}`,
                  )
                : reading.state === 'reading'
                  ? pick('正在识别…', 'Reading…')
                  : pick('排队等待识别…', 'Waiting to be read…')}
            </Text>
          </Group>
        )}
        {reading?.state === 'off' && (
          <Text c="dimmed">{pick('这里不识别扫描件。', 'Scans are not read here.')}</Text>
        )}
        {reading?.state === 'none' && (
          <Text c="dimmed">{pick('这份文件尚未识别。', 'This file has not been read yet.')}</Text>
        )}
        {reading?.state === 'failed' && (
          <Alert color="orange" title={pick('未能识别', 'Could not be read')}>
            {reading.reason ?? ''}
          </Alert>
        )}
        {reading?.state === 'done' && reading.kind && (
          <Group gap="xs">
            <Badge
              size="lg"
              variant="light"
              color={isKnownKind(reading.kind) ? 'teal' : 'gray'}
              tt="none"
              data-testid="reading-kind"
            >
              {isKnownKind(reading.kind) && reading.kindLabel
                ? pick(reading.kindLabel.zh, reading.kindLabel.en)
                : pick('未能判断文件类型', 'Kind of paper not recognised')}
            </Badge>
            {isKnownKind(reading.kind) && reading.kindConfidence !== undefined && (
              <Text size="sm" c="dimmed">
                {pick(
                  `类型判断置信度 ${percent(reading.kindConfidence)}`,
                  `kind confidence ${percent(reading.kindConfidence)}`,
                )}
              </Text>
            )}
          </Group>
        )}
        {reading?.state === 'done' && reading.reason && (
          <Text size="sm" c="orange.8">
            {reading.reason}
          </Text>
        )}
        {reading?.state === 'done' && id && reading.fields.length > 0 && (
          <FieldsTable
            key={id}
            documentId={id}
            reading={reading}
            busy={busy}
            onFill={(fields) => void fill(fields)}
          />
        )}
        {reading?.state === 'done' && reading.fields.length === 0 && !reading.reason && (
          <Text c="dimmed">{pick('没有读出可用的项目。', 'No fields were read.')}</Text>
        )}
        {error && (
          <Alert color="red" data-testid="reading-error">
            {error}
          </Alert>
        )}
        {notice && (
          <Text size="sm" c="teal" data-testid="reading-notice">
            {notice}
          </Text>
        )}
        {reading && reading.state !== 'off' && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {reading.state === 'done'
                ? pick(
                    '只填入记录中为空的项目，已有内容不会被覆盖；识别结果请与原件核对。',
                    'Only empty fields of the record are filled; nothing is overwritten. Check against the scan.',
                  )
                : ''}
            </Text>
            <Group gap="xs">
              <Button variant="default" disabled={busy || working} onClick={() => void start()}>
                {reading.state === 'none'
                  ? pick('开始识别', 'Read it')
                  : pick('重新识别', 'Read again')}
              </Button>
              {reading.state === 'done' && (
                <Button
                  disabled={busy || fillable.length === 0}
                  loading={busy}
                  onClick={() => void fill(fillable)}
                >
                  {fillable.length > 0
                    ? pick(`全部填入（${fillable.length} 项）`, `Fill in all (${fillable.length})`)
                    : pick('全部填入', 'Fill in all')}
                </Button>
              )}
            </Group>
          </Group>
        )}
      </Stack>
    </Modal>
  )
}
