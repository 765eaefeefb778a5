import { useEffect, useMemo, useState } from 'react'
import { Badge, Button, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import {
  ID_DOCUMENT_KIND_LABELS,
  pickLabel,
  RELATION_TYPE_LABELS,
  TRADEMARK_STATUS_LABELS,
} from '../../../shared/i18n/labels'
import type { Company, PersonSummary, Relation, Trademark } from '../../../shared/library/schemas'
import { LIBRARY_PAPERS } from '../../../shared/rules/requirements'
import { useApi } from '../api/ApiContext'
import { useLoad, type Loaded } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { CompanyForm } from './CompanyForm'
import { DetailDrawer } from './DetailDrawer'
import { EntityTable, type Column } from './EntityTable'
import { ExpiryDashboard } from './ExpiryDashboard'
import { openPacket } from '../packets/openPacket'
import { LibraryEmptyState } from './LibraryEmptyState'
import { MaskedNumber } from './MaskedNumber'
import { PersonForm } from './PersonForm'
import { recordInHash } from './recordLink'
import { RecycleBin } from './RecycleBin'
import { RelationForm } from './RelationForm'
import { SearchResults } from './SearchResults'
import { TrademarkForm } from './TrademarkForm'
import { TrademarkLookup } from './TrademarkLookup'

type Tab = 'companies' | 'persons' | 'trademarks' | 'relations' | 'expiries' | 'recycle'
type Editing = {
  kind: 'company' | 'person' | 'trademark' | 'relation'
  id: string | null
  /** First run: the company saved, its detail opens at this import (the business licence). */
  thenImport?: string
} | null

const TAB_OF = {
  company: 'companies',
  person: 'persons',
  trademark: 'trademarks',
  relation: 'relations',
} as const satisfies Record<NonNullable<Editing>['kind'], Tab>

/** The business licence: the library paper a first company is made from (LIBRARY_PAPERS). */
const LICENCE = Object.keys(LIBRARY_PAPERS)[0]
type I18n = ReturnType<typeof useI18n>

const regionLabel = (region: Company['region'], { pick }: I18n) =>
  region === 'domestic' ? pick('境内', 'Domestic') : pick('境外', 'Foreign')
const idTypeLabel = (p: PersonSummary, { language }: I18n) =>
  p.idType ? pickLabel(ID_DOCUMENT_KIND_LABELS[p.idType].name, language) : '—'
const statusLabel = (x: Trademark, { language }: I18n) =>
  pickLabel(TRADEMARK_STATUS_LABELS[x.status], language)
const relationTypeLabel = (r: Relation, { language }: I18n) =>
  pickLabel(RELATION_TYPE_LABELS[r.type].name, language)

const companyColumns = (i18n: I18n): Column<Company>[] => [
  { header: i18n.pick('名称', 'Name'), cell: (c) => c.name },
  { header: i18n.pick('地区', 'Region'), cell: (c) => regionLabel(c.region, i18n) },
  {
    header: i18n.pick('统一社会信用代码', 'USCC'),
    td: { ff: 'monospace' },
    cell: (c) => (
      <>
        {c.uscc ?? '—'}{' '}
        {c.usccOverrideReason && (
          <Badge color="yellow" size="xs">
            {i18n.pick('校验未通过', 'check failed')}
          </Badge>
        )}
      </>
    ),
  },
]

const personColumns = (i18n: I18n): Column<PersonSummary>[] => [
  { header: i18n.pick('姓名', 'Name'), cell: (p) => p.name },
  { header: i18n.pick('证件', 'Document'), cell: (p) => idTypeLabel(p, i18n) },
  {
    header: i18n.pick('号码', 'Number'),
    cell: (p) => <MaskedNumber personId={p.id} masked={p.idNumberMasked} valid={p.idNumberValid} />,
  },
]

const trademarkColumns = (i18n: I18n): Column<Trademark>[] => [
  { header: i18n.pick('商标', 'Mark'), td: { fw: 600 }, cell: (x) => x.text },
  { header: i18n.pick('注册号', 'Reg. no.'), td: { ff: 'monospace' }, cell: (x) => x.regNo },
  { header: i18n.pick('类别', 'Class'), cell: (x) => x.class ?? '—' },
  { header: i18n.pick('注册人', 'Registrant'), cell: (x) => x.registrant.name },
  { header: i18n.pick('状态', 'Status'), cell: (x) => statusLabel(x, i18n) },
  { header: i18n.pick('有效期至', 'Valid until'), cell: (x) => x.validUntil ?? '—' },
]

const relationColumns = (i18n: I18n): Column<Relation>[] => [
  { header: i18n.pick('类型', 'Type'), cell: (r) => relationTypeLabel(r, i18n) },
  { header: i18n.pick('授权方 / 母公司', 'From'), cell: (r) => r.from.name },
  { header: i18n.pick('被授权方 / 子公司', 'To'), cell: (r) => r.to.name },
  {
    header: i18n.pick('有效期至', 'Valid until'),
    cell: (r) => r.validUntil ?? i18n.pick('长期', 'open-ended'),
  },
]

export function LibraryPage() {
  const api = useApi()
  const i18n = useI18n()
  const { pick, t } = i18n
  const [tab, setTab] = useState<Tab>('companies')
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState('')
  const [editing, setEditing] = useState<Editing>(null)
  const [detail, setDetail] = useState<Editing>(null)
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((v) => v + 1)

  // Opened at a record (`#/library/<kind>/<id>`): its tab and its drawer.
  useEffect(() => {
    const openFromHash = () => {
      const record = recordInHash()
      if (!record) return
      setTab(TAB_OF[record.kind])
      setDetail(record)
    }
    openFromHash()
    window.addEventListener('hashchange', openFromHash)
    return () => window.removeEventListener('hashchange', openFromHash)
  }, [])
  const closeDetail = () => {
    setDetail(null)
    // The same link opens the record again later.
    if (recordInHash()) window.history.replaceState(null, '', '#/library')
  }

  const companies = useLoad(() => api['companies.list']({}), [api, version])
  const persons = useLoad(() => api['persons.list']({}), [api, version])
  const trademarks = useLoad(() => api['trademarks.list']({}), [api, version])
  const relations = useLoad(() => api['relations.list']({}), [api, version])

  const company = (id: string | null) => companies.data?.find((c) => c.id === id) ?? null
  const person = (id: string | null) => persons.data?.find((p) => p.id === id) ?? null
  const trademark = (id: string | null) => trademarks.data?.find((x) => x.id === id) ?? null
  const relation = (id: string | null) => relations.data?.find((x) => x.id === id) ?? null

  const detailTitle = useMemo(() => {
    if (!detail) return ''
    if (detail.kind === 'company') return company(detail.id)?.name ?? ''
    if (detail.kind === 'person') return person(detail.id)?.name ?? ''
    if (detail.kind === 'trademark') return trademark(detail.id)?.text ?? ''
    const r = relation(detail.id)
    return r ? `${r.from.name} → ${r.to.name}` : ''
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [detail, companies.data, persons.data, trademarks.data, relations.data])

  /**
   * A saved record goes into its list at once, with its new version: editing it again before the
   * list is refetched starts from what was saved, not from the copy before (which would be refused).
   */
  const closeForm =
    <T extends { id: string }>(list: Loaded<T[]>) =>
    (saved: T | null) => {
      const then = editing?.thenImport
      setEditing(null)
      if (!saved) return
      if (then) setDetail({ kind: 'company', id: saved.id, thenImport: then })
      list.update((rows) =>
        rows?.some((row) => row.id === saved.id)
          ? rows.map((row) => (row.id === saved.id ? saved : row))
          : [...(rows ?? []), saved],
      )
      refresh()
    }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('library.title')}</Title>
        <TextInput
          placeholder={pick('搜索名称、号码、商标、备注…', 'Search names, numbers, marks, notes…')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          w={360}
          aria-label={pick('搜索资料库', 'Search the library')}
        />
      </Group>
      {query.trim() && (
        <SearchResults
          query={query}
          onOpen={(hit) => {
            // A document opens the record it is on, a letter its relation; a packet (or a
            // packet's own file) opens the packet on its page.
            const target = hit.kind === 'document' || hit.kind === 'letter' ? hit.owner : hit
            if (!target) return
            if (target.kind === 'packet') openPacket(target.id)
            else if (target.kind !== 'document' && target.kind !== 'letter')
              setDetail({ kind: target.kind, id: target.id })
          }}
          ownerName={(owner) => {
            if (owner.kind === 'company') return company(owner.id)?.name ?? null
            if (owner.kind === 'person') return person(owner.id)?.name ?? null
            if (owner.kind === 'trademark') return trademark(owner.id)?.text ?? null
            const r = owner.kind === 'relation' ? relation(owner.id) : null
            return r ? `${r.from.name} → ${r.to.name}` : null
          }}
        />
      )}
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'companies')}>
        <Tabs.List>
          <Tabs.Tab value="companies">{pick('公司', 'Companies')}</Tabs.Tab>
          <Tabs.Tab value="persons">{pick('自然人', 'Persons')}</Tabs.Tab>
          <Tabs.Tab value="trademarks">{pick('商标', 'Trademarks')}</Tabs.Tab>
          <Tabs.Tab value="relations">{pick('授权与关系', 'Relations')}</Tabs.Tab>
          <Tabs.Tab value="expiries">{pick('到期提醒', 'Expiries')}</Tabs.Tab>
          <Tabs.Tab value="recycle">{pick('回收站', 'Recycle bin')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>

      {['companies', 'persons', 'trademarks', 'relations'].includes(tab) && (
        <Group>
          <TextInput
            placeholder={pick('筛选当前列表', 'Filter this list')}
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            w={260}
          />
          <Button
            onClick={() =>
              setEditing({
                kind: (
                  {
                    companies: 'company',
                    persons: 'person',
                    trademarks: 'trademark',
                    relations: 'relation',
                  } as const
                )[tab as 'companies'],
                id: null,
              })
            }
          >
            {pick('新建', 'New')}
          </Button>
        </Group>
      )}

      {tab === 'companies' && companies.data?.length === 0 && (
        <LibraryEmptyState
          onNewCompany={() => setEditing({ kind: 'company', id: null })}
          onImportLicence={() =>
            setEditing({ kind: 'company', id: null, ...(LICENCE ? { thenImport: LICENCE } : {}) })
          }
        />
      )}
      {tab === 'companies' && (
        <EntityTable
          testId="companies-table"
          rows={companies.data ?? []}
          columns={companyColumns(i18n)}
          filterBy={(c) => [c.name, c.uscc, c.notes]}
          filter={filter}
          onOpen={(c) => setDetail({ kind: 'company', id: c.id })}
        />
      )}
      {tab === 'persons' && (
        <EntityTable
          testId="persons-table"
          rows={persons.data ?? []}
          columns={personColumns(i18n)}
          filterBy={(p) => [p.name, p.nationality, p.notes]}
          filter={filter}
          onOpen={(p) => setDetail({ kind: 'person', id: p.id })}
        />
      )}
      {tab === 'trademarks' && (
        <EntityTable
          testId="trademarks-table"
          rows={trademarks.data ?? []}
          columns={trademarkColumns(i18n)}
          filterBy={(x) => [x.text, x.regNo, x.registrant.name, x.notes]}
          filter={filter}
          onOpen={(x) => setDetail({ kind: 'trademark', id: x.id })}
        />
      )}
      {tab === 'relations' && (
        <EntityTable
          testId="relations-table"
          rows={relations.data ?? []}
          columns={relationColumns(i18n)}
          filterBy={(r) => [r.from.name, r.to.name, r.notes]}
          filter={filter}
          onOpen={(r) => setDetail({ kind: 'relation', id: r.id })}
        />
      )}

      {tab === 'expiries' && (
        <ExpiryDashboard
          version={version}
          onOpen={(item) => {
            const { kind, id } = item.owner ?? { kind: item.kind, id: item.id }
            if (kind !== 'packet' && kind !== 'document') setDetail({ kind, id })
          }}
        />
      )}
      {tab === 'recycle' && <RecycleBin version={version} onRestored={refresh} />}

      {[companies.error, persons.error, trademarks.error, relations.error]
        .filter(Boolean)
        .map((e) => (
          <Text key={e} c="red">
            {e}
          </Text>
        ))}

      {detail && (
        <DetailDrawer
          kind={detail.kind}
          id={detail.id}
          title={detailTitle}
          {...(detail.thenImport ? { importing: detail.thenImport } : {})}
          onClose={closeDetail}
          onEdit={() => setEditing(detail)}
          onDeleted={() => {
            closeDetail()
            refresh()
          }}
        >
          <EntitySummary
            editing={detail}
            company={company(detail.id)}
            person={person(detail.id)}
            trademark={trademark(detail.id)}
            relations={(relations.data ?? []).filter(
              (r) => r.from.id === detail.id || r.to.id === detail.id,
            )}
            trademarks={(trademarks.data ?? []).filter((x) => x.registrant.id === detail.id)}
          />
        </DetailDrawer>
      )}

      {editing?.kind === 'company' && (
        <CompanyForm opened company={company(editing.id)} onClose={closeForm(companies)} />
      )}
      {editing?.kind === 'person' && (
        <PersonForm opened person={person(editing.id)} onClose={closeForm(persons)} />
      )}
      {editing?.kind === 'trademark' && (
        <TrademarkForm
          opened
          trademark={trademark(editing.id)}
          companies={companies.data ?? []}
          persons={persons.data ?? []}
          onClose={closeForm(trademarks)}
        />
      )}
      {editing?.kind === 'relation' && (
        <RelationForm
          opened
          relation={relation(editing.id)}
          companies={companies.data ?? []}
          persons={persons.data ?? []}
          onClose={closeForm(relations)}
        />
      )}
    </Stack>
  )
}

