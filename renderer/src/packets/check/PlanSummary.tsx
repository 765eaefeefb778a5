import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core'
import type { Plan } from '../../../../shared/rules/types'
import { useI18n } from '../../i18n/I18nProvider'

/** What stops the packet, how it is submitted, and whether it is ready (the one definition). */
export function PlanSummary(props: { plan: Plan; asOf: string | null; formProblems: string[] }) {
  const { pick } = useI18n()
  const { plan } = props
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
      {props.formProblems.length > 0 && (
        <Alert
          color="orange"
          title={pick('表单尚未填完', 'The form is incomplete')}
          data-testid="form-problems"
        >
          <List size="sm">
            {props.formProblems.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Alert>
      )}
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
        <Badge size="lg" color={plan.ready ? 'green' : 'orange'} data-testid="ready-badge">
          {plan.ready
            ? pick('材料齐全，可以提交', 'Ready to submit')
            : pick('尚未齐全', 'Not ready')}
        </Badge>
        <Text size="sm" c="dimmed">
          {pick(`按 ${props.asOf ?? ''} 计算`, `As of ${props.asOf ?? ''}`)}
        </Text>
      </Group>
    </Stack>
  )
}
