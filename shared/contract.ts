import { z } from 'zod'
import type { MethodName } from './methods'
import type { Envelope } from './errors'

/**
 * The single list of capabilities the renderer (and the CLI) can call.
 * Each entry: a zod schema that every door parses its input with, and a zod
 * schema describing the output (its type is what callers get).
 */
export const LANGUAGES = ['zh-CN', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

const noInput = z.object({}).strict()

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  sqliteVersion: z.string(),
  schemaVersion: z.number().int(),
})
export type SystemInfo = z.infer<typeof systemInfoSchema>

export const settingsSchema = z.object({ language: languageSchema })
export type Settings = z.infer<typeof settingsSchema>

interface ContractEntry {
  input: z.ZodType
  output: z.ZodType
}

export const contract = {
  'system.info': { input: noInput, output: systemInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.setLanguage': {
    input: z.object({ language: languageSchema }).strict(),
    output: settingsSchema,
  },
} as const satisfies Record<MethodName, ContractEntry>

export type Contract = typeof contract
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>

/** What the renderer programs against: one async function per method. */
export type ContractApi = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> }

/** What the backend implements: inputs arrive parsed. */
export type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> }

/** What the preload exposes: every method, answering with an envelope. */
export type BridgeApi = { [M in MethodName]: (input: unknown) => Promise<Envelope<OutputOf<M>>> }
