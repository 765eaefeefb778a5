import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import { requirementLabel, STATUS_LABELS } from '../../../../shared/rules/labels'
import { specOf } from '../../../../shared/rules/requirement-derive'
import { readMismatchField } from '../../../../shared/rules/scan-checks'
import { RULE_SOURCES } from '../../../../shared/rules/sources'
import {
  isAnyOf,
  type Plan,
  type Requirement,
  type RequirementRef,
} from '../../../../shared/rules/types'
import { useI18n } from '../../i18n/I18nProvider'
import { ReadMismatchLine } from './ReadMismatchLine'

const ORDER = { invalid: 0, missing: 1, fixable: 2, satisfied: 3 } as const

/** The read field an invalid requirement's reason is about when the scan contradicts the record. */
function mismatchField(r: Requirement): string | null {
  if (isAnyOf(r) || r.status !== 'invalid') return null
  for (const reason of r.reasons) {
    const field = readMismatchField(r.id, reason)
    if (field) return field
  }
  return null
}

/** Every requirement of the plan, blockers' items first, each with its rule and a button. */
export function PlanTable(props: {
  plan: Plan
  subjectLabel: (subject: string) => string
  onOpen: (ref: RequirementRef) => void
  busy: boolean
  /** The saved packet: where its documents are, to show the scan's line beside a mismatch. */
  packet?: { id: string; applicantCompanyId: string } | undefined
}) {
  const { pick, language } = useI18n()
  const named = (ref: RequirementRef) =>
    `${requirementLabel(ref.id, language)}${ref.subject ? `（${props.subjectLabel(ref.subject)}）` : ''}`
  const label = (r: Requirement) =>
    isAnyOf(r) ? r.anyOf.map(named).join(pick(' 或 ', ' or ')) : named(r)
  const buttonText = (r: Requirement, ref: RequirementRef, count: number) => {
    if (count > 1) return requirementLabel(ref.id, language)
    if (r.status === 'satisfied') return pick('查看', 'View')
    return specOf(ref.id)?.letter
      ? pick('生成 / 导入', 'Generate / import')
      : pick('导入文件', 'Import')
  }
  const sorted = [...props.plan.requirements].sort((a, b) => ORDER[a.status] - ORDER[b.status])

  return (
    <Table data-testid="plan-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{pick('材料', 'Document')}</Table.Th>
          {/* Widths keep the badges whole beside long notes (a scan's line, many reasons). */}
          <Table.Th w={130}>{pick('状态', 'Status')}</Table.Th>
          <Table.Th w={70}>{pick('规则', 'Rule')}</Table.Th>
          <Table.Th>{pick('说明', 'Notes')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((r) => {
          const refs: RequirementRef[] = isAnyOf(r) ? r.anyOf : [{ id: r.id, subject: r.subject }]
          const status = STATUS_LABELS[r.status]
          const field = mismatchField(r)
          return (
            <Table.Tr key={JSON.stringify(refs)} data-testid="plan-row">
              <Table.Td>{label(r)}</Table.Td>
              <Table.Td>
                <Badge color={status.color}>{pick(status.zh, status.en)}</Badge>
              </Table.Td>
              <Table.Td>
                <Tooltip label={RULE_SOURCES[r.rule]} multiline w={360}>
                  <Badge variant="outline">{r.rule}</Badge>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.reasons.join('；')}</Text>
                {!isAnyOf(r) && r.documents && r.documents.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {r.documents.join('、')}
                  </Text>
                )}
                {field && props.packet && !isAnyOf(r) && (
                  <ReadMismatchLine
                    packet={props.packet}
                    requirement={{ id: r.id, subject: r.subject }}
                    field={field}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {refs.map((ref) => (
                    <Button
                      key={ref.id}
                      size="xs"
                      variant={r.status === 'satisfied' ? 'subtle' : 'light'}
                      disabled={props.busy}
                      onClick={() => props.onOpen(ref)}
                    >
                      {buttonText(r, ref, refs.length)}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
