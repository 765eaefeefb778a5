import type { Status } from './types'

export { requirementLabel } from './requirement-derive'

export const STATUS_LABELS: Record<Status, { zh: string; en: string; color: string }> = {
  satisfied: { zh: '已满足', en: 'Satisfied', color: 'green' },
  fixable: { zh: '导出时自动处理', en: 'Fixed on export', color: 'blue' },
  missing: { zh: '缺少', en: 'Missing', color: 'orange' },
  invalid: { zh: '不可用', en: 'Invalid', color: 'red' },
}
