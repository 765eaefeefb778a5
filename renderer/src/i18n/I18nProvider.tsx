import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Language } from '../../../shared/contract'
import { translate, type MessageKey } from '../../../shared/i18n'

interface I18nValue {
  language: Language
  t: (key: MessageKey) => string
  /** Inline pair for one-off UI strings: Chinese first, English when switched. */
  pick: (zh: string, en: string) => string
}

const I18nContext = createContext<I18nValue>({
  language: 'zh-CN',
  t: (key) => translate('zh-CN', key),
  pick: (zh) => zh,
})

export function I18nProvider(props: { language: Language; children: ReactNode }) {
  const value = useMemo<I18nValue>(
    () => ({
      language: props.language,
      t: (key) => translate(props.language, key),
      pick: (zh, en) => (props.language === 'en' ? en : zh),
    }),
    [props.language],
  )
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>
}

export function useI18n(): I18nValue {
  return useContext(I18nContext)
}
