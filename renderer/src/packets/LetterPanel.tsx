import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Group, Image, Loader, Stack, Text } from '@mantine/core'
import type { LetterRecord } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { useLiveVersion } from '../api/LiveRefresh'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { DocumentsPanel } from '../library/DocumentsPanel'
import { printPdf } from '../print/printPdf'

const STATUS = {
  generated: { zh: '已生成', en: 'Generated', color: 'blue' },
  printed: {
    zh: '已打印，等待签字扫描件',
    en: 'Printed, waiting for the signed scan',
    color: 'orange',
  },
  signed: { zh: '已签字（扫描件已导入）', en: 'Signed (scan imported)', color: 'green' },
} as const

/** Save a PDF the backend produced (a download in the browser host, a save dialog in Electron). */
function download(fileName: string, dataBase64: string) {
  const link = document.createElement('a')
  link.href = `data:application/pdf;base64,${dataBase64}`
  link.download = fileName
  link.click()
}

/**
 * One letter's lifecycle: generate → preview, save or print → mark printed →
 * import the signed scan as the relation's document.
 */
export function LetterPanel(props: {
  relationId: string
  packetId?: string
  requirement: string
  onChanged: () => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const [letter, setLetter] = useState<LetterRecord | null>(null)
  const [pages, setPages] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [printing, setPrinting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const changes = useLiveVersion()
  // Importing the signed scan here re-reads the letter at once (its status follows the scan).
  const [imports, setImports] = useState(0)

  useEffect(() => {
    let live = true
    api['letters.list']({ relationId: props.relationId }).then(
      (list) => {
        if (live) setLetter(list.find((l) => l.requirement === props.requirement) ?? null)
      },
      (e: unknown) => setError(messageOf(e)),
    )
    return () => {
      live = false
    }
  }, [api, props.relationId, props.requirement, changes, imports])

  const sha = letter?.pdfSha256
  useEffect(() => {
    if (!sha) return
    let live = true
    void (async () => {
      const first = await api['files.view']({ sha256: sha, page: 1 })
      const rest = await Promise.all(
        Array.from({ length: first.pages - 1 }, (_, i) =>
          api['files.view']({ sha256: sha, page: i + 2 }),
        ),
      )
      if (live) setPages([first.dataUrl, ...rest.map((p) => p.dataUrl)])
    })().catch((e: unknown) => setError(messageOf(e)))
    return () => {
      live = false
    }
  }, [api, sha])

  const generate = async () => {
    setBusy(true)
    setError(null)
    try {
      setPages([])
      setLetter(
        await api['letters.generate']({
          relationId: props.relationId,
          ...(props.packetId ? { packetId: props.packetId } : {}),
        }),
      )
      props.onChanged()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <Group>
        <Button onClick={() => void generate()} loading={busy}>
          {letter ? pick('重新生成', 'Generate again') : pick('生成授权书', 'Generate letter')}
        </Button>
        {letter && (
          <>
            <Badge color={STATUS[letter.status].color}>
              {pick(STATUS[letter.status].zh, STATUS[letter.status].en)}
            </Badge>
            <Button
              variant="light"
              onClick={() => {
                void api['letters.pdf']({ id: letter.id }).then((pdf) =>
                  download(pdf.fileName, pdf.dataBase64),
                )
              }}
            >
              {pick('保存 PDF', 'Save PDF')}
            </Button>
            <Button
              variant="light"
              loading={printing}
              onClick={() => {
                setPrinting(true)
                setError(null)
                api['letters.pdf']({ id: letter.id })
                  .then((pdf) => printPdf(pdf.dataBase64))
                  .catch((e: unknown) => setError(messageOf(e)))
                  .finally(() => setPrinting(false))
              }}
            >
              {pick('打印', 'Print')}
            </Button>
            {letter.status === 'generated' && (
              <Button
                variant="subtle"
                onClick={() => {
                  api['letters.markPrinted']({ id: letter.id }).then(
                    (l) => {
                      setLetter(l)
                      props.onChanged()
                    },
                    (e: unknown) => setError(messageOf(e)),
                  )
                }}
              >
                {pick('标记为已打印', 'Mark printed')}
              </Button>
            )}
          </>
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {letter && pages.length === 0 && <Loader size="sm" />}
      {pages.length > 0 && (
        <div data-testid="letter-preview">
          {pages.map((src, i) => (
            <Image
              key={src.slice(-40)}
              src={src}
              alt={pick(`第 ${i + 1} 页`, `Page ${i + 1}`)}
              mb="sm"
              bd="1px solid var(--mantine-color-gray-3)"
            />
          ))}
        </div>
      )}
      {letter && (
        <>
          <Text fw={600}>
            {pick(
              '签字盖章后，把扫描件导入到这里：',
              'When signed and sealed, import the scan here:',
            )}
          </Text>
          <DocumentsPanel
            ownerKind="relation"
            ownerId={props.relationId}
            requirement={props.requirement}
            onImported={() => {
              setImports((n) => n + 1)
              props.onChanged()
            }}
          />
        </>
      )}
    </Stack>
  )
}
