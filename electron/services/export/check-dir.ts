import { accessSync, constants, statSync, type Stats } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'

/**
 * Can an export go into this folder? (issue 13 item 20: the browser host has no native folder
 * dialog, so the typed path is checked as the clerk types.) The folder may not exist yet: then
 * its nearest existing parent must be a writable folder. Messages are the clerk's, in Chinese.
 */
export function checkExportDir(path: string): { ok: true } | { ok: false; message: string } {
  const trimmed = path.trim()
  if (!trimmed) return { ok: false, message: '请填写导出文件夹。' }
  if (!isAbsolute(trimmed) && !/^[A-Za-z]:[\\/]/.test(trimmed))
    return { ok: false, message: '请填写完整的文件夹路径（以 / 或盘符开头）。' }
  let probe = resolve(trimmed)
  for (;;) {
    const info = statOf(probe)
    if (info === 'missing') {
      const parent = dirname(probe)
      if (parent === probe) return { ok: false, message: '找不到这个文件夹所在的磁盘。' }
      probe = parent
      continue
    }
    if (!info.isDirectory())
      return {
        ok: false,
        message:
          probe === resolve(trimmed)
            ? '这是一个文件，不是文件夹。'
            : `路径中的“${probe}”是一个文件，不是文件夹。`,
      }
    try {
      accessSync(probe, constants.W_OK)
    } catch {
      return { ok: false, message: `没有写入“${probe}”的权限。` }
    }
    return { ok: true }
  }
}

function statOf(path: string): Stats | 'missing' {
  try {
    return statSync(path)
  } catch {
    return 'missing'
  }
}
