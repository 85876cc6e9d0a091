import { Table } from '@digdir/designsystemet-react'
import type { ComponentProps, ReactNode } from 'react'

/** A column heading: its text, or the text with header-cell props (sorting, `numeric`). */
export type Column =
  | string
  | (Omit<ComponentProps<typeof Table.HeaderCell>, 'children'> & { label: string; numeric?: boolean })
  /** Left out (a column shown only sometimes). */
  | false

/**
 * The casework table: zebra rows, a caption for screen readers and one heading per column,
 * scrolling sideways on a narrow screen. `children` are the body's rows.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string
  columns: readonly Column[]
  children: ReactNode
}) {
  return (
    <div className="app-table-scroll">
      <Table zebra data-size="sm" className="cw-table">
        <caption className="cw-visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>{columns.map(headerCell)}</Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
      </Table>
    </div>
  )
}

function headerCell(column: Column) {
  if (column === false) return null
  if (typeof column === 'string')
    return (
      <Table.HeaderCell key={column} scope="col">
        {column}
      </Table.HeaderCell>
    )
  const { label, numeric, ...rest } = column
  return (
    <Table.HeaderCell key={label} scope="col" className={numeric ? 'app-numeric' : undefined} {...rest}>
      {label}
    </Table.HeaderCell>
  )
}
