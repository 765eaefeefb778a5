/**
 * The names of every contract method, without their schemas, so that the
 * preload (which runs sandboxed and should stay tiny) can expose exactly these
 * without bundling zod. `contract.ts` must define an entry for each, and only
 * these (enforced by its `satisfies` clause and by tests/unit/contract.test.ts).
 */
export const METHOD_NAMES = [
  'system.info',
  'settings.get',
  'system.backup',
  'system.restore',
  'team.status',
  'team.connect',
  'team.disconnect',
  'settings.setLanguage',
  'companies.list',
  'companies.save',
  'persons.list',
  'persons.save',
  'persons.revealIdNumber',
  'trademarks.list',
  'trademarks.save',
  'trademarks.openOfficeSearch',
  'settings.emailRecipient',
  'settings.setEmailRecipient',
  'relations.list',
  'relations.save',
  'documents.list',
  'documents.import',
  'documents.prefer',
  'documents.update',
  'files.thumbnail',
  'files.view',
  'reading.status',
  'reading.document',
  'reading.start',
  'reading.startAll',
  'reading.cancel',
  'reading.fill',
  'reading.crop',
  'library.deleteImpact',
  'library.delete',
  'library.search',
  'library.expiries',
  'recycle.list',
  'recycle.restore',
  'recycle.purge',
  'recycle.empty',
  'industries.catalog',
  'packets.list',
  'packets.save',
  'packets.plan',
  'packets.requirementTarget',
  'packets.trademarkHits',
  'packets.avatarPreview',
  'packets.recordSubmission',
  'packets.submissions',
  'overview.today',
  'overview.todayHead',
  'overview.todayExpiries',
  'packets.duplicate',
  'packets.archive',
  'letters.list',
  'letters.generate',
  'letters.markPrinted',
  'letters.pdf',
  'letters.combinedPdf',
  'letters.saveToFolder',
  'letters.generateForPacket',
  'letters.builtins',
  'letters.wording',
  'letters.saveWording',
  'exports.defaultDir',
  'exports.checkDir',
  'exports.run',
  'exports.openFolder',
  'industries.save',
  'industries.remove',
  'industries.userEdits',
  'templates.import',
  'templates.list',
  'templates.get',
  'templates.save',
  'templates.pagePreview',
  'templates.fill',
] as const

export type MethodName = (typeof METHOD_NAMES)[number]

export function isMethodName(value: string): value is MethodName {
  return (METHOD_NAMES as readonly string[]).includes(value)
}

/** The global name under which the preload exposes the bridge. */
export const BRIDGE_GLOBAL = 'packetdesk'

/** The one IPC channel main sends the backend's events on (webContents.send), to the preload. */
export const EVENT_CHANNEL = 'packetdesk:event'
