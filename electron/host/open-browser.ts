import { spawn } from 'node:child_process'

/** The command that opens a URL in the user's browser, or null where there is no desktop. */
function browserCommand(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): { command: string; args: string[] } | null {
  if (platform === 'darwin') return { command: 'open', args: [] }
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] }
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { command: 'xdg-open', args: [] }
  return null
}

export function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const cmd = browserCommand(process.platform, env)
  if (!cmd) return false
  try {
    const child = spawn(cmd.command, [...cmd.args, url], { stdio: 'ignore', detached: true })
    child.on('error', () => undefined)
    child.unref()
    return true
  } catch {
    return false
  }
}
