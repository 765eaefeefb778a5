import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { AppError } from '../../../shared/errors'

/** Show a folder in the OS file manager (Explorer, Finder, the desktop's default). */
export function openFolder(path: string, platform: NodeJS.Platform = process.platform): void {
  let isDir: boolean
  try {
    isDir = statSync(path).isDirectory()
  } catch {
    isDir = false
  }
  if (!isDir) throw new AppError('NOT_FOUND', '文件夹不存在（可能已被移动或删除）。')
  // macOS `open` would launch an .app bundle: `-R` only reveals the folder in Finder.
  const [command, args] =
    platform === 'win32'
      ? ['explorer', [path]]
      : platform === 'darwin'
        ? ['open', ['-R', path]]
        : ['xdg-open', [path]]
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
  } catch {
    throw new AppError('INTERNAL', `无法打开文件夹，请手动打开：${path}`)
  }
}
