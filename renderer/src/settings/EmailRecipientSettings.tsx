import { useEffect, useState } from 'react'
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { emailRecipientProblem } from '../../../shared/platform/links'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/**
 * 设置 → 邮件提交收件地址 (issue 13 item 17). The email route (R8) packs a mail draft; the help
 * page gives no address to send it to, so none is built in: empty until the clerk enters the one
 * the platform gave them. The export's mail draft and its checklist use it.
 */
export function EmailRecipientSettings() {
  const api = useApi()
  const { pick } = useI18n()
  const [value, setValue] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api['settings.emailRecipient']({}).then(
      ({ address }) => {
        setSaved(address)
        setValue(address ?? '')
      },
      (e: unknown) => setError(messageOf(e)),
    )
  }, [api])

  const save = async () => {
    setDone(false)
    const problem = emailRecipientProblem(value)
    if (problem) {
      setError(
        pick(
          problem,
          'Not a valid email address (it should look like name@example.com). Nothing was saved.',
        ),
      )
      return
    }
    setBusy(true)
    try {
      const { address } = await api['settings.setEmailRecipient']({ address: value })
      setSaved(address)
      setValue(address ?? '')
      setError(null)
      setDone(true)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {pick(
          '境外主体走邮件提交时，导出的邮件草稿会填上这个收件地址。平台帮助页没有给出邮件提交的收件地址，本程序也不内置：请填写平台（或对接人）告诉您的地址；留空则草稿不填收件人。',
          "On the email route, the exported mail draft is addressed to this recipient. The platform's help page gives no address for the email route and none is built in: enter the one the platform (or your contact) gave you; leave it empty to leave the draft unaddressed.",
        )}
      </Text>
      <Group align="end">
        <TextInput
          label={pick('邮件提交收件地址', 'Email route recipient')}
          placeholder="name@example.com"
          value={value}
          onChange={(e) => {
            setValue(e.currentTarget.value)
            setDone(false)
          }}
          error={error}
          w={360}
          data-testid="email-recipient"
        />
        <Button
          onClick={() => void save()}
          loading={busy}
          disabled={busy || value.trim() === (saved ?? '')}
        >
          {pick('保存', 'Save')}
        </Button>
      </Group>
      {done && (
        <Alert color="green" data-testid="email-recipient-saved">
          {saved
            ? pick(`已保存：邮件草稿将发往 ${saved}`, `Saved: mail drafts go to ${saved}`)
            : pick('已清除：邮件草稿不填收件人', 'Cleared: mail drafts have no recipient')}
        </Alert>
      )}
    </Stack>
  )
}
