import { z } from './zod-locale'

/**
 * What the backend tells every open window (issue 11 item 4): "the library changed, refetch
 * what you show". Both doors carry this one type — IPC in Electron, server-sent events on the
 * browser host — and the renderer parses it with this schema before acting on it.
 *
 * Deliberately small and strict: an event says *that* something changed (and, at most, which
 * tables), never what; no names, ID numbers or other personal data ever travel in one.
 */
const libraryEventSchema = z
  .object({
    type: z.literal('library.changed'),
    /** Table names, when the source knows them (a PostgreSQL NOTIFY trigger does). */
    tables: z
      .array(z.string().regex(/^[a-z_]{1,63}$/))
      .max(32)
      .optional(),
    /** `local`: a call on this backend; `team`: another clerk, through the team database. */
    origin: z.enum(['local', 'team']),
    /** When the backend saw the change (ISO 8601, UTC). */
    at: z.iso.datetime(),
  })
  .strict()

export type LibraryEvent = z.infer<typeof libraryEventSchema>

/** A payload from a door, or null when it is not a well-formed event (it is then ignored). */
export function parseLibraryEvent(value: unknown): LibraryEvent | null {
  const parsed = libraryEventSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
