import { useEffect, useState } from 'react'
import type { TeamStatus } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { useLiveVersion } from '../api/LiveRefresh'

/** How often the status is asked while the team library is offline (the link retries itself). */
const OFFLINE_POLL_MS = 3000
const ONLINE_POLL_MS = 15_000

/**
 * The team library's status for the banner and 设置 → 团队资料库: asked on every change the
 * backend reports, and every few seconds (often while offline, to show it is back at once).
 */
export function useTeamStatus(): { status: TeamStatus | null; refresh: () => void } {
  const api = useApi()
  const changes = useLiveVersion()
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    api['team.status']({}).then(
      (value) => {
        if (live) setStatus(value)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, changes, tick])
  const mode = status?.mode
  const state = status?.state
  useEffect(() => {
    if (mode !== 'team') return
    const timer = setInterval(
      () => setTick((n) => n + 1),
      state === 'offline' ? OFFLINE_POLL_MS : ONLINE_POLL_MS,
    )
    return () => clearInterval(timer)
  }, [mode, state])
  return { status, refresh: () => setTick((n) => n + 1) }
}
