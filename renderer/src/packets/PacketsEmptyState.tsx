import { useState } from 'react'
import { Button, Card, Group, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { CompanyForm } from '../library/CompanyForm'

/**
 * An empty packet list says what comes first (issue 13 item 10): a packet is made for an applicant
 * company, so with none in the library the action is 先建公司 (then the new packet opens).
 */
export function PacketsEmptyState(props: { onNewPacket: () => void }) {
  const api = useApi()
  const { t, pick } = useI18n()
  const companies = useLoad(() => api['companies.list']({}), [api])
  const [creating, setCreating] = useState(false)
  const none = companies.data?.length === 0
  return (
    <Card withBorder data-testid="packets-empty">
      <Text c="dimmed">{t('packets.empty')}</Text>
      {none && (
        <Group mt="sm">
          <Text size="sm">
            {pick(
              '资质包需要一个申请主体：请先在资料库建公司。',
              'A packet needs an applicant: create the company first.',
            )}
          </Text>
          <Button size="xs" onClick={() => setCreating(true)}>
            {pick('先建公司', 'Create the company first')}
          </Button>
        </Group>
      )}
      {creating && (
        <CompanyForm
          opened
          company={null}
          onClose={(saved) => {
            setCreating(false)
            if (saved) props.onNewPacket()
          }}
        />
      )}
    </Card>
  )
}
