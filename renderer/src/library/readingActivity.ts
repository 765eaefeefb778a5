/**
 * 重新识别 queues a scan without changing the library (reading.start is a read), so no
 * `library.changed` follows it: this window tells its own reading views instead, and the
 * progress line starts following the queue at once.
 */
const listeners = new Set<() => void>()

export function onReadingQueued(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function readingQueued(): void {
  for (const listener of listeners) listener()
}
