import { useState } from 'react'
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core'
import type { Submission } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { DateField } from '../ui/DateField'

/** Submissions of a packet with their rejection reasons, and what changed since a rejection. */
export function SubmissionsPanel(props: { packetId: string; today: string }) {
  const api = useApi()
  const { pick } = useI18n()
  const [version, setVersion] = useState(0)
  const list = useLoad(
    () => api['packets.submissions']({ id: props.packetId }),
    [api, props.packetId, version],
  )
  const [submittedOn, setSubmittedOn] = useState(props.today)
  const [result, setResult] = useState<Submission['result']>('pending')
  const [reasons, setReasons] = useState('')
  const [tags, setTags] = useState('')
  const [error, setError] = useState<string | null>(null)

  const record = async () => {
    setError(null)
    try {
      await api['packets.recordSubmission']({
        packetId: props.packetId,
        submittedOn,
        result,
        reasons,
        tags: tags.split(/[,，、\s]+/).filter(Boolean),
      })
      setReasons('')
      setTags('')
      setVersion((v) => v + 1)
    } catch (e) {
      setError(messageOf(e))
    }
  }

  return (
    <Stack>
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600}>{pick('记录一次提交', 'Record a submission')}</Text>
          <Group grow>
            <DateField
              label={pick('提交日期', 'Submitted on')}
              value={submittedOn}
              onChange={(e) => setSubmittedOn(e.currentTarget.value)}
            />
            <Select
              label={pick('审核结果', 'Result')}
              data={[
                { value: 'pending', label: pick('审核中', 'Pending') },
                { value: 'approved', label: pick('已通过', 'Approved') },
                { value: 'rejected', label: pick('被驳回', 'Rejected') },
              ]}
              value={result}
              onChange={(v) => setResult(v ?? 'pending')}
              allowDeselect={false}
            />
          </Group>
          {result === 'rejected' && (
            <>
              <Textarea
                label={pick('驳回原因（照抄平台审核意见）', 'Rejection reasons (as given)')}
                value={reasons}
                onChange={(e) => setReasons(e.currentTarget.value)}
                autosize
                minRows={2}
              />
              <TextInput
                label={pick('标签（逗号分隔，如：授权书过期, 头像）', 'Tags (comma separated)')}
                value={tags}
                onChange={(e) => setTags(e.currentTarget.value)}
              />
            </>
          )}
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button onClick={() => void record()}>{pick('保存记录', 'Save')}</Button>
          </Group>
        </Stack>
      </Card>
      {(list.data ?? []).map((s) => (
        <Card key={s.id} withBorder>
          <Group gap="xs">
            <Text fw={600}>{s.submittedOn}</Text>
            <Badge
              color={s.result === 'approved' ? 'green' : s.result === 'rejected' ? 'red' : 'gray'}
            >
              {s.result === 'approved'
                ? pick('已通过', 'Approved')
                : s.result === 'rejected'
                  ? pick('被驳回', 'Rejected')
                  : pick('审核中', 'Pending')}
            </Badge>
            {s.tags.map((t) => (
              <Badge key={t} variant="outline" size="sm">
                {t}
              </Badge>
            ))}
          </Group>
          {s.reasons && (
            <Text size="sm" mt={4}>
              {s.reasons}
            </Text>
          )}
          {s.result === 'rejected' && (
            <>
              <Text size="sm" fw={600} mt="xs">
                {pick('此后的改动：', 'Changed since:')}
              </Text>
              {s.changesSince.length === 0 ? (
                <Text size="sm" c="orange">
                  {pick(
                    '尚无改动——重新提交前请先按驳回原因修改。',
                    'Nothing changed yet — fix the rejection reasons before resubmitting.',
                  )}
                </Text>
              ) : (
                <List size="sm" data-testid="changes-since">
                  {s.changesSince.map((c) => (
                    <List.Item key={c.zh}>{pick(c.zh, c.en)}</List.Item>
                  ))}
                </List>
              )}
            </>
          )}
        </Card>
      ))}
    </Stack>
  )
}
