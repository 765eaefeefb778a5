import type { ReactNode } from 'react'
import { Table, type TableTdProps } from '@mantine/core'

/** One column of an entity list: its header and how a row's cell shows. */
export interface Column<Row> {
  /** Already in the UI language. */
  header: string
  cell: (row: Row) => ReactNode
  /** Cell styling such as `ff="monospace"` or `fw={600}`. */
  td?: TableTdProps
}

/**
 * The library's lists (companies, persons, trademarks, relations): rows that pass the
 * filter, one cell per column; clicking a row opens it.
 */
export function EntityTable<Row extends { id: string }>(props: {
  testId: string
  rows: readonly Row[]
  columns: readonly Column<Row>[]
  /** The texts the list filter looks in (case-insensitive substring). */
  filterBy: (row: Row) => readonly (string | null | undefined)[]
  filter: string
  onOpen: (row: Row) => void
}) {
  const needle = props.filter.toLowerCase()
  const rows = needle
    ? props.rows.filter((row) => props.filterBy(row).some((x) => x?.toLowerCase().includes(needle)))
    : props.rows
  return (
    <Table highlightOnHover data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((c) => (
            <Table.Th key={c.header}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id} onClick={() => props.onOpen(row)} style={{ cursor: 'pointer' }}>
            {props.columns.map((c) => (
              <Table.Td key={c.header} {...c.td}>
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
