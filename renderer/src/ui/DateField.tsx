import { TextInput, type TextInputProps } from '@mantine/core'
import { isIsoDate } from '../../../shared/dates'
import { useI18n } from '../i18n/I18nProvider'

/**
 * A date typed and shown as YYYY-MM-DD in every language (issue 13 item 11): a text field, not the
 * browser's date picker, whose display follows the system locale (03/07/2026 in en-US). A value
 * that is not a real date is named at once; the form's own error (the backend's) comes first.
 */
export function DateField(props: TextInputProps & { value?: string }) {
  const { pick } = useI18n()
  const value = typeof props.value === 'string' ? props.value.trim() : ''
  const invalid = value !== '' && value.length >= 10 && !isIsoDate(value)
  return (
    <TextInput
      placeholder="YYYY-MM-DD"
      maxLength={10}
      inputMode="numeric"
      autoComplete="off"
      {...props}
      error={
        props.error ||
        (invalid
          ? pick('日期应为真实存在的日期，格式 YYYY-MM-DD', 'Enter a real date as YYYY-MM-DD')
          : undefined)
      }
    />
  )
}
