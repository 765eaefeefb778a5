import type { RequirementId, Route, Slot } from '../../../shared/rules/types'

/** Where the export has got to, for a progress bar: `done` of `total` steps. */
export interface ExportProgress {
  phase: 'prepare' | 'files' | 'checklist' | 'email' | 'finish'
  done: number
  total: number
  /** What is being worked on, in Chinese (a file or step name; never an ID number). */
  label: string
}

export interface ExportOptions {
  /** Export a packet that is not ready, labelled 草稿 in the folder name and in 清单.pdf. */
  draft?: boolean
  /** The as-of date (YYYY-MM-DD) for the plan and the folder name; China's today by default. */
  today?: string
  /** Watermark ID copies with ID_COPY_WATERMARK. Default true. */
  watermark?: boolean
  /** The email route's recipient (设置; issue 13 item 17): the .eml's To. None: left blank. */
  emailRecipient?: string | null
  onProgress?: (progress: ExportProgress) => void
}

/** One file of the export as manifest.json lists it. */
export interface ManifestFile {
  /** Relative to the export folder, `/`-separated. */
  path: string
  kind: 'upload' | 'checklist' | 'email'
  /** The destination: the form slot the file is uploaded in, or 'email' for the email pack. */
  slot: Slot | null
  requirement: RequirementId | null
  subject: string | null
  /** 1-based page of a multi-page document, with its page count; null for single files. */
  page: number | null
  pages: number | null
  /** Bytes. */
  size: number
  width: number | null
  height: number | null
  sha256: string
}

export interface Manifest {
  format: 1
  generator: string
  packetId: string
  accountName: string
  applicant: string
  route: Route
  ready: boolean
  draft: boolean
  asOf: string
  /** The export folder's own name. */
  folder: string
  /** Every file in the folder except manifest.json itself. */
  files: ManifestFile[]
}

export interface ExportResult {
  /** Absolute path of the completed export folder. */
  folder: string
  manifest: Manifest
}
