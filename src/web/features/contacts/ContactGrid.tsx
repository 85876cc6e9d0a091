import { Alert, Button, ErrorSummary, Heading, Paragraph } from '@digdir/designsystemet-react'
import { type KeyboardEvent, useId, useState } from 'react'
import type { CaseDetail } from '../../../shared/api/cases'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { useHouseholdSuggestions } from '../cases/useCases'
import { CELL_LABELS, ContactGridRow, cellId } from './ContactGridRow'
import { GRID_CELLS, type GridCell } from './gridModel'
import { useContactGridForm } from './useContactGridForm'

/**
 * "Registrer kontakter": the line-listing grid. Keyboard only: Tab moves through the cells, Enter
 * in the last cell (husstand) or Ctrl+Enter anywhere adds a row and puts the cursor in its first
 * cell. "Lagre kontakter" saves every typed row in one request.
 */
export function ContactGrid({ detail }: { detail: CaseDetail }) {
  const t = useT()
  const gridId = useId().replace(/:/g, '')
  const headingId = `${gridId}-heading`
  const g = useContactGridForm(detail.id)
  const household = useHouseholdSuggestions(detail.id)
  const [householdMessage, setHouseholdMessage] = useState('')
  const { errors, isSubmitting } = g.form.formState

  const focusCell = (row: number, cell: GridCell) =>
    document.getElementById(cellId(gridId, row, cell))?.focus()

  const onEnterLastCell = (index: number) => {
    if (index === g.rows.fields.length - 1) g.addRow()
    else focusCell(index + 1, 'firstName')
  }

  const onGridKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return
    const target = e.target as HTMLElement
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      g.addRow()
    } else if (target instanceof HTMLInputElement && target.type !== 'checkbox') {
      // Enter in a text cell must not submit the page's form halfway through an interview.
      e.preventDefault()
    }
  }

  const suggestHousehold = async () => {
    setHouseholdMessage('')
    const r = await household.refetch()
    if (!r.data) return
    const added = g.fillHousehold(r.data.items)
    setHouseholdMessage(added ? t('grid.householdAdded', { count: added }) : t('grid.householdNone'))
  }

  const rowErrors = (Array.isArray(errors.rows) ? errors.rows : []) as (
    | Partial<Record<GridCell, { message?: string }>>
    | undefined
  )[]
  const clientProblems = rowErrors.flatMap((cells, row) =>
    GRID_CELLS.flatMap((cell) => {
      const message = cells?.[cell]?.message
      return message ? [{ row, cell, message }] : []
    }),
  )
  const problems = clientProblems.length ? clientProblems : g.problems
  const saved = g.result?.items.length ?? 0

  return (
    <section aria-labelledby={headingId} className="app-stack cw-section" data-testid="contact-grid">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('grid.heading')}
      </Heading>
      <Paragraph data-size="sm" className="app-prose" id={`${gridId}-help`}>
        {t('grid.help')}
      </Paragraph>
      {g.restored && (
        <Alert data-color="info" data-size="sm">
          <Paragraph data-size="sm">{t('grid.restored')}</Paragraph>
          <Button type="button" variant="tertiary" data-size="sm" onClick={g.discardDraft}>
            {t('grid.discardDraft')}
          </Button>
        </Alert>
      )}
      <div className="cw-actions">
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          onClick={suggestHousehold}
          loading={household.isFetching}
        >
          {t('grid.suggestHousehold')}
        </Button>
        <Paragraph data-size="sm" role="status">
          {householdMessage}
        </Paragraph>
      </div>
      {household.isError && <ErrorAlert error={household.error} />}
      <form onSubmit={g.onSubmit} noValidate className="app-stack">
        <div className="app-table-scroll">
          <table
            className="cw-grid"
            aria-labelledby={headingId}
            aria-describedby={`${gridId}-help`}
            onKeyDown={onGridKeyDown}
          >
            <thead>
              <tr>
                <th scope="col" className="cw-grid__num">
                  <span className="cw-visually-hidden">{t('grid.rowNumber')}</span>
                </th>
                {GRID_CELLS.map((c) => (
                  <th scope="col" key={c} className={`cw-grid__col--${c}`}>
                    {t(CELL_LABELS[c])}
                  </th>
                ))}
                <th scope="col" className="cw-grid__col--actions">
                  <span className="cw-visually-hidden">{t('grid.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.rows.fields.map((field, index) => (
                <ContactGridRow
                  key={field.id}
                  gridId={gridId}
                  index={index}
                  form={g.form}
                  issue={g.rowIssues[index]}
                  period={detail.infectiousPeriod}
                  onPick={(i, p) => {
                    g.pick(i, p)
                    // The button just used disappears with the suggestions: continue at the row's last cell.
                    requestAnimationFrame(() => focusCell(i, 'household'))
                  }}
                  onUnpick={(i) => {
                    g.unpick(i)
                    requestAnimationFrame(() => focusCell(i, 'firstName'))
                  }}
                  onRemove={(i) => g.rows.remove(i)}
                  onEnterLastCell={onEnterLastCell}
                />
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
          <ErrorSummary data-testid="grid-errors">
            <ErrorSummary.Heading>{t('grid.errorsHeading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {problems.map((p) => (
                <ErrorSummary.Item key={`${p.row}-${p.cell}-${p.message}`}>
                  <ErrorSummary.Link
                    href={p.cell ? `#${cellId(gridId, p.row, p.cell as GridCell)}` : `#${headingId}`}
                  >
                    {p.row >= 0
                      ? t('grid.problemAt', {
                          row: p.row + 1,
                          column: p.cell ? t(CELL_LABELS[p.cell as GridCell]) : t('grid.person'),
                          message: p.message,
                        })
                      : p.message}
                  </ErrorSummary.Link>
                </ErrorSummary.Item>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        {g.save.isError && g.problems.length === 0 && <ErrorAlert error={g.save.error} />}
        <div className="cw-actions">
          <Button type="button" variant="secondary" onClick={g.addRow}>
            {t('grid.addRow')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('grid.save')}
          </Button>
        </div>
        <Paragraph role="status" data-testid="grid-saved">
          {saved > 0 ? t('grid.saved', { count: saved }) : ''}
        </Paragraph>
      </form>
    </section>
  )
}
