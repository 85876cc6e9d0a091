import { Alert, Button, Paragraph } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import type { CaseDetail } from '../../../shared/api/cases'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { useHouseholdSuggestions } from '../cases/useCases'
import { LineListGrid } from '../linelist/LineListGrid'
import { cellId } from '../linelist/LineListRow'
import { CELL_LABELS, ContactGridRow } from './ContactGridRow'
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
  const g = useContactGridForm(detail.id)
  const household = useHouseholdSuggestions(detail.id)
  const [householdMessage, setHouseholdMessage] = useState('')

  const focusCell = (row: number, cell: GridCell) =>
    document.getElementById(cellId(gridId, row, cell))?.focus()

  const onEnterLastCell = (index: number) => {
    if (index === g.rows.fields.length - 1) g.addRow()
    else focusCell(index + 1, 'firstName')
  }

  const suggestHousehold = async () => {
    setHouseholdMessage('')
    const r = await household.refetch()
    if (!r.data) return
    const added = g.fillHousehold(r.data.items)
    setHouseholdMessage(added ? t('grid.householdAdded', { count: added }) : t('grid.householdNone'))
  }

  const saved = g.result?.items.length ?? 0
  const intro = (
    <>
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
    </>
  )

  return (
    <LineListGrid
      gridId={gridId}
      prefix="grid"
      cells={GRID_CELLS}
      labels={CELL_LABELS}
      columnClasses
      testId="contact-grid"
      grid={g}
      // Enter in the husstand checkbox is the row's last cell (ContactGridRow); other checkboxes keep Enter.
      keepEnter={(input) => input.type === 'checkbox'}
      savedText={saved > 0 ? t('grid.saved', { count: saved }) : ''}
      intro={intro}
    >
      {(row) => (
        <ContactGridRow
          {...row}
          form={g.form}
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
      )}
    </LineListGrid>
  )
}
