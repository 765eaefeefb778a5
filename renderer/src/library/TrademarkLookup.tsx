import { useState, type ReactNode } from 'react'
import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/**
 * 在商标局网站查询 (issue 13 item 16): the registration number goes to the clipboard and the
 * CTMO query site opens in the system browser. The Electron app does both in its main process
 * (the page's own clipboard access is refused there); in the browser host the page opens the
 * same fixed address itself. The clerk pastes the number, checks the 商标流程 (e.g.
 * 转让受理通知打印发送 = transfer accepted) and keeps a screenshot as 商标查询截图.
 */
export function TrademarkLookup(props: {
  regNo: string
  /** After a look-up was started (the form fills 查询日期 with today). */
  onLookedUp?: () => void
  /** Shown before the button on its line (the form's 查询日期). */
  children?: ReactNode
}) {
  const api = useApi()
  const { pick } = useI18n()
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const regNo = props.regNo.trim()

  const lookUp = async () => {
    setBusy(true)
    setNotice(null)
    try {
      const result = await api['trademarks.openOfficeSearch']({ regNo })
      let copied = result.handled
      if (!result.handled) {
        window.open(result.url, '_blank', 'noopener,noreferrer')
        copied = await navigator.clipboard.writeText(result.regNo).then(
          () => true,
          () => false,
        )
      }
      setNotice(
        copied
          ? {
              ok: true,
              text: pick(
                `已复制注册号 ${result.regNo}，并在浏览器中打开了商标局查询网站：粘贴注册号查询，核对“商标流程”，可截图后作为“商标查询截图”导入。`,
                `Copied registration no. ${result.regNo} and opened the trademark office's search site in the browser: paste the number, check the status history, and import a screenshot as "Trademark query screenshot".`,
              ),
            }
          : {
              ok: false,
              text: pick(
                `已打开商标局查询网站，但未能复制注册号，请手动复制：${result.regNo}`,
                `Opened the trademark office's search site, but could not copy the number. Copy it by hand: ${result.regNo}`,
              ),
            },
      )
      props.onLookedUp?.()
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap={4}>
      <Group align="end" gap="sm">
        {props.children}
        <Button
          variant="light"
          disabled={regNo === '' || busy}
          loading={busy}
          onClick={() => void lookUp()}
          data-testid="trademark-lookup"
        >
          {pick('复制注册号并打开商标局查询', 'Copy number and open the trademark office search')}
        </Button>
      </Group>
      {regNo === '' && (
        <Text size="xs" c="dimmed">
          {pick('先填写注册号', 'Enter the registration number first')}
        </Text>
      )}
      {notice && (
        <Alert color={notice.ok ? 'blue' : 'yellow'} data-testid="trademark-lookup-notice">
          {notice.text}
        </Alert>
      )}
    </Stack>
  )
}
