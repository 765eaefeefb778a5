import { Alert, SegmentedControl, Stack, Text } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider'
import type { Draft } from './draft'

export function OtherStep(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const { pick } = useI18n()
  return (
    <Stack>
      <Text fw={600}>{pick('推广主体', 'Promoted subject')}</Text>
      <SegmentedControl
        value={props.draft.promotedSubject}
        onChange={(v) => props.onChange({ ...props.draft, promotedSubject: v })}
        data={[
          { value: 'none', label: pick('不推广网站/App', 'Neither') },
          { value: 'website', label: pick('网站', 'Website') },
          { value: 'app', label: pick('软件/App', 'App') },
        ]}
      />
      <Alert color="gray">
        <Text size="sm">
          {pick(
            '网站须提供工信部备案截图；软件/App 须提供软件著作权登记证书原件彩色扫描件（R13）。商标注册证、授权书等其他资质在“检查”一步逐项导入。',
            'A website needs its ICP filing screenshot; an app its software copyright certificate as a colour scan (R13). Trademark and authorization documents are imported item by item in the Check step.',
          )}
        </Text>
      </Alert>
    </Stack>
  )
}
