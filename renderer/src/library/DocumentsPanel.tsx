import { useEffect, useState } from 'react'
import {
  Badge,
  Button,
  Card,
  Group,
  Image,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core'
import { Dropzone } from '@mantine/dropzone'
import { AppError } from '../../../shared/errors'
import type { FileInfo, LibraryDocument, OwnerKind } from '../../../shared/library/schemas'
import { avatarInUse } from '../../../shared/library/avatar-choice'
import { IMPORT_FILES_AT_ONCE, IMPORT_FORMATS_TEXT } from '../../../shared/limits'
import {
  isAvatarSlot,
  purposesFor,
  requirementLabel,
} from '../../../shared/rules/requirement-derive'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { findLoaded, useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { fileToBase64 } from './base64'
import { AvatarChoiceLine } from './AvatarChoiceLine'
import { DeleteDocumentConfirm } from './DeleteDocumentConfirm'
import { FileViewer } from './FileViewer'
import { savePendingImport, type PendingImport } from './pendingImport'
import { ReadingBadge } from './ReadingBadge'
import { ReadingPanel } from './ReadingPanel'
import { ReadingProgress } from './ReadingProgress'
import { StaleAlert } from './StaleAlert'
import { DateField } from '../ui/DateField'

function Thumbnail(props: { file: FileInfo; onOpen: () => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const [thumb, setThumb] = useState<{ src: string; obscured: boolean } | null>(null)
  useEffect(() => {
    let live = true
    api['files.thumbnail']({ sha256: props.file.sha256 }).then(
      (t) => {
        if (live) setThumb({ src: t.dataUrl, obscured: t.obscured })
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, props.file.sha256])
  return (
    <UnstyledButton onClick={props.onOpen} aria-label={props.file.originalName}>
      <Image
        src={thumb?.src ?? null}
        h={140}
        fit="contain"
        bg="gray.1"
        alt={props.file.originalName}
        data-testid="thumbnail"
      />
      {thumb?.obscured && (
        // An ID scan's thumbnail is blurred; opening it shows the number and is recorded.
        <Text size="xs" c="dimmed" mt={4} data-testid="thumbnail-obscured">
          {pick(
            '证件已模糊，点击查看原件（查看会被记录）',
            'Blurred ID scan: click to view (recorded)',
          )}
        </Text>
      )}
    </UnstyledButton>
  )
}

/**
 * A document's 有效期至, saved when the field is left. Until the clerk types, the field follows the
 * list as it refreshes (another clerk's date shows up); once they have typed, their value and the
 * version it was typed over stay, so a save over someone else's newer date is refused (STALE)
 * rather than silently overwriting it.
 */
function ValidUntilField(props: {
  document: LibraryDocument
  fetch: () => Promise<LibraryDocument>
  reloadList: () => void
  onError: (error: unknown) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const doc = props.document
  /** The record the field shows (and its version), and what the clerk has typed over it. */
  const [base, setBase] = useState(doc)
  const [value, setValue] = useState(doc.validUntil ?? '')
  const typed = value !== (base.validUntil ?? '')
  const guard = useStaleGuard({
    initial: doc,
    fetch: props.fetch,
    show: (record) => {
      setBase(record)
      setValue(record.validUntil ?? '')
    },
  })
  // The list brought a newer copy and the clerk has not typed: show it (adjusted while rendering).
  if (doc.version > base.version && !typed && !guard.stale) {
    setBase(doc)
    setValue(doc.validUntil ?? '')
    guard.loaded(doc)
  }
  const save = async () => {
    if (!typed) return
    try {
      const saved = await guard.save((from) =>
        api['documents.update']({ id: doc.id, validUntil: value || null, ...from }),
      )
      if (!saved) return
      setBase(saved)
      setValue(saved.validUntil ?? '')
      props.reloadList()
    } catch (error) {
      props.onError(error)
    }
  }
  return (
    <>
      <DateField
        size="xs"
        mt={4}
        label={pick('有效期至（选填）', 'Valid until (optional)')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onBlur={() => void save()}
      />
      <StaleAlert guard={guard} compact />
    </>
  )
}

interface Outcome {
  name: string
  ok: boolean
  message: string
  /** Already on this record: nothing added, nothing wrong (issue 13 item 6). */
  duplicate?: boolean
}

export function DocumentsPanel(props: {
  ownerKind: OwnerKind
  ownerId: string
  subject?: string
  requirement?: string
  /** The purpose chosen at first (the clerk may change it). */
  initialRequirement?: string
  onImported?: () => void
}) {
  const api = useApi()
  const { pick, language } = useI18n()
  // What a document on this owner can serve comes from the requirements table.
  const choices = purposesFor(props.ownerKind).filter(
    (id) => props.requirement === undefined || id === props.requirement,
  )
  const [requirement, setRequirement] = useState<string>(
    props.requirement ?? choices.find((id) => id === props.initialRequirement) ?? choices[0] ?? '',
  )
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [viewing, setViewing] = useState<FileInfo | null>(null)
  const [readingOf, setReadingOf] = useState<LibraryDocument | null>(null)
  const [deleting, setDeleting] = useState<LibraryDocument | null>(null)
  const documents = useLoad(
    () => api['documents.list']({ ownerKind: props.ownerKind, ownerId: props.ownerId }),
    [api, props.ownerKind, props.ownerId],
  )

  /** A batch, a few files at a time (importEach); a refused file does not stop the rest. */
  const importFiles = async (files: File[]) => {
    setOutcomes([])
    setProgress({ done: 0, total: files.length })
    // Kept while the batch runs, so a tab closed mid-batch is noticed on return (issue 13 item 6).
    const pending: PendingImport = {
      ownerKind: props.ownerKind,
      ownerId: props.ownerId,
      requirement,
      names: files.map((f) => f.name),
      startedAt: new Date().toISOString(),
      beatAt: Date.now(),
    }
    savePendingImport(pending)
    const beat = setInterval(() => {
      pending.beatAt = Date.now()
      savePendingImport(pending)
    }, 5_000)
    // Closing the tab: marked as left at once (the stale beat covers a crash).
    const left = () => {
      pending.beatAt = 0
      savePendingImport(pending)
    }
    window.addEventListener('pagehide', left)
    try {
      await importEach(files, pending)
    } finally {
      window.removeEventListener('pagehide', left)
      clearInterval(beat)
      savePendingImport(null)
    }
    documents.reload()
    props.onImported?.()
  }

  /**
   * IMPORT_FILES_AT_ONCE files at a time (both decoding workers busy); outcomes are listed in
   * the order the files were dropped.
   */
  const importEach = async (files: File[], pending: PendingImport) => {
    const slots: (Outcome | undefined)[] = files.map(() => undefined)
    let next = 0
    let done = 0
    const importOne = async (file: File): Promise<Outcome> => {
      try {
        await api['documents.import']({
          ownerKind: props.ownerKind,
          ownerId: props.ownerId,
          requirement,
          ...(props.subject !== undefined ? { subject: props.subject } : {}),
          fileName: file.name,
          dataBase64: await fileToBase64(file),
        })
        return { name: file.name, ok: true, message: pick('已导入', 'imported') }
      } catch (error) {
        const duplicate = error instanceof AppError && error.code === 'CONFLICT'
        const message = duplicate
          ? pick(messageOf(error), 'already on this record — not added again')
          : messageOf(error)
        return { name: file.name, ok: false, message, duplicate }
      }
    }
    const lane = async (): Promise<void> => {
      for (let index = next++; index < files.length; index = next++) {
        const file = files[index]
        if (!file) continue
        slots[index] = await importOne(file)
        done += 1
        setProgress({ done, total: files.length })
        setOutcomes(slots.filter((o): o is Outcome => o !== undefined))
        const left = pending.names.indexOf(file.name)
        if (left >= 0) pending.names.splice(left, 1)
        pending.beatAt = Date.now()
        savePendingImport(pending)
      }
    }
    await Promise.all(Array.from({ length: IMPORT_FILES_AT_ONCE }, lane))
  }

  const label = (id: string) => requirementLabel(id, language)
  const avatars = (documents.data ?? []).filter((d) => isAvatarSlot(d.requirement) && d.file)
  const avatarChoice = avatars.length > 1 ? avatarInUse(avatars) : null

  return (
    <Stack gap="sm">
      <Group align="end">
        <Select
          label={pick('文件用途', 'Serves requirement')}
          data={choices.map((id) => ({ value: id, label: label(id) }))}
          value={requirement}
          onChange={(v) => setRequirement(v ?? choices[0] ?? '')}
          allowDeselect={false}
          w={280}
        />
      </Group>
      <Dropzone onDrop={(files) => void importFiles(files)} multiple data-testid="dropzone" p="md">
        <Text ta="center" c="dimmed">
          {/* The same list the import's refusal names (shared/limits.ts). */}
          {pick(
            `把扫描件或照片拖到这里，或点击选择文件（${IMPORT_FORMATS_TEXT.zh}）`,
            `Drop scans or photos here, or click to choose (${IMPORT_FORMATS_TEXT.en})`,
          )}
        </Text>
      </Dropzone>
      {progress && (
        <Progress
          value={(progress.done / Math.max(progress.total, 1)) * 100}
          aria-label="import progress"
        />
      )}
      {outcomes.map((o) => (
        <Text
          key={o.name}
          size="sm"
          c={o.ok ? 'green' : o.duplicate ? 'yellow.9' : 'red'}
          data-testid="import-outcome"
        >
          {o.name}：{o.message}
        </Text>
      ))}
      {documents.error && <Text c="red">{documents.error}</Text>}
      {documents.data?.some(
        (d) => d.reading?.state === 'queued' || d.reading?.state === 'reading',
      ) && <ReadingProgress />}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {(documents.data ?? []).map((doc: LibraryDocument) => (
          <Card key={doc.id} withBorder padding="xs">
            {doc.file && <Thumbnail file={doc.file} onOpen={() => setViewing(doc.file)} />}
            {/* The catalog document it stands for (行业资质), else the requirement, and the file. */}
            <Text size="sm" fw={600} mt={4} data-testid="document-name">
              {doc.catalogName ?? label(doc.requirement)}
            </Text>
            {avatarChoice && isAvatarSlot(doc.requirement) && doc.file && (
              // Two avatars: which one the export uses, and a way to choose (issue 13 item 6).
              <AvatarChoiceLine
                inUse={avatarChoice.id === doc.id}
                onChoose={() =>
                  void api['documents.prefer']({ id: doc.id }).then(
                    documents.reload,
                    (e: unknown) =>
                      setOutcomes([
                        { name: doc.file?.originalName ?? '', ok: false, message: messageOf(e) },
                      ]),
                  )
                }
              />
            )}
            {doc.file && (
              <Text size="xs" c="dimmed" truncate="end" data-testid="document-file-name">
                {doc.file.originalName}
              </Text>
            )}
            {doc.file && (
              <Group gap={4}>
                <Badge size="xs" variant="light">
                  {doc.file.format.toUpperCase()}
                </Badge>
                {doc.file.pages > 1 && (
                  <Badge size="xs" variant="light">
                    {pick(`${doc.file.pages} 页`, `${doc.file.pages} pages`)}
                  </Badge>
                )}
                <Badge size="xs" variant="light" color={doc.file.color ? 'teal' : 'gray'}>
                  {doc.file.color ? pick('彩色', 'colour') : pick('黑白/灰度', 'greyscale')}
                </Badge>
              </Group>
            )}
            {doc.reading && doc.reading.state !== 'off' && (
              // Scan reading (issue 12): where it stands, and the panel with what was read.
              <Group gap={4} mt={4}>
                <ReadingBadge document={doc} />
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => setReadingOf(doc)}
                  data-testid="reading-open"
                >
                  {pick('识别结果', 'Read result')}
                </Button>
              </Group>
            )}
            {/* The avatar has no validity of its own: no 有效期至 on it. */}
            {!isAvatarSlot(doc.requirement) && (
              <ValidUntilField
                document={doc}
                reloadList={documents.reload}
                fetch={async () =>
                  findLoaded(
                    await api['documents.list']({
                      ownerKind: props.ownerKind,
                      ownerId: props.ownerId,
                    }),
                    doc.id,
                  )
                }
                onError={(err) =>
                  setOutcomes([
                    { name: doc.file?.originalName ?? '', ok: false, message: messageOf(err) },
                  ])
                }
              />
            )}
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              mt={4}
              onClick={() => setDeleting(doc)}
            >
              {pick('移到回收站', 'Move to recycle bin')}
            </Button>
          </Card>
        ))}
      </SimpleGrid>
      <FileViewer file={viewing} onClose={() => setViewing(null)} />
      <DeleteDocumentConfirm
        document={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          documents.reload()
          props.onImported?.()
        }}
      />
      <ReadingPanel
        document={readingOf}
        onClose={() => setReadingOf(null)}
        onChanged={documents.reload}
      />
    </Stack>
  )
}
