import type { MessageKey } from './zh-CN'

export const en: Record<MessageKey, string> = {
  'app.title': 'PacketDesk',
  'app.subtitle': '资质包工作台',
  'nav.today': 'Today',
  'nav.library': 'Library',
  'nav.packets': 'Packets',
  'nav.settings': 'Settings',
  'library.title': 'Library',
  'library.empty':
    'The library is empty. Companies, persons, trademarks and their scans will be managed here.',
  'packets.title': 'Packets',
  'packets.empty': "No packets yet. Each ad account's qualification packet will be prepared here.",
  'settings.title': 'Settings',
  'settings.language': 'Interface language',
  'settings.languageHint': 'Rule explanations stay in Chinese and cite their rule id.',
  'settings.saved': 'Saved',
  'settings.system': 'System information',
  'system.appVersion': 'App version',
  'system.dataDir': 'Data folder',
  'system.sqliteVersion': 'SQLite version',
  'system.schemaVersion': 'Database schema version',
  'error.title': 'Something went wrong',
  'error.unauthorized':
    'The access token is missing or no longer valid (a restart makes a new one). Open the full address the terminal printed last (with #token=…).',
  'error.network': 'Cannot reach the PacketDesk backend. Is the app still running?',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
}
