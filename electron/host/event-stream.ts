import type { IncomingMessage, ServerResponse } from 'node:http'
import type { LibraryEventSource } from '../services/events'

/** Tabs of one clerk's browser: a few; past this a stream is refused (503) until one closes. */
const MAX_EVENT_STREAMS = 16
/** A comment line this often keeps proxies and idle-socket timers from closing a quiet stream. */
const HEARTBEAT_MS = 25_000
/** How long the browser's EventSource waits before reconnecting by itself. */
const RETRY_MS = 3_000

export interface EventStreamOptions {
  maxStreams?: number
  heartbeatMs?: number
}

/**
 * `GET /api/events`: the backend's events as server-sent events, one `data:` line of JSON each
 * (shared/events.ts). The caller has checked the session; this counts the open streams, sends
 * heartbeats and unsubscribes when the tab goes away.
 */
export class EventStreams {
  private open = 0

  constructor(
    private readonly source: LibraryEventSource,
    private readonly options: EventStreamOptions = {},
  ) {}

  get count(): number {
    return this.open
  }

  /** False when the stream was refused (too many); the response has then been sent. */
  serve(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
    refuse: (status: number, message: string) => void,
  ): boolean {
    if (this.open >= (this.options.maxStreams ?? MAX_EVENT_STREAMS)) {
      refuse(503, '打开的页面过多，暂时无法接收资料库更新；请关闭几个标签页。')
      return false
    }
    let unsubscribe: () => void
    try {
      unsubscribe = this.source.subscribe((event) => {
        res.write(`data: ${JSON.stringify(event)}\n\n`)
      })
    } catch {
      refuse(503, '暂时无法接收资料库更新，请稍后再试。')
      return false
    }
    this.open++
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    })
    res.write(`retry: ${RETRY_MS}\n: connected\n\n`)
    const heartbeat = setInterval(
      () => res.write(': heartbeat\n\n'),
      this.options.heartbeatMs ?? HEARTBEAT_MS,
    )
    heartbeat.unref()
    let closed = false
    const cleanUp = (): void => {
      if (closed) return
      closed = true
      clearInterval(heartbeat)
      unsubscribe()
      this.open--
    }
    // The tab closed, reloaded or lost the network; or the host is shutting down.
    req.on('close', cleanUp)
    res.on('close', cleanUp)
    res.on('error', cleanUp)
    return true
  }
}
