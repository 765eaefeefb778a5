/** zh-CN is the reference catalog: every other language must have the same keys. */
export const zhCN = {
  'app.title': '资质包工作台',
  'app.subtitle': 'PacketDesk',
  'nav.today': '今日',
  'nav.library': '资料库',
  'nav.packets': '资质包',
  'nav.settings': '设置',
  'library.title': '资料库',
  'library.empty': '资料库还是空的。公司、自然人、商标及其证件扫描件将在这里管理。',
  'packets.title': '资质包',
  'packets.empty': '还没有资质包。每个广告账户的推广资质认证材料将在这里准备。',
  'settings.title': '设置',
  'settings.language': '界面语言',
  'settings.languageHint': '规则说明始终使用中文，并注明规则编号。',
  'settings.saved': '已保存',
  'settings.system': '系统信息',
  'system.appVersion': '程序版本',
  'system.dataDir': '数据文件夹',
  'system.sqliteVersion': 'SQLite 版本',
  'system.schemaVersion': '数据库结构版本',
  'error.title': '出错了',
  'error.unauthorized':
    '缺少访问令牌，或令牌已失效（程序重启后会生成新令牌）。请使用终端里最新打印的完整地址（包含 #token=…）打开本页面。',
  'error.network': '无法连接到 PacketDesk 后台，请确认程序仍在运行。',
  'common.loading': '正在加载…',
  'common.retry': '重试',
} as const

export type MessageKey = keyof typeof zhCN
