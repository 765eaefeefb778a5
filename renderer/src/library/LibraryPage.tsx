import { useMemo, useState } from 'react'
import { Badge, Button, Group, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core'
import type { Company, PersonSummary, Relation, Trademark } from '../../../shared/library/schemas'
import { ID_DOCUMENT_LABELS } from '../../../shared/validators'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { CompanyForm } from './CompanyForm'
import { DetailDrawer } from './DetailDrawer'
import { ExpiryDashboard } from './ExpiryDashboard'
import { MaskedNumber } from './MaskedNumber'
import { PersonForm } from './PersonForm'
import { RecycleBin } from './RecycleBin'
import { RELATION_TYPE_LABELS, RelationForm } from './RelationForm'
import { SearchResults } from './SearchResults'
import { TrademarkForm } from './TrademarkForm'

type Tab = 'companies' | 'persons' | 'trademarks' | 'relations' | 'expiries' | 'recycle'
type Editing = { kind: 'company' | 'person' | 'trademark' | 'relation'; id: string | null } | null

const STATUS_LABELS: Record<Trademark['status'], { zh: string; en: string }> = {
  registered: { zh: '已注册', en: 'Registered' },
  application_accepted: { zh: '申请受理中', en: 'Application accepted' },
  transfer_accepted: { zh: '转让受理中', en: 'Transfer accepted' },
}

export function LibraryPage() {
  const api = useApi()
  const { pick, t } = useI18n()
  const [tab, setTab] = useState<Tab>('companies')
  const [query, setQuery] = useState('')
  const [filter, setFilter] = useState('')
  const [editing, setEditing] = useState<Editing>(null)
  const [detail, setDetail] = useState<Editing>(null)
  const [version, setVersion] = useState(0)
  const refresh = () => setVersion((v) => v + 1)

  const companies = useLoad(() => api['companies.list']({}), [api, version])
  const persons = useLoad(() => api['persons.list']({}), [api, version])
  const trademarks = useLoad(() => api['trademarks.list']({}), [api, version])
  const relations = useLoad(() => api['relations.list']({}), [api, version])

  const match = (...texts: (string | null | undefined)[]) =>
    !filter || texts.some((x) => x?.toLowerCase().includes(filter.toLowerCase()))

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

  const closeForm = (saved: boolean) => {
    setEditing(null)
    if (saved) refresh()
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
          onOpen={(kind, id) => {
            if (kind !== 'document') setDetail({ kind, id })
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

      {tab === 'companies' && (
        <Table highlightOnHover data-testid="companies-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{pick('名称', 'Name')}</Table.Th>
              <Table.Th>{pick('地区', 'Region')}</Table.Th>
              <Table.Th>{pick('统一社会信用代码', 'USCC')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(companies.data ?? [])
              .filter((c: Company) => match(c.name, c.uscc, c.notes))
              .map((c) => (
                <Table.Tr
                  key={c.id}
                  onClick={() => setDetail({ kind: 'company', id: c.id })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>
                    {c.region === 'domestic' ? pick('境内', 'Domestic') : pick('境外', 'Foreign')}
                  </Table.Td>
                  <Table.Td ff="monospace">
                    {c.uscc ?? '—'}{' '}
                    {c.usccOverrideReason && (
                      <Badge color="yellow" size="xs">
                        {pick('校验未通过', 'check failed')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}

      {tab === 'persons' && (
        <Table highlightOnHover data-testid="persons-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{pick('姓名', 'Name')}</Table.Th>
              <Table.Th>{pick('证件', 'Document')}</Table.Th>
              <Table.Th>{pick('号码', 'Number')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(persons.data ?? [])
              .filter((p: PersonSummary) => match(p.name, p.nationality, p.notes))
              .map((p) => (
                <Table.Tr
                  key={p.id}
                  onClick={() => setDetail({ kind: 'person', id: p.id })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.idType ? ID_DOCUMENT_LABELS[p.idType] : '—'}</Table.Td>
                  <Table.Td>
                    <MaskedNumber
                      personId={p.id}
                      masked={p.idNumberMasked}
                      valid={p.idNumberValid}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}

      {tab === 'trademarks' && (
        <Table highlightOnHover data-testid="trademarks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{pick('商标', 'Mark')}</Table.Th>
              <Table.Th>{pick('注册号', 'Reg. no.')}</Table.Th>
              <Table.Th>{pick('类别', 'Class')}</Table.Th>
              <Table.Th>{pick('注册人', 'Registrant')}</Table.Th>
              <Table.Th>{pick('状态', 'Status')}</Table.Th>
              <Table.Th>{pick('有效期至', 'Valid until')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(trademarks.data ?? [])
              .filter((x: Trademark) => match(x.text, x.regNo, x.registrant.name, x.notes))
              .map((x) => (
                <Table.Tr
                  key={x.id}
                  onClick={() => setDetail({ kind: 'trademark', id: x.id })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td fw={600}>{x.text}</Table.Td>
                  <Table.Td ff="monospace">{x.regNo}</Table.Td>
                  <Table.Td>{x.class ?? '—'}</Table.Td>
                  <Table.Td>{x.registrant.name}</Table.Td>
                  <Table.Td>
                    {pick(STATUS_LABELS[x.status].zh, STATUS_LABELS[x.status].en)}
                  </Table.Td>
                  <Table.Td>{x.validUntil ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}

      {tab === 'relations' && (
        <Table highlightOnHover data-testid="relations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{pick('类型', 'Type')}</Table.Th>
              <Table.Th>{pick('授权方 / 母公司', 'From')}</Table.Th>
              <Table.Th>{pick('被授权方 / 子公司', 'To')}</Table.Th>
              <Table.Th>{pick('有效期至', 'Valid until')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(relations.data ?? [])
              .filter((r: Relation) => match(r.from.name, r.to.name, r.notes))
              .map((r) => (
                <Table.Tr
                  key={r.id}
                  onClick={() => setDetail({ kind: 'relation', id: r.id })}
                  style={{ cursor: 'pointer' }}
                >
                  <Table.Td>
                    {pick(RELATION_TYPE_LABELS[r.type].zh, RELATION_TYPE_LABELS[r.type].en)}
                  </Table.Td>
                  <Table.Td>{r.from.name}</Table.Td>
                  <Table.Td>{r.to.name}</Table.Td>
                  <Table.Td>{r.validUntil ?? pick('长期', 'open-ended')}</Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      )}

      {tab === 'expiries' && <ExpiryDashboard version={version} />}
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
          onClose={() => setDetail(null)}
          onEdit={() => setEditing(detail)}
          onDeleted={() => {
            setDetail(null)
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
        <CompanyForm opened company={company(editing.id)} onClose={closeForm} />
      )}
      {editing?.kind === 'person' && (
        <PersonForm opened person={person(editing.id)} onClose={closeForm} />
      )}
      {editing?.kind === 'trademark' && (
        <TrademarkForm
          opened
          trademark={trademark(editing.id)}
          companies={companies.data ?? []}
          persons={persons.data ?? []}
          onClose={closeForm}
        />
      )}
      {editing?.kind === 'relation' && (
        <RelationForm
          opened
          relation={relation(editing.id)}
          companies={companies.data ?? []}
          persons={persons.data ?? []}
          onClose={closeForm}
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
  const { pick } = useI18n()
  const rows: [string, string][] = []
  if (props.company) {
    const c = props.company
    rows.push(
      [
        pick('地区', 'Region'),
        c.region === 'domestic' ? pick('境内', 'Domestic') : pick('境外', 'Foreign'),
      ],
      [pick('统一社会信用代码', 'USCC'), c.uscc ?? '—'],
      [pick('经营范围', 'Business scope'), c.businessScope || '—'],
    )
    if (c.usccOverrideReason)
      rows.push([pick('代码保留原因', 'USCC kept because'), c.usccOverrideReason])
  }
  if (props.person) {
    rows.push(
      [
        pick('证件', 'Document'),
        props.person.idType ? ID_DOCUMENT_LABELS[props.person.idType] : '—',
      ],
      [pick('号码', 'Number'), props.person.idNumberMasked ?? '—'],
    )
  }
  if (props.trademark) {
    const x = props.trademark
    rows.push(
      [pick('注册号', 'Reg. no.'), x.regNo],
      [pick('类别', 'Class'), String(x.class ?? '—')],
      [pick('注册人', 'Registrant'), x.registrant.name],
      [pick('状态', 'Status'), pick(STATUS_LABELS[x.status].zh, STATUS_LABELS[x.status].en)],
      [pick('有效期至', 'Valid until'), x.validUntil ?? '—'],
    )
    if (x.acceptanceDate) rows.push([pick('受理日期', 'Acceptance date'), x.acceptanceDate])
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
            .map(
              (r) =>
                `${pick(RELATION_TYPE_LABELS[r.type].zh, RELATION_TYPE_LABELS[r.type].en)} ${r.from.name} → ${r.to.name}`,
            )
            .join('；')}
        </Text>
      )}
    </Stack>
  )
}