function EntitySummary(props: {
  editing: NonNullable<Editing>
  company: Company | null
  person: PersonSummary | null
  trademark: Trademark | null
  relations: Relation[]
  trademarks: Trademark[]
}) {
  const i18n = useI18n()
  const { pick } = i18n
  const rows: [string, string][] = []
  if (props.company) {
    const c = props.company
    rows.push(
      [pick('地区', 'Region'), regionLabel(c.region, i18n)],
      [pick('统一社会信用代码', 'USCC'), c.uscc ?? '—'],
      [pick('经营范围', 'Business scope'), c.businessScope || '—'],
    )
    if (c.usccOverrideReason)
      rows.push([pick('代码保留原因', 'USCC kept because'), c.usccOverrideReason])
  }
  if (props.person) {
    rows.push(
      [pick('证件', 'Document'), idTypeLabel(props.person, i18n)],
      [pick('号码', 'Number'), props.person.idNumberMasked ?? '—'],
    )
  }
  if (props.trademark) {
    const x = props.trademark
    rows.push(
      [pick('注册号', 'Reg. no.'), x.regNo],
      [pick('类别', 'Class'), String(x.class ?? '—')],
      [pick('注册人', 'Registrant'), x.registrant.name],
      [pick('状态', 'Status'), statusLabel(x, i18n)],
      [pick('有效期至', 'Valid until'), x.validUntil ?? '—'],
    )
    if (x.acceptanceDate) rows.push([pick('受理日期', 'Acceptance date'), x.acceptanceDate])
    rows.push([pick('查询日期', 'Query date'), x.queryDate ?? '—'])
  }
  return (
    <Stack gap="xs">
      <Table>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th w={160}>{k}</Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {props.trademark && <TrademarkLookup regNo={props.trademark.regNo} />}
      {props.trademarks.length > 0 && (
        <Text size="sm">
          {pick('名下商标：', 'Trademarks: ')}
          {props.trademarks.map((x) => `${x.text}（${x.regNo}）`).join('、')}
        </Text>
      )}
      {props.relations.length > 0 && (
        <Text size="sm">
          {pick('关系：', 'Relations: ')}
          {props.relations
            .map((r) => `${relationTypeLabel(r, i18n)} ${r.from.name} → ${r.to.name}`)
            .join('；')}
        </Text>
      )}
    </Stack>
  )
}
