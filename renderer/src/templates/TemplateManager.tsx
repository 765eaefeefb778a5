import { useState } from 'react'
import { Alert, Button, Group, Image, Select, Stack, Table, Text } from '@mantine/core'
import { Dropzone } from '@mantine/dropzone'
import type { LetterTemplateDetail, LetterTemplateSummary } from '../../../shared/contract'
import type { LetterRecord } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { fileToBase64 } from '../library/base64'
import { TemplateDesigner } from './TemplateDesigner'
import { Modal } from '../ui/layers'

/** 设置 → 授权书模板: import a PDF, design it, fill it for a relation. */
export function TemplateManager() {
  const api = useApi()
  const { pick } = useI18n()
  const templates = useLoad(() => api['templates.list']({}), [api])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [open, setOpen] = useState<LetterTemplateDetail | null>(null)
  const [filling, setFilling] = useState<LetterTemplateSummary | null>(null)

  const importFiles = async (files: File[]) => {
    setError(null)
    setBusy(true)
    try {
      for (const file of files) {
        const detail = await api['templates.import']({
          fileName: file.name,
          dataBase64: await fileToBase64(file),
        })
        setOpen(detail)
      }
      templates.reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const design = (id: string) => {
    setError(null)
    api['templates.get']({ id }).then(setOpen, (e: unknown) => setError(messageOf(e)))
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {pick(
          '导入任意 PDF 作为授权书模板：带表单字段的 PDF 为每个字段选择数据项；没有字段的 PDF（平台下载的模板通常如此）在页面上点击放置文本框。填写规则与内置授权书相同。',
          'Import any PDF as a letter template: map each form field to a data item, or, for a flat PDF, click the page to place text boxes. Filled like the built-in letters.',
        )}
      </Text>
      <Dropzone
        onDrop={(files) => void importFiles(files)}
        accept={['application/pdf']}
        loading={busy}
        data-testid="template-dropzone"
        p="md"
      >
        <Text ta="center">
          {pick('拖入 PDF 模板，或点击选择文件', 'Drop a PDF template here, or click to choose')}
        </Text>
      </Dropzone>
      {(error ?? templates.error) && <Alert color="red">{error ?? templates.error}</Alert>}
      {templates.data && templates.data.length > 0 && (
        <Table data-testid="templates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{pick('名称', 'Name')}</Table.Th>
              <Table.Th>{pick('类型', 'Kind')}</Table.Th>
              <Table.Th>{pick('字段', 'Fields')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {templates.data.map((t) => (
              <Table.Tr key={t.id} data-testid="template-row">
                <Table.Td>{t.name}</Table.Td>
                <Table.Td>
                  {t.kind === 'flat'
                    ? pick('文本框', 'Text boxes')
                    : pick('表单字段', 'Form fields')}
                </Table.Td>
                <Table.Td>{t.fieldCount}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="end">
                    <Button size="xs" variant="light" onClick={() => design(t.id)}>
                      {pick('设计', 'Design')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      disabled={t.fieldCount === 0}
                      onClick={() => setFilling(t)}
                    >
                      {pick('生成授权书', 'Fill')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="80rem"
        title={pick('模板设计', 'Template designer')}
      >
        {open && (
          <TemplateDesigner key={open.id} template={open} onSaved={() => templates.reload()} />
        )}
      </Modal>
      <Modal
        opened={filling !== null}
        onClose={() => setFilling(null)}
        size="xl"
        title={pick(`用模板“${filling?.name ?? ''}”生成`, `Fill “${filling?.name ?? ''}”`)}
      >
        {filling && <FillPanel template={filling} />}
      </Modal>
    </Stack>
  )
}

function download(fileName: string, dataBase64: string) {
  const link = document.createElement('a')
  link.href = `data:application/pdf;base64,${dataBase64}`
  link.download = fileName
  link.click()
}

/** Pick a relation, fill the template, show the result (then it lives on as a letter). */
function FillPanel(props: { template: LetterTemplateSummary }) {
  const api = useApi()
  const { pick } = useI18n()
  const relations = useLoad(() => api['relations.list']({}), [api])
  const [relationId, setRelationId] = useState<string | null>(null)
  const [letter, setLetter] = useState<LetterRecord | null>(null)
  const [pages, setPages] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const fill = async () => {
    if (!relationId) return
    setBusy(true)
    setError(null)
    setPages([])
    try {
      const made = await api['templates.fill']({ id: props.template.id, relationId })
      setLetter(made)
      const first = await api['files.view']({ sha256: made.pdfSha256, page: 1 })
      const rest = await Promise.all(
        Array.from({ length: first.pages - 1 }, (_, i) =>
          api['files.view']({ sha256: made.pdfSha256, page: i + 2 }),
        ),
      )
      setPages([first.dataUrl, ...rest.map((p) => p.dataUrl)])
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <Group align="end">
        <Select
          label={pick('授权关系', 'Relation')}
          placeholder={pick('选择授权方 → 被授权方', 'Choose grantor → grantee')}
          data={(relations.data ?? []).map((r) => ({
            value: r.id,
            label: `${r.from.name} → ${r.to.name}`,
          }))}
          value={relationId}
          onChange={setRelationId}
          searchable
          w={420}
        />
        <Button onClick={() => void fill()} loading={busy} disabled={!relationId}>
          {pick('生成', 'Fill')}
        </Button>
        {letter && (
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
        )}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {letter && (
        <Text size="sm" c="dimmed">
          {pick(
            '已记录为该授权关系的授权书，可在资质包的检查步骤中打印、标记并导入签字扫描件。',
            'Recorded as this relation’s letter: print, mark and import the signed scan from the packet’s check step.',
          )}
        </Text>
      )}
      {pages.length > 0 && (
        <div data-testid="template-fill-preview">
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
    </Stack>
  )
}
