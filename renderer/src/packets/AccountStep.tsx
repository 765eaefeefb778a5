import {
  Alert,
  Button,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { AvatarFitPreview } from './AvatarFitPreview'
import { NEW_OPTION, useCreateInPlace } from './CreateInPlace'
import type { Draft } from './draft'
import { AccountIndustrySelect, AccountTypeNote } from './AccountIndustry'

export function AccountStep(props: { draft: Draft; onChange: (draft: Draft) => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const { draft } = props
  const companies = useLoad(() => api['companies.list']({}), [api])
  const trademarks = useLoad(() => api['trademarks.list']({}), [api])
  const hits = useLoad(
    () => api['packets.trademarkHits']({ accountName: draft.accountName }),
    [api, draft.accountName],
  )
  const unused = (hits.data ?? []).filter((t) => !draft.trademarkIds.includes(t.id))
  const inPlace = useCreateInPlace({ companies, trademarks })
  const catalog = useLoad(() => api['industries.catalog']({}), [api])
  const applicant = (companies.data ?? []).find((c) => c.id === draft.applicantCompanyId)

  return (
    <Stack>
      <Select
        label={pick('申请主体（公司）', 'Applicant company')}
        data={[
          ...(companies.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          inPlace.companyOption,
        ]}
        value={draft.applicantCompanyId}
        onChange={(v) =>
          v === NEW_OPTION
            ? inPlace.create('company', (id) =>
                props.onChange({ ...draft, applicantCompanyId: id }),
              )
            : props.onChange({ ...draft, applicantCompanyId: v })
        }
        searchable
        required
      />
      <SegmentedControl
        value={draft.accountType}
        onChange={(v) => props.onChange({ ...draft, accountType: v })}
        data={[
          { value: 'enterprise', label: pick('企业主体', 'Enterprise') },
          { value: 'employee', label: pick('企业员工', 'Employee') },
        ]}
      />
      <AccountTypeNote accountType={draft.accountType} />
      <AccountIndustrySelect
        value={draft.accountIndustry}
        entries={catalog.data?.industries ?? []}
        businessScope={applicant ? applicant.businessScope : null}
        onChange={(accountIndustry) => props.onChange({ ...draft, accountIndustry })}
      />
      <TextInput
        label={pick('账号名字', 'Account name')}
        description={pick(
          '一般为公司名称、店铺名称；命中商标时须提供商标材料（R4）',
          'Usually the company or shop name; a trademark hit needs its documents (R4)',
        )}
        value={draft.accountName}
        onChange={(e) => props.onChange({ ...draft, accountName: e.currentTarget.value })}
        required
      />
      {unused.length > 0 && (
        <Alert
          color="blue"
          title={pick(
            '账号名字命中资料库中的商标',
            'The account name hits trademarks in the library',
          )}
        >
          <Stack gap={4}>
            {unused.map((t) => (
              <Group key={t.id} gap="xs">
                <Text>
                  {t.text}（{t.regNo}）— {t.registrant.name}
                </Text>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    props.onChange({ ...draft, trademarkIds: [...draft.trademarkIds, t.id] })
                  }
                >
                  {pick('加入资质包', 'Add to packet')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      <MultiSelect
        label={pick('使用的商标', 'Trademarks used')}
        data={[
          ...(trademarks.data ?? []).map((t) => ({
            value: t.id,
            label: `${t.text}（${t.regNo}）`,
          })),
          inPlace.trademarkOption,
        ]}
        value={draft.trademarkIds}
        onChange={(v) =>
          v.includes(NEW_OPTION)
            ? inPlace.create('trademark', (id) =>
                props.onChange({ ...draft, trademarkIds: [...draft.trademarkIds, id] }),
              )
            : props.onChange({ ...draft, trademarkIds: v })
        }
        searchable
      />
      <AvatarFitPreview draft={draft} onChange={props.onChange} />
      {inPlace.forms}
    </Stack>
  )
}
