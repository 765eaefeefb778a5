import { useEffect, useRef, useState, type ReactNode } from 'react'
import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Group,
  Image,
  Loader,
  NumberInput,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import {
  TEMPLATE_DATA_ITEMS,
  type AcroTemplateField,
  type FlatTemplateField,
  type LetterTemplateDetail,
  type TemplateDataItem,
} from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { StaleAlert } from '../library/StaleAlert'
import { boxAtClick, boxToPercent, insidePage } from './geometry'

function useDataItemOptions() {
  const { pick } = useI18n()
  return TEMPLATE_DATA_ITEMS.map((i) => ({ value: i.id, label: pick(i.zh, i.en) }))
}

const isDataItem = (value: string | null): value is TemplateDataItem =>
  TEMPLATE_DATA_ITEMS.some((i) => i.id === value)

/** Designer for a template: text boxes on a flat page, or the AcroForm field mapping. */
export function TemplateDesigner(props: { template: LetterTemplateDetail; onSaved: () => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const [name, setName] = useState(props.template.name)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  const [busy, setBusy] = useState(false)
  const [flat, setFlat] = useState<FlatTemplateField[]>(() =>
    props.template.kind === 'flat' ? (props.template.fields as FlatTemplateField[]) : [],
  )
  const [acro, setAcro] = useState<AcroTemplateField[]>(() =>
    props.template.kind === 'acroform' ? (props.template.fields as AcroTemplateField[]) : [],
  )
  // The designer stays open after a save: the next save is made from the version it returned.
  const guard = useStaleGuard({
    initial: props.template,
    fetch: () => api['templates.get']({ id: props.template.id }),
    show: (template) => {
      setName(template.name)
      if (template.kind === 'flat') setFlat(template.fields as FlatTemplateField[])
      else setAcro(template.fields as AcroTemplateField[])
      setSaved(false)
    },
  })

  const save = async () => {
    setBusy(true)
    setError(null)
    setSaved(false)
    try {
      const fields = props.template.kind === 'flat' ? flat : acro
      const done = await guard.save((from) =>
        api['templates.save']({ id: props.template.id, name, fields, ...from }),
      )
      if (!done) return
      setSaved(true)
      props.onSaved()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const saveButton = (
    <Button onClick={() => void save()} loading={busy}>
      {pick('保存模板', 'Save template')}
    </Button>
  )
  const flatKind = props.template.kind === 'flat'
  const outcome = (
    <>
      <StaleAlert guard={guard} />
      {error && <Alert color="red">{error}</Alert>}
      {saved && (
        <Alert color="green" data-testid="template-saved">
          {pick('模板已保存。', 'Template saved.')}
        </Alert>
      )}
    </>
  )

  return (
    <Stack data-testid="template-designer">
      <Group align="end">
        <TextInput
          label={pick('模板名称', 'Template name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          w={320}
        />
        <Badge variant="light">
          {props.template.kind === 'flat'
            ? pick('无表单字段：点击页面放置文本框', 'No form fields: click the page to add boxes')
            : pick('表单字段 PDF', 'PDF with form fields')}
        </Badge>
        {!flatKind && saveButton}
      </Group>
      {!flatKind && outcome}
      {flatKind ? (
        <FlatDesigner
          template={props.template}
          fields={flat}
          onChange={setFlat}
          aside={
            <>
              <Group justify="flex-end">{saveButton}</Group>
              {outcome}
            </>
          }
        />
      ) : (
        <AcroMapping template={props.template} fields={acro} onChange={setAcro} />
      )}
    </Stack>
  )
}

function AcroMapping(props: {
  template: LetterTemplateDetail
  fields: AcroTemplateField[]
  onChange: (fields: AcroTemplateField[]) => void
}) {
  const { pick } = useI18n()
  const options = useDataItemOptions()
  const itemOf = (fieldName: string) =>
    props.fields.find((f) => f.fieldName === fieldName)?.dataItem ?? null
  const set = (fieldName: string, value: string | null) => {
    const rest = props.fields.filter((f) => f.fieldName !== fieldName)
    props.onChange(isDataItem(value) ? [...rest, { fieldName, dataItem: value }] : rest)
  }
  return (
    <Table data-testid="acro-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{pick('表单字段', 'Form field')}</Table.Th>
          <Table.Th>{pick('填写的数据项', 'Data item')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.template.acroFields.map((fieldName) => (
          <Table.Tr key={fieldName}>
            <Table.Td>{fieldName}</Table.Td>
            <Table.Td>
              <Select
                aria-label={`${fieldName} ${pick('数据项', 'data item')}`}
                placeholder={pick('（不填写）', '(leave empty)')}
                data={options}
                value={itemOf(fieldName)}
                onChange={(value) => set(fieldName, value)}
                clearable
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function FlatDesigner(props: {
  template: LetterTemplateDetail
  fields: FlatTemplateField[]
  onChange: (fields: FlatTemplateField[]) => void
  /** 保存模板 and its outcome: at the top of the column beside the page, above the fields. */
  aside: ReactNode
}) {
  const api = useApi()
  const { pick } = useI18n()
  const options = useDataItemOptions()
  const [pageNo, setPageNo] = useState(1)
  const [loaded, setLoaded] = useState<{ page: number; src: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const imageRef = useRef<HTMLImageElement>(null)
  const image = loaded?.page === pageNo ? loaded.src : null
  const page = props.template.pages[pageNo - 1] ?? { width: 595.28, height: 841.89 }

  useEffect(() => {
    let live = true
    api['templates.pagePreview']({ id: props.template.id, page: pageNo }).then(
      (p) => {
        if (live) setLoaded({ page: pageNo, src: p.dataUrl })
      },
      (e: unknown) => setError(messageOf(e)),
    )
    return () => {
      live = false
    }
  }, [api, props.template.id, pageNo])

  const addAt = (event: React.MouseEvent<HTMLDivElement>) => {
    const img = imageRef.current
    if (!img) return
    const rect = img.getBoundingClientRect()
    const box = boxAtClick(
      event.clientX - rect.left,
      event.clientY - rect.top,
      { width: rect.width, height: rect.height },
      page,
    )
    const used = new Set(props.fields.map((f) => f.id))
    let n = props.fields.length + 1
    while (used.has(`f${n}`)) n++
    props.onChange([
      ...props.fields,
      { id: `f${n}`, dataItem: 'grantor.name', page: pageNo, ...box },
    ])
  }

  const update = (index: number, patch: Partial<FlatTemplateField>) =>
    props.onChange(props.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)))

  const labelOf = (item: string) => options.find((o) => o.value === item)?.label ?? item

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {pick(
          '在页面上点击要填写的那一行（文字的起点）：会放置一个 180×24 pt 的文本框，填入的文字落在这一行上；在右侧表格中选择数据项、微调位置和大小（单位 pt，原点在页面左下角）。',
          'Click the line where text should go, where it should start: a 180×24 pt box is placed so the text sits on that line. Choose its data item and adjust position and size in the table beside the page (points, origin bottom left).',
        )}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {props.template.pageCount > 1 && (
        <Pagination total={props.template.pageCount} value={pageNo} onChange={setPageNo} />
      )}
      {/* The page and, beside it, 保存模板 and the field table (issue 13 item 12). */}
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Box
          pos="relative"
          w={560}
          style={{
            flex: '0 0 560px',
            cursor: 'crosshair',
            border: '1px solid var(--mantine-color-gray-4)',
          }}
          onClick={addAt}
          data-testid="template-page"
        >
          {image ? (
            <Image
              ref={imageRef}
              src={image}
              alt={pick(`模板第 ${pageNo} 页`, `Template page ${pageNo}`)}
              draggable={false}
            />
          ) : (
            <Loader m="xl" />
          )}
          {image &&
            props.fields.map((f, i) => {
              if (f.page !== pageNo) return null
              const p = boxToPercent(f, page)
              return (
                <div
                  key={f.id}
                  data-testid="template-box"
                  style={{
                    position: 'absolute',
                    left: `${p.left}%`,
                    top: `${p.top}%`,
                    width: `${p.width}%`,
                    height: `${p.height}%`,
                    border: `1px solid ${insidePage(f, page) ? 'var(--mantine-color-blue-6)' : 'red'}`,
                    background: 'rgba(34, 139, 230, 0.12)',
                    pointerEvents: 'none',
                    fontSize: 11,
                    overflow: 'hidden',
                    whiteSpace: 'nowrap',
                    color: 'var(--mantine-color-blue-9)',
                  }}
                >
                  {i + 1}. {labelOf(f.dataItem)}
                </div>
              )
            })}
        </Box>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0, position: 'sticky', top: 0 }}>
          {props.aside}
          <Table data-testid="template-fields" verticalSpacing={4} horizontalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{pick('数据项', 'Data item')}</Table.Th>
                <Table.Th>{pick('页', 'Page')}</Table.Th>
                <Table.Th>x</Table.Th>
                <Table.Th>y</Table.Th>
                <Table.Th>{pick('宽', 'Width')}</Table.Th>
                <Table.Th>{pick('高', 'Height')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.fields.map((f, i) => (
                <Table.Tr key={f.id} data-testid="template-field-row">
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td miw={170}>
                    <Select
                      aria-label={pick(`第 ${i + 1} 个文本框的数据项`, `Data item of box ${i + 1}`)}
                      data={options}
                      value={f.dataItem}
                      allowDeselect={false}
                      onChange={(value) => {
                        if (isDataItem(value)) update(i, { dataItem: value })
                      }}
                    />
                  </Table.Td>
                  <Table.Td>{f.page}</Table.Td>
                  {(['x', 'y', 'width', 'height'] as const).map((key) => (
                    <Table.Td key={key} w={72}>
                      <NumberInput
                        size="xs"
                        aria-label={`${key} ${i + 1}`}
                        value={f[key]}
                        min={0}
                        decimalScale={1}
                        hideControls
                        onChange={(value) => {
                          if (typeof value === 'number') update(i, { [key]: value })
                        }}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={pick(`删除第 ${i + 1} 个文本框`, `Delete box ${i + 1}`)}
                      onClick={() => props.onChange(props.fields.filter((_, j) => j !== i))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {props.fields.length === 0 && (
            <Text size="sm" c="dimmed">
              {pick(
                '还没有文本框：在左侧页面上点击放置。',
                'No boxes yet: click the page on the left.',
              )}
            </Text>
          )}
        </Stack>
      </Group>
    </Stack>
  )
}
