import { readPage } from './ocr-engine'

/** What the OCR worker does: one page per task (plain data in and out). */
export const OCR_TASKS = { readPage }
