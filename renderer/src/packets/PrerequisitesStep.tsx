import { Alert, Checkbox, Stack, Text } from '@mantine/core'
import type { Prerequisite } from '../../../shared/library/schemas'
import { useI18n } from '../i18n/I18nProvider'
import type { Draft } from './draft'

const ITEMS: { key: Prerequisite; zh: string; en: string; hintZh: string; hintEn: string }[] = [
  {
    key: 'xhsAccountWithPhone',
    zh: '已注册小红书账号并绑定手机号',
    en: 'Xiaohongshu account with a bound phone number',
    hintZh: '登录聚光平台须使用注册小红书账号时绑定的手机号。',
    hintEn: 'Juguang is entered with the phone number bound to the account.',
  },
  {
    key: 'professionalCertified',
    zh: '已完成专业号认证',
    en: 'Professional account (专业号) certified',
    hintZh: '认证后账号名称、头像和主体信息将自动获取，不可在聚光修改。',
    hintEn:
      'After certification the name, avatar and subject are fetched and cannot be changed in Juguang.',
  },
  {
    key: 'advertiserAccount',
    zh: '选择的是“广告主账号”（不是代理商账号）',
    en: 'Advertiser account chosen (not agency)',
    hintZh: '代理商账号须前往合作伙伴平台入驻，不走本流程。',
    hintEn: 'Agency accounts onboard on the partner platform instead.',
  },
]

export function PrerequisitesStep(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const { pick } = useI18n()
  const done = ITEMS.every((i) => props.draft.prerequisites[i.key])
  return (
    <Stack>
      {ITEMS.map((item) => (
        <Checkbox
          key={item.key}
          label={pick(item.zh, item.en)}
          description={pick(item.hintZh, item.hintEn)}
          checked={props.draft.prerequisites[item.key] ?? false}
          onChange={(e) =>
            props.onChange({
              ...props.draft,
              prerequisites: { ...props.draft.prerequisites, [item.key]: e.currentTarget.checked },
            })
          }
        />
      ))}
      {!done && (
        <Alert color="yellow">
          <Text size="sm">
            {pick(
              '以上前提未全部完成时，可以先准备材料，但暂时无法在聚光提交。',
              'You can prepare the packet now, but it cannot be submitted until all prerequisites are done.',
            )}
          </Text>
        </Alert>
      )}
    </Stack>
  )
}
