import { Table } from '@digdir/designsystemet-react'
import type { ComponentProps, ReactNode } from 'react'

/** A column heading: its text, or the text with header-cell props (sorting, `numeric`). */
export type Column =
  | string
  | (Omit<ComponentProps<typeof Table.HeaderCell>, 'children' | 'content'> & {
      label: ReactNode
      numeric?: boolean
    })
  /** Left out (a column shown only sometimes). */
  | false

/**
 * The app's table: a caption (for screen readers unless `showCaption`), one heading per column,
 * zebra rows, scrolling sideways on a narrow screen. `children` are the body's rows; a row may
 * start with `<Table.HeaderCell scope="row">`. `border` draws cell borders (the administration
 * pages' look); `zebra={false}` for short fact tables.
 */
export function DataTable({
  caption,
  columns,
  children,
  border,
  zebra = true,
  showCaption,
  testId,
  className = 'cw-table',
  foot,
}: {
  caption: ReactNode
  columns: readonly Column[]
  children: ReactNode
  border?: boolean
  zebra?: boolean
  showCaption?: boolean
  testId?: string
  className?: string
  /** Rows of the table's foot, e.g. a sum row. */
  foot?: ReactNode
}) {
  return (
    <div className="app-table-scroll">
      <Table zebra={zebra} border={border} data-size="sm" className={className} data-testid={testId}>
        <caption className={showCaption ? undefined : 'cw-visually-hidden'}>{caption}</caption>
        <Table.Head>
          <Table.Row>{columns.map(headerCell)}</Table.Row>
        </Table.Head>
        <Table.Body>{children}</Table.Body>
        {foot && <Table.Foot>{foot}</Table.Foot>}
      </Table>
    </div>
  )
}

// Header cells are keyed by position: the columns of a table do not move.
function headerCell(column: Column, index: number) {
  if (column === false) return null
  if (typeof column === 'string')
    return (
      <Table.HeaderCell key={index} scope="col">
        {column}
      </Table.HeaderCell>
    )
  const { label, numeric, className, ...rest } = column
  const classes = [className, numeric ? 'app-numeric' : undefined].filter(Boolean).join(' ') || undefined
  return (
    <Table.HeaderCell key={index} scope="col" className={classes} {...rest}>
      {label}
    </Table.HeaderCell>
  )
}

/** A row of figures: a row heading, then right-aligned cells (reports, dashboards). */
export function FigureRow({ label, cells }: { label: ReactNode; cells: readonly ReactNode[] }) {
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
      {cells.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a row's columns do not move
        <Table.Cell key={i} className="app-numeric">
          {c}
        </Table.Cell>
      ))}
    </Table.Row>
  )
}
