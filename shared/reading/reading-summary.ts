import type { ScanKind } from '../rules/scan-kinds'

/** A document's reading, short (its card in a list; issue 12). */
export interface ReadingSummary {
  state: 'off' | 'none' | 'queued' | 'reading' | 'done' | 'failed'
  kind?: ScanKind
}
