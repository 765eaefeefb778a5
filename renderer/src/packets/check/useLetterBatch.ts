import { useState } from 'react'
import { useApi } from '../../api/ApiContext'
import { messageOf } from '../../hooks/useLoad'

/** 生成全部授权书: the backend's batch (letters.generateForPacket), one call for the packet. */
export function useLetterBatch(packetId: string | null | undefined, onDone: () => void) {
  const api = useApi()
  const [running, setRunning] = useState(false)
  const [result, setResult] = useState<{ generated: number; failures: string[] } | null>(null)

  const run = async () => {
    if (!packetId || running) return
    setRunning(true)
    setResult(null)
    try {
      const batch = await api['letters.generateForPacket']({ packetId, onlyOutstanding: true })
      setResult({ generated: batch.letters.length, failures: batch.failures })
    } catch (e) {
      setResult({ generated: 0, failures: [messageOf(e)] })
    } finally {
      setRunning(false)
      onDone()
    }
  }
  return { run, running, result }
}
