import { chmodSync, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Folders of the data folder whose sub-folders hold personal data (ID scans, thumbnails). */
const NESTED = ['files', 'thumbnails', 'cache']

function chmodIf(path: string, mode: number): void {
  try {
    const info = lstatSync(path)
    if (info.isSymbolicLink()) return
    if ((info.mode & 0o777) !== mode) chmodSync(path, mode)
  } catch {
    // vanished meanwhile: nothing to protect
  }
}

/**
 * The data folder holds strangers' ID numbers and scans: on every open, folders 0700 and the
 * database's files 0600, whatever umask created them or an older version left. Files inside a
 * 0700 folder are unreachable for other users, so the stored files themselves (written 0600)
 * are not walked one by one. On Windows, chmod only toggles read-only: the user profile's ACL
 * (the default data folder lives in %APPDATA%) is what keeps other users out there.
 */
export function makeDataDirPrivate(dataDir: string): void {
  if (process.platform === 'win32') return
  chmodIf(dataDir, 0o700)
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name)
    let info
    try {
      info = lstatSync(path)
    } catch {
      continue
    }
    if (info.isDirectory()) {
      chmodIf(path, 0o700)
      if (!NESTED.includes(name)) continue
      for (const inner of readdirSync(path)) {
        const innerPath = join(path, inner)
        const innerInfo = lstatSync(innerPath)
        if (innerInfo.isDirectory()) chmodIf(innerPath, 0o700)
        else if (name === 'thumbnails') chmodIf(innerPath, 0o600)
      }
    } else if (info.isFile()) {
      chmodIf(path, 0o600)
    }
  }
}
