import { z } from 'zod'

// Validation messages reach users (IPC errors, CLI stderr): in plain Chinese. zod's own zh-CN
// locale says 「期望 string，实际接收 undefined」; the common cases get a sentence instead.
const zhCN = z.locales.zhCN()
const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  date: '日期',
}

z.config({
  ...zhCN,
  localeError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined) return '必填，不能缺少'
        return `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${String(issue.minimum)} 个字`
        }
        if (issue.origin === 'array') return `至少 ${String(issue.minimum)} 项`
        return `不能小于 ${String(issue.minimum)}`
      case 'too_big':
        if (issue.origin === 'string') return `不能超过 ${String(issue.maximum)} 个字`
        if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`
        return `不能大于 ${String(issue.maximum)}`
      case 'invalid_value':
        return `只能是以下之一：${issue.values.map(String).join('、')}`
      case 'unrecognized_keys':
        return '不认识的字段'
      default:
        return zhCN.localeError(issue)
    }
  },
})

export { z }
