import { useState } from 'react'
import { Alert, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { useTeamStatus } from './useTeamStatus'

/**
 * 设置 → 团队资料库: connect this app to the team's PostgreSQL library (the address without the
 * password, the password apart) or go back to this computer's own library.
 */
export function TeamPanel() {
  const api = useApi()
  const { pick } = useI18n()
  const { status, refresh } = useTeamStatus()
  const [url, setUrl] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const act = async (work: () => Promise<unknown>) => {
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await work()
      setPassword('')
      refresh()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const team = status?.mode === 'team'
  return (
    <Stack gap="xs" data-testid="team-panel">
      <Text size="sm" c="dimmed">
        {pick(
          '几位文员共用一个资料库时，由管理员在 PostgreSQL 上建好团队资料库（cli team init）并为每人建登录（cli team add-clerk）。在这里填写地址和自己的密码即可连接；断开后回到本机资料库，两边的数据互不影响。',
          'When several clerks share one library, an administrator sets up the team library on PostgreSQL (cli team init) and a login for each clerk (cli team add-clerk). Connect here with the address and your own password; disconnecting returns to this computer’s own library. Neither is changed by the other.',
        )}
      </Text>
      {status && (
        <Group gap="xs">
          <Text size="sm">{pick('当前：', 'Now: ')}</Text>
          {team ? (
            <>
              <Badge color={status.state === 'online' ? 'green' : 'orange'}>
                {status.state === 'online'
                  ? pick('已连接', 'Connected')
                  : pick('连接中断', 'Offline')}
              </Badge>
              <Text size="sm" data-testid="team-url" style={{ wordBreak: 'break-all' }}>
                {status.url}（{pick('文员', 'clerk')} {status.user}）
              </Text>
            </>
          ) : (
            <Badge color="gray">{pick('本机资料库', 'This computer’s library')}</Badge>
          )}
        </Group>
      )}
      {team ? (
        <Group>
          <Button
            variant="default"
            loading={busy}
            onClick={() => void act(() => api['team.disconnect']({}))}
          >
            {pick('断开，回到本机资料库', 'Disconnect (back to this computer’s library)')}
          </Button>
          {!status.remembered && (
            <Text size="xs" c="dimmed">
              {pick(
                '浏览器版不保存密码：下次启动需重新连接。',
                'The browser version keeps no password: connect again next time.',
              )}
            </Text>
          )}
        </Group>
      ) : (
        <Group align="end">
          <TextInput
            label={pick('团队资料库地址（不含密码）', 'Team library address (no password)')}
            placeholder="postgres://wang_li@192.168.1.20:5432/packetdesk"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            w={420}
          />
          <PasswordInput
            label={pick('密码', 'Password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            w={200}
          />
          <Button
            loading={busy}
            disabled={url.trim() === '' || password === ''}
            onClick={() => void act(() => api['team.connect']({ url: url.trim(), password }))}
          >
            {pick('连接', 'Connect')}
          </Button>
        </Group>
      )}
      {!team && (
        <Text size="xs" c="dimmed">
          {pick(
            '桌面版把密码交给系统钥匙串加密保存；浏览器版只在本次运行中使用。',
            'The desktop app keeps the password encrypted by the system keychain; the browser version uses it for this run only.',
          )}
        </Text>
      )}
      {error && (
        <Alert color="red" data-testid="team-error">
          {error}
        </Alert>
      )}
    </Stack>
  )
}
