import { Button, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react'
import { Fragment, type KeyboardEvent, type ReactNode } from 'react'
import type { FieldError, FieldErrors, UseFormReturn } from 'react-hook-form'
import { ErrorAlert } from '../../components/ErrorAlert'
import { type MessageKey, useT } from '../../i18n'
import { cellId } from './LineListRow'
import { type GridPrefix, gridText } from './texts'
import type { GridProblem, RowIssue } from './useLineListForm'

interface GridProps {
  gridId: string
  prefix: GridPrefix
  /** The feature's cells in Tab order, with their column headings. */
  cells: readonly string[]
  labels: Record<string, MessageKey>
  /** Give the column headings their width classes (`cw-grid__col--<cell>`). */
  columnClasses?: boolean
  /** `data-testid` of the section; its error summary and saved status are `<prefix>-errors`, `<prefix>-saved`. */
  testId: string
  /** The grid's form (`useLineListForm` and what the feature adds). */
  grid: {
    // biome-ignore lint/suspicious/noExplicitAny: any grid's form; only errors and submit state are read
    form: UseFormReturn<any>
    rows: { fields: readonly { id: string }[] }
    rowIssues: Record<number, RowIssue>
    problems: GridProblem[]
    save: { isError: boolean; error: unknown }
    onSubmit: () => void
    addRow: () => void
  }
  /** Inputs in which Enter keeps its own meaning. */
  keepEnter?: (input: HTMLInputElement) => boolean
  /** The status line after a save. */
  savedText: string
  /** Shown between the help text and the form. */
  intro?: ReactNode
  /** One row, given what every row of this grid needs. */
  children: (row: { gridId: string; index: number; issue: RowIssue | undefined }) => ReactNode
}

/** Every cell problem the form found, in row and column order. */
function clientProblems(errors: FieldErrors<{ rows: unknown[] }>, cells: readonly string[]): GridProblem[] {
  const rowErrors = (Array.isArray(errors.rows) ? errors.rows : []) as (
    | Partial<Record<string, FieldError>>
    | undefined
  )[]
  return rowErrors.flatMap((row, index) =>
    cells.flatMap((cell) => {
      const message = row?.[cell]?.message
      return message ? [{ row: index, cell, message }] : []
    }),
  )
}

/**
 * A line-listing grid typed with the keyboard only: heading and help, the table, the problems
 * found (each linking to its cell), "Ny rad" and one save for every row.
 */
export function LineListGrid(p: GridProps) {
  const t = useT()
  const { gridId, prefix, labels } = p
  const headingId = `${gridId}-heading`
  const g = p.grid
  const { errors, isSubmitting } = g.form.formState
  const found = clientProblems(errors, p.cells)
  const problems = found.length ? found : g.problems
  const onKeyDown = (e: KeyboardEvent) =>
    gridKeyDown(e, {
      rowCount: g.rows.fields.length,
      addRow: g.addRow,
      focusRow: (row) => document.getElementById(cellId(gridId, row, 'firstName'))?.focus(),
      keepEnter: p.keepEnter,
    })
  const col = (name: string) => (p.columnClasses ? `cw-grid__col--${name}` : undefined)

  return (
    <section aria-labelledby={headingId} className="app-stack cw-section" data-testid={p.testId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t(gridText(prefix, 'heading'))}
      </Heading>
      <Paragraph data-size="sm" className="app-prose" id={`${gridId}-help`}>
        {t(gridText(prefix, 'help'))}
      </Paragraph>
      {p.intro}
      <form onSubmit={g.onSubmit} noValidate className="app-stack">
        <div className="app-table-scroll">
          <table
            className="cw-grid"
            aria-labelledby={headingId}
            aria-describedby={`${gridId}-help`}
            onKeyDown={onKeyDown}
          >
            <thead>
              <tr>
                <th scope="col" className="cw-grid__num">
                  <span className="cw-visually-hidden">{t('grid.rowNumber')}</span>
                </th>
                {p.cells.map((c) => (
                  <th scope="col" key={c} className={col(c)}>
                    {t(labels[c]!)}
                  </th>
                ))}
                <th scope="col" className={col('actions')}>
                  <span className="cw-visually-hidden">{t('grid.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.rows.fields.map((field, index) => (
                <Fragment key={field.id}>{p.children({ gridId, index, issue: g.rowIssues[index] })}</Fragment>
              ))}
            </tbody>
          </table>
        </div>
        {errors.root?.message && (
          <Paragraph role="alert" className="cw-error-text">
            {errors.root.message}
          </Paragraph>
        )}
        {problems.length > 0 && (
          <ErrorSummary data-testid={`${prefix}-errors`}>
            <ErrorSummary.Heading>{t(gridText(prefix, 'errorsHeading'))}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {problems.map((x) => (
                <ErrorSummary.Item key={`${x.row}-${x.cell}-${x.message}`}>
                  <ErrorSummary.Link href={x.cell ? `#${cellId(gridId, x.row, x.cell)}` : `#${headingId}`}>
                    {x.row >= 0
                      ? t(gridText(prefix, 'problemAt'), {
                          row: x.row + 1,
                          column: x.cell ? t(labels[x.cell]!) : t('grid.person'),
                          message: x.message,
                        })
                      : x.message}
                  </ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        {g.save.isError && g.problems.length === 0 && <ErrorAlert error={g.save.error} />}
        <div className="cw-actions">
          <Button type="button" variant="secondary" onClick={g.addRow}>
            {t(gridText(prefix, 'addRow'))}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t(gridText(prefix, 'save'))}
          </Button>
        </div>
        <Paragraph role="status" data-testid={`${prefix}-saved`}>
          {p.savedText}
        </Paragraph>
      </form>
    </section>
  )
}

/**
 * Enter in a grid: Ctrl+Enter anywhere adds a row; Enter in a row's last cell (`data-last-cell`)
 * goes to the next row, adding one after the last; Enter in other inputs must not submit the
 * page's form halfway through an interview (`keepEnter` lets some inputs through).
 */
function gridKeyDown(
  e: KeyboardEvent,
  g: {
    rowCount: number
    addRow: () => void
    focusRow: (row: number) => void
    keepEnter?: (input: HTMLInputElement) => boolean
  },
) {
  if (e.key !== 'Enter') return
  const target = e.target as HTMLElement
  if (e.ctrlKey || e.metaKey) {
    e.preventDefault()
    g.addRow()
  } else if (target.dataset.lastCell) {
    e.preventDefault()
    const row = Number(target.dataset.row)
    if (row === g.rowCount - 1) g.addRow()
    else g.focusRow(row + 1)
  } else if (target instanceof HTMLInputElement && !g.keepEnter?.(target)) e.preventDefault()
}
