import type { MessageKey } from './zh-CN'

export const en: Record<MessageKey, string> = {
  'app.title': 'PacketDesk',
  'app.subtitle': '资质包工作台',
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
  'error.noToken':
    'The access token is missing. Open the full address printed in the terminal at start-up (it contains #token=…).',
  'error.unauthorized':
    'The access token is invalid (a restart makes a new one). Use the address the terminal printed last.',
  'error.network': 'Cannot reach the PacketDesk backend. Is the app still running?',
  'common.loading': 'Loading…',
  'common.retry': 'Retry',
}
