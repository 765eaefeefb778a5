import { Alert } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider'
import { useTeamStatus } from './useTeamStatus'

/** Shown above every page while the team library's server cannot be reached (issue 11 item 7). */
export function TeamBanner() {
  const { pick } = useI18n()
  const { status } = useTeamStatus()
  if (status?.mode !== 'team' || status.state !== 'offline') return null
  // 24-hour local time, as the clerks write it.
  const retry = status.retryAt ? new Date(status.retryAt).toTimeString().slice(0, 8) : null
  return (
    <Alert
      color="orange"
      mb="md"
      data-testid="team-offline"
      title={pick('团队资料库暂时连接不上', 'The team library is unreachable')}
    >
      {pick(
        `${status.message ?? '与服务器的连接已断开'}。程序会自动重试连接${retry ? `（下次：${retry}）` : ''}；连接恢复前，保存等操作不会执行，数据不会改动，表单中填写的内容会保留。`,
        `${status.message ?? 'The connection to the server was lost'}. Reconnecting automatically${retry ? ` (next try: ${retry})` : ''}; until then saves are not carried out, nothing changes, and what you typed stays in the form.`,
      )}
    </Alert>
  )
}
