import { Select } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { participantRole } from '../../../shared/api/events'
import { CodeOptions } from '../../components/CodeOptions'
import { type MessageKey, useT } from '../../i18n'
import { LineListGrid } from '../linelist/LineListGrid'
import { cellId, LineListRow, useLineListRow } from '../linelist/LineListRow'
import type { RowIssue } from '../linelist/useLineListForm'
import type { Suggestion } from '../persons/PersonSuggestions'
import { ROLE_LABELS } from './labels'
import { PGRID_CELLS, type PGridCell, type PGridRow, type PGridValues } from './participantGridModel'
import { useParticipantGridForm } from './useParticipantGridForm'

const LABELS: Record<PGridCell, MessageKey> = {
  firstName: 'pgrid.firstName',
  lastName: 'pgrid.lastName',
  idOrBirth: 'pgrid.idOrBirth',
  phone: 'pgrid.phone',
  role: 'pgrid.role',
  exposure: 'pgrid.exposure',
}

/**
 * "Registrer deltakere": a line-listing grid typed with the keyboard only. Tab moves through the
 * cells; Enter in the last cell or Ctrl+Enter anywhere adds a row. One save sends every row.
 */
export function ParticipantGrid({ eventId, defaultExposure }: { eventId: string; defaultExposure: string }) {
  const t = useT()
  const grid = useId().replace(/:/g, '')
  const g = useParticipantGridForm(eventId, defaultExposure)
  const focus = (row: number, cell: PGridCell) => document.getElementById(cellId(grid, row, cell))?.focus()

  return (
    <LineListGrid
      gridId={grid}
      prefix="pgrid"
      cells={PGRID_CELLS}
      labels={LABELS}
      testId="participant-grid"
      grid={g}
      savedText={g.result ? t('pgrid.saved', { count: g.result.items.length }) : ''}
    >
      {(row) => (
        <Row
          {...row}
          form={g.form}
          onPick={(i, p) => {
            g.pick(i, p)
            requestAnimationFrame(() => focus(i, 'role'))
          }}
          onUnpick={g.unpick}
          onRemove={(i) => g.rows.remove(i)}
        />
      )}
    </LineListGrid>
  )
}

function Row(props: {
  gridId: string
  index: number
  form: UseFormReturn<PGridValues>
  issue: RowIssue | undefined
  onPick: (index: number, person: Suggestion) => void
  onUnpick: (index: number) => void
  onRemove: (index: number) => void
}) {
  const { gridId, index, form, issue, ...actions } = props
  const _t = useT()
  const r = useLineListRow<PGridRow>({ form, gridId, index, issue, prefix: 'pgrid', labels: LABELS })
  return (
    <LineListRow row={r} columns={2} {...actions}>
      <td className="cw-grid__cell">
        <Select
          id={r.cell('role')}
          data-size="sm"
          aria-label={r.label('role')}
          {...form.register(`rows.${index}.role`)}
        >
          <CodeOptions codes={participantRole.options} labels={ROLE_LABELS} />
        </Select>
      </td>
      {r.textCell('exposure', {
        placeholder: '12.04.2024 18:30',
        'data-last-cell': 'true',
        'data-row': index,
      })}
    </LineListRow>
  )
}
