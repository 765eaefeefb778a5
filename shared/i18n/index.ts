import type { Language } from '../contract'
import { en } from './en'
import { zhCN, type MessageKey } from './zh-CN'

export type { MessageKey }

const catalogs: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

export function translate(language: Language, key: MessageKey): string {
  return catalogs[language][key]
}
