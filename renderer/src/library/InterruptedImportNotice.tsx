import { useEffect, useState } from 'react'
import { Alert, Button, Text } from '@mantine/core'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { useApi } from '../api/ApiContext'
import { useI18n } from '../i18n/I18nProvider'
import {
  loadPendingImport,
  savePendingImport,
  STALE_AFTER_MS,
  type PendingImport,
} from './pendingImport'

/** A left batch: one still beating belongs to an import running in another tab. */
function leftImport(): PendingImport | null {
  const stored = loadPendingImport()
  return stored && Date.now() - stored.beatAt > STALE_AFTER_MS ? stored : null
}

const OWNER_KIND_LABELS = {
  company: { zh: '公司', en: 'company' },
  person: { zh: '自然人', en: 'person' },
  trademark: { zh: '商标', en: 'trademark' },
  relation: { zh: '授权与关系', en: 'relation' },
  packet: { zh: '资质包', en: 'packet' },
} as const

/**
 * An import the clerk left by closing the tab (issue 13 item 6): the files not imported, where they
 * were going, until dismissed. Files that did arrive (their request finished as the tab closed)
 * are dropped from the list by their names on the record.
 */
export function InterruptedImportNotice() {
  const api = useApi()
  const { pick, language } = useI18n()
  const [pending, setPending] = useState<PendingImport | null>(() => leftImport())

  useEffect(() => {
    const stored = leftImport()
    if (!stored) return
    let live = true
    api['documents.list']({ ownerKind: stored.ownerKind, ownerId: stored.ownerId }).then(
      (docs) => {
        const arrived = new Set(docs.map((d) => d.file?.originalName))
        const names = stored.names.filter((n) => !arrived.has(n))
        const next = names.length > 0 ? { ...stored, names } : null
        savePendingImport(next)
        if (live) setPending(next)
      },
      // The record is gone (or the backend away): the reminder stays as it was.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api])

  if (!pending) return null
  const kind = OWNER_KIND_LABELS[pending.ownerKind]
  return (
    <Alert
      color="yellow"
      title={pick('上次的导入没有完成', 'The last import did not finish')}
      data-testid="interrupted-import"
      mb="sm"
    >
      <Text size="sm">
        {pick(
          `页面在导入时被关闭，${pending.names.length} 个文件没有导入（${kind.zh}记录，用途“${requirementLabel(pending.requirement, language)}”）：${pending.names.join('、')}。请重新导入这些文件。`,
          `The page was closed during an import: ${pending.names.length} file(s) were not imported (a ${kind.en} record, as “${requirementLabel(pending.requirement, language)}”): ${pending.names.join(', ')}. Please import them again.`,
        )}
      </Text>
      <Button
        size="compact-xs"
        variant="subtle"
        mt={4}
        onClick={() => {
          savePendingImport(null)
          setPending(null)
        }}
      >
        {pick('知道了', 'Dismiss')}
      </Button>
    </Alert>
  )
}
