/**
 * What the search index holds for each kind of row, read from its columns: one description for
 * rebuilding the index (a restored row, a pulled library) and for the team library's index.
 * (A save indexes the same fields from its input.)
 */
export const SEARCH_SOURCES = {
  company: {
    table: 'companies',
    columns: ['name', 'uscc', 'business_scope', 'notes'],
    title: (row: Record<string, string | null>) => row.name ?? '',
  },
  person: {
    table: 'persons',
    columns: ['name', 'nationality', 'notes'],
    title: (row: Record<string, string | null>) => row.name ?? '',
  },
  trademark: {
    table: 'trademarks',
    columns: ['text', 'reg_no', 'notes'],
    title: (row: Record<string, string | null>) => `${row.text ?? ''}（${row.reg_no ?? ''}）`,
  },
} as const

export type SearchSourceKind = keyof typeof SEARCH_SOURCES

/** The title and texts to index for a row of `kind`. */
export function searchTextOf(
  kind: SearchSourceKind,
  row: Record<string, string | null>,
): { title: string; texts: (string | null)[] } {
  const source = SEARCH_SOURCES[kind]
  return { title: source.title(row), texts: source.columns.map((c) => row[c] ?? null) }
}
