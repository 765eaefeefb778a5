import type { Bilingual } from '../i18n/labels'
import type { ReadingSummary } from './reading-summary'
import type { ReadFieldView } from './suggestions'

export type { ReadingSummary }

/** The reading queue as the app's progress line shows it (issue 12). */
export interface ReadingStatusView {
  /** False where this door does not read scans (reading is started by the app's doors). */
  enabled: boolean
  /** Files waiting, and the one being read (with its page). */
  queued: number
  current: { documentIds: string[]; page: number; pages: number } | null
}

/** A document's reading in full (the 识别结果 panel). */
export interface DocumentReading extends ReadingSummary {
  page?: number
  pages?: number
  kindLabel?: Bilingual
  kindConfidence?: number
  /** Why nothing was read (failed, or a blank page). */
  reason?: string
  fields: ReadFieldView[]
}
