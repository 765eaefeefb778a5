import { z } from 'zod'

// Validation messages reach users (IPC errors, CLI stderr): in Chinese.
z.config(z.locales.zhCN())

export { z }
