import { useState } from 'react'
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core'
import type { OwnerKind, Relation } from '../../../shared/library/schemas'
import { requirementLabel, STATUS_LABELS } from '../../../shared/rules/labels'
import { RULE_SOURCES } from '../../../shared/rules/sources'
import {
  isAnyOf,
  type Plan,
  type Requirement,
  type RequirementRef,
} from '../../../shared/rules/types'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { DocumentsPanel } from '../library/DocumentsPanel'
import type { Draft } from './draft'
import { LetterPanel } from './LetterPanel'

interface Target {
  ownerKind: OwnerKind
  ownerId: string
  requirement: string
  subject?: string
  title: string
  /** Letters can be generated here (R9–R11) before their signed scan exists. */
  letter?: boolean
}

const RELATION_TYPE: Partial<Record<string, Relation['type']>> = {
  authorization_letter: 'authorization',
  general_agency_authorization: 'general_agency',
  parent_subsidiary_proof: 'parent_subsidiary',
}

export function CheckStep(props: {
  draft: Draft
  plan: Plan | null
  asOf: string | null
  error: string | null
  onChanged: () => void
}) {
  const api = useApi()
  const { pick, language } = useI18n()
  const [target, setTarget] = useState<Target | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [parentChoice, setParentChoice] = useState<{
    ref: RequirementRef
    a: string
    b: string
  } | null>(null)
  const [batch, setBatch] = useState<{ done: number; total: number; failures: string[] } | null>(
    null,
  )
  const relations = useLoad(() => api['relations.list']({}), [api, props.plan])
  const names = useLoad(async () => {
    const [companies, persons, trademarks] = await Promise.all([
      api['companies.list']({}),
      api['persons.list']({}),
      api['trademarks.list']({}),
    ])
    return new Map<string, string>([
      ...companies.map((c): [string, string] => [c.id, c.name]),
      ...persons.map((p): [string, string] => [p.id, p.name]),
      ...trademarks.map((t): [string, string] => [t.id, `“${t.text}”`]),
    ])
  }, [api])
  /** `tm-…` → “青禾”, `a->b` → A → B, `a<->b` → A ↔ B. */
  const subjectLabel = (subject: string): string => {
    const name = (id: string) => names.data?.get(id) ?? id
    if (subject.includes('<->')) return subject.split('<->').map(name).join(' ↔ ')
    if (subject.includes('->')) return subject.split('->').map(name).join(' → ')
    return names.data?.get(subject) ?? subject
  }
  const { plan } = props

  /** Where a requirement's file lives in the library, creating a declared relation if needed. */
  const openTarget = async (
    ref: RequirementRef,
    parentChosen?: { parent: string; child: string },
  ) => {
    setActionError(null)
    const title = requirementLabel(ref.id, language)
    const packetId = props.draft.id ?? ''
    if (
      ref.id === 'avatar' ||
      ref.id === 'icp_filing_screenshot' ||
      ref.id === 'software_copyright_certificate'
    ) {
      setTarget({ ownerKind: 'packet', ownerId: packetId, requirement: ref.id, title })
    } else if (ref.id === 'industry_qualification') {
      setTarget({
        ownerKind: 'company',
        ownerId: props.draft.applicantCompanyId ?? '',
        requirement: ref.id,
        subject: ref.subject,
        title: `${title}：${ref.subject}`,
      })
    } else if (ref.id.startsWith('trademark_')) {
      setTarget({ ownerKind: 'trademark', ownerId: ref.subject, requirement: ref.id, title })
    } else if (ref.id === 'registrant_id_copy') {
      setTarget({ ownerKind: 'person', ownerId: ref.subject, requirement: ref.id, title })
    } else {
      const type = RELATION_TYPE[ref.id]
      if (!type) return
      const [from, to] = ref.subject.includes('<->')
        ? ref.subject.split('<->')
        : ref.subject.split('->')
      const found = (relations.data ?? []).find(
        (r) =>
          r.type === type &&
          ((r.from.id === from && r.to.id === to) ||
            (type === 'parent_subsidiary' && r.from.id === to && r.to.id === from)),
      )
      // The subject of a parent–subsidiary proof is unordered: ask which is the parent.
      if (!found && type === 'parent_subsidiary' && !parentChosen) {
        setParentChoice({ ref, a: from ?? '', b: to ?? '' })
        return
      }
      try {
        const [source, target] = parentChosen
          ? [parentChosen.parent, parentChosen.child]
          : [from, to]
        const relation =
          found ??
          (await api['relations.save']({
            type,
            from: { kind: source?.startsWith('pe-') ? 'person' : 'company', id: source ?? '' },
            toCompanyId: target ?? '',
          }))
        setTarget({
          ownerKind: 'relation',
          ownerId: relation.id,
          requirement: ref.id,
          title: `${title}：${relation.from.name} → ${relation.to.name}`,
          letter: true,
        })
      } catch (e) {
        setActionError(messageOf(e))
      }
    }
  }

  /** Batch: generate every letter the plan still needs, one after another. */
  const generateAll = async () => {
    if (!plan) return
    setActionError(null)
    const wanted = plan.requirements.filter(
      (r): r is Extract<Requirement, { id: string }> =>
        !isAnyOf(r) &&
        RELATION_TYPE[r.id] !== undefined &&
        (r.status === 'missing' || r.status === 'invalid'),
    )
    setBatch({ done: 0, total: wanted.length, failures: [] })
    const failures: string[] = []
    for (const [index, r] of wanted.entries()) {
      const type = RELATION_TYPE[r.id]
      const [from, to] = r.subject.includes('<->') ? r.subject.split('<->') : r.subject.split('->')
      const found = (relations.data ?? []).find(
        (x) =>
          x.type === type &&
          ((x.from.id === from && x.to.id === to) ||
            (type === 'parent_subsidiary' && x.from.id === to && x.to.id === from)),
      )
      try {
        if (!found)
          throw new Error(
            pick('资料库中还没有登记这条关系', 'The relation is not in the library yet'),
          )
        await api['letters.generate']({
          relationId: found.id,
          ...(props.draft.id ? { packetId: props.draft.id } : {}),
        })
      } catch (e) {
        failures.push(
          `${requirementLabel(r.id, language)}（${subjectLabel(r.subject)}）：${messageOf(e)}`,
        )
      }
      setBatch({ done: index + 1, total: wanted.length, failures: [...failures] })
    }
    props.onChanged()
  }

  if (props.error) return <Alert color="red">{props.error}</Alert>
  if (!plan) return <Text c="dimmed">{pick('正在计算…', 'Computing…')}</Text>

  const label = (r: Requirement) =>
    isAnyOf(r)
      ? r.anyOf
          .map((a) => `${requirementLabel(a.id, language)}（${subjectLabel(a.subject)}）`)
          .join(pick(' 或 ', ' or '))
      : `${requirementLabel(r.id, language)}${r.subject ? `（${subjectLabel(r.subject)}）` : ''}`
  const order = { invalid: 0, missing: 1, fixable: 2, satisfied: 3 }
  const sorted = [...plan.requirements].sort((a, b) => order[a.status] - order[b.status])

  return (
    <Stack>
      {plan.blockers.map((b) => (
        <Alert
          key={`${b.rule}${b.subject}`}
          color="red"
          title={`${b.rule} · ${pick('暂不能提交', 'Cannot submit yet')}`}
          data-testid="blocker"
        >
          {b.message}
          {b.until && (
            <Text fw={700}>
              {pick(`可于 ${b.until} 起提交`, `May be submitted from ${b.until}`)}
            </Text>
          )}
        </Alert>
      ))}
      {plan.route === 'email' && (
        <Alert
          color="orange"
          title={pick('须邮件申请', 'Apply by email')}
          data-testid="email-route"
        >
          {pick(
            '申请主体为境外公司：商标关系材料不在聚光表单上传，须通过邮件提交（R8）。导出时将生成邮件草稿。',
            'The applicant is a foreign company: the link documents are emailed, not uploaded (R8). Export will prepare the email.',
          )}
        </Alert>
      )}
      <Group>
        <Badge size="lg" color={plan.ready ? 'green' : 'orange'}>
          {plan.ready
            ? pick('材料齐全，可以提交', 'Ready to submit')
            : pick('尚未齐全', 'Not ready')}
        </Badge>
        <Text size="sm" c="dimmed">
          {pick(`按 ${props.asOf ?? ''} 计算`, `As of ${props.asOf ?? ''}`)}
        </Text>
      </Group>
      {plan.requirements.some(
        (r) => !isAnyOf(r) && RELATION_TYPE[r.id] && r.status !== 'satisfied',
      ) && (
        <Group>
          <Button variant="light" onClick={() => void generateAll()}>
            {pick('生成全部授权书', 'Generate all letters')}
          </Button>
          {batch && (
            <Text size="sm" data-testid="letter-batch">
              {pick(`已完成 ${batch.done} / ${batch.total}`, `${batch.done} / ${batch.total} done`)}
            </Text>
          )}
        </Group>
      )}
      {batch?.failures.map((f) => (
        <Text key={f} size="sm" c="red">
          {f}
        </Text>
      ))}
      {actionError && <Alert color="red">{actionError}</Alert>}
      <Table data-testid="plan-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{pick('材料', 'Document')}</Table.Th>
            <Table.Th>{pick('状态', 'Status')}</Table.Th>
            <Table.Th>{pick('规则', 'Rule')}</Table.Th>
            <Table.Th>{pick('说明', 'Notes')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((r) => {
            const refs: RequirementRef[] = isAnyOf(r) ? r.anyOf : [{ id: r.id, subject: r.subject }]
            return (
              <Table.Tr key={JSON.stringify(refs)} data-testid="plan-row">
                <Table.Td>{label(r)}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_LABELS[r.status].color}>
                    {pick(STATUS_LABELS[r.status].zh, STATUS_LABELS[r.status].en)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={RULE_SOURCES[r.rule]} multiline w={360}>
                    <Badge variant="outline">{r.rule}</Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.reasons.join('；')}</Text>
                  {!isAnyOf(r) &&
                    r.id === 'industry_qualification' &&
                    r.documents &&
                    r.documents.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {r.documents.join('、')}
                      </Text>
                    )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {refs.map((ref) => (
                      <Button
                        key={ref.id}
                        size="xs"
                        variant={r.status === 'satisfied' ? 'subtle' : 'light'}
                        onClick={() => void openTarget(ref)}
                      >
                        {refs.length > 1
                          ? requirementLabel(ref.id, language)
                          : r.status === 'satisfied'
                            ? pick('查看', 'View')
                            : RELATION_TYPE[ref.id]
                              ? pick('生成 / 导入', 'Generate / import')
                              : pick('导入文件', 'Import')}
                      </Button>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {plan.warnings.length > 0 && (
        <Alert color="yellow" title={pick('提醒', 'Warnings')}>
          <Stack gap={2}>
            {plan.warnings.map((w) => (
              <Text key={`${w.rule}${w.subject}${w.message}`} size="sm">
                {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Modal
        opened={parentChoice !== null}
        onClose={() => setParentChoice(null)}
        title={pick('哪一方是母公司？', 'Which is the parent company?')}
      >
        {parentChoice && (
          <Group>
            {[
              [parentChoice.a, parentChoice.b],
              [parentChoice.b, parentChoice.a],
            ].map(([parent, child]) => (
              <Button
                key={parent}
                variant="light"
                onClick={() => {
                  const choice = parentChoice
                  setParentChoice(null)
                  void openTarget(choice.ref, { parent: parent ?? '', child: child ?? '' })
                }}
              >
                {pick(
                  `${subjectLabel(parent ?? '')} 是母公司`,
                  `${subjectLabel(parent ?? '')} is the parent`,
                )}
              </Button>
            ))}
          </Group>
        )}
      </Modal>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target?.title}
        size="xl"
      >
        {target?.letter && (
          <LetterPanel
            relationId={target.ownerId}
            requirement={target.requirement}
            {...(props.draft.id ? { packetId: props.draft.id } : {})}
            onChanged={props.onChanged}
          />
        )}
        {target && !target.letter && (
          <DocumentsPanel
            ownerKind={target.ownerKind}
            ownerId={target.ownerId}
            requirement={target.requirement}
            {...(target.subject !== undefined ? { subject: target.subject } : {})}
            onImported={props.onChanged}
          />
        )}
      </Modal>
    </Stack>
  )
}
