import {
  Button,
  Checkbox,
  ErrorSummary,
  Heading,
  Input,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react'
import { type KeyboardEvent, useId } from 'react'
import { type UseFormReturn, useWatch } from 'react-hook-form'
import { participantRole } from '../../../shared/api/events'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useDebounced } from '../../components/useDebounced'
import { type MessageKey, useT } from '../../i18n'
import { splitIdOrBirth } from '../contacts/gridModel'
import { PersonSuggestions, personLine, type Suggestion } from '../persons/PersonSuggestions'
import { useDuplicateSuggestions } from '../persons/usePersons'
import { ROLE_LABELS } from './labels'
import { PGRID_CELLS, type PGridCell, type PGridValues } from './participantGridModel'
import { type PRowIssue, useParticipantGridForm } from './useParticipantGridForm'

const LABELS: Record<PGridCell, MessageKey> = {
  firstName: 'pgrid.firstName',
  lastName: 'pgrid.lastName',
  idOrBirth: 'pgrid.idOrBirth',
  phone: 'pgrid.phone',
  role: 'pgrid.role',
  exposure: 'pgrid.exposure',
}
const cellId = (grid: string, row: number, cell: PGridCell) => `${grid}-r${row}-${cell}`

/**
 * "Registrer deltakere": a line-listing grid typed with the keyboard only. Tab moves through the
 * cells; Enter in the last cell or Ctrl+Enter anywhere adds a row. One save sends every row.
 */
export function ParticipantGrid({ eventId, defaultExposure }: { eventId: string; defaultExposure: string }) {
  const t = useT()
  const grid = useId().replace(/:/g, '')
  const g = useParticipantGridForm(eventId, defaultExposure)
  const { errors, isSubmitting } = g.form.formState
  const focus = (row: number, cell: PGridCell) => document.getElementById(cellId(grid, row, cell))?.focus()

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return
    const target = e.target as HTMLElement
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      g.addRow()
    } else if (target.dataset.lastCell) {
      e.preventDefault()
      const row = Number(target.dataset.row)
      if (row === g.rows.fields.length - 1) g.addRow()
      else focus(row + 1, 'firstName')
    } else if (target instanceof HTMLInputElement) e.preventDefault()
  }

  const rowErrors = (Array.isArray(errors.rows) ? errors.rows : []) as (
    | Partial<Record<PGridCell, { message?: string }>>
    | undefined
  )[]
  const clientProblems = rowErrors.flatMap((cells, row) =>
    PGRID_CELLS.flatMap((cell) =>
      cells?.[cell]?.message ? [{ row, cell, message: cells[cell]!.message! }] : [],
    ),
  )
  const problems = clientProblems.length ? clientProblems : g.problems

  return (
    <section
      aria-labelledby={`${grid}-heading`}
      className="app-stack cw-section"
      data-testid="participant-grid"
    >
      <Heading level={2} data-size="sm" id={`${grid}-heading`}>
        {t('pgrid.heading')}
      </Heading>
      <Paragraph data-size="sm" className="app-prose" id={`${grid}-help`}>
        {t('pgrid.help')}
      </Paragraph>
      <form onSubmit={g.onSubmit} noValidate className="app-stack">
        <div className="app-table-scroll">
          <table
            className="cw-grid"
            aria-labelledby={`${grid}-heading`}
            aria-describedby={`${grid}-help`}
            onKeyDown={onKeyDown}
          >
            <thead>
              <tr>
                <th scope="col" className="cw-grid__num">
                  <span className="cw-visually-hidden">{t('grid.rowNumber')}</span>
                </th>
                {PGRID_CELLS.map((c) => (
                  <th scope="col" key={c}>
                    {t(LABELS[c])}
                  </th>
                ))}
                <th scope="col">
                  <span className="cw-visually-hidden">{t('grid.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.rows.fields.map((field, index) => (
                <Row
                  key={field.id}
                  grid={grid}
                  index={index}
                  form={g.form}
                  issue={g.rowIssues[index]}
                  onPick={(i, p) => {
                    g.pick(i, p)
                    requestAnimationFrame(() => focus(i, 'role'))
                  }}
                  onUnpick={g.unpick}
                  onRemove={(i) => g.rows.remove(i)}
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
          <ErrorSummary data-testid="pgrid-errors">
            <ErrorSummary.Heading>{t('pgrid.errorsHeading')}</ErrorSummary.Heading>
            <ErrorSummary.List>
              {problems.map((p) => (
                <ErrorSummary.Item key={`${p.row}-${p.cell}-${p.message}`}>
                  <ErrorSummary.Link
                    href={p.cell ? `#${cellId(grid, p.row, p.cell as PGridCell)}` : `#${grid}-heading`}
                  >
                    {p.row >= 0
                      ? t('pgrid.problemAt', {
                          row: p.row + 1,
                          column: p.cell ? t(LABELS[p.cell as PGridCell]) : t('grid.person'),
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
            {t('pgrid.addRow')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('pgrid.save')}
          </Button>
        </div>
        <Paragraph role="status" data-testid="pgrid-saved">
          {g.result ? t('pgrid.saved', { count: g.result.items.length }) : ''}
        </Paragraph>
      </form>
    </section>
  )
}

function Row(props: {
  grid: string
  index: number
  form: UseFormReturn<PGridValues>
  issue: PRowIssue | undefined
  onPick: (index: number, person: Suggestion) => void
  onUnpick: (index: number) => void
  onRemove: (index: number) => void
}) {
  const { grid, index, form, issue, onPick, onUnpick, onRemove } = props
  const t = useT()
  const row = useWatch({ control: form.control, name: `rows.${index}` })
  const errors = form.formState.errors.rows?.[index]
  const picked = row?.picked ?? null
  const n = index + 1
  const id = splitIdOrBirth(row?.idOrBirth ?? '')
  const query = useDebounced(
    {
      firstName: row?.firstName ?? '',
      lastName: row?.lastName ?? '',
      birthDate: id.birthDate ?? '',
      phone: row?.phone ?? '',
    },
    400,
  )
  const lookFor = !picked && !id.nationalId
  const suggestions = useDuplicateSuggestions(query, lookFor)
  const items = issue?.candidates?.length ? issue.candidates : lookFor ? (suggestions.data?.items ?? []) : []
  const label = (cell: PGridCell) => t('pgrid.cellLabel', { column: t(LABELS[cell]), row: n })
  const errId = (cell: PGridCell) => `${cellId(grid, index, cell)}-error`
  const err = (cell: PGridCell) =>
    errors?.[cell]?.message ? (
      <ValidationMessage data-size="sm" id={errId(cell)}>
        {errors[cell]?.message}
      </ValidationMessage>
    ) : null
  const input = (cell: 'firstName' | 'lastName' | 'idOrBirth' | 'phone' | 'exposure', extra = {}) => (
    <td className={`cw-grid__cell cw-grid__cell--${cell}`}>
      <Input
        id={cellId(grid, index, cell)}
        data-size="sm"
        aria-label={label(cell)}
        aria-invalid={errors?.[cell] ? true : undefined}
        aria-describedby={errors?.[cell] ? errId(cell) : undefined}
        autoComplete="off"
        readOnly={!!picked && cell !== 'exposure'}
        {...extra}
        {...form.register(`rows.${index}.${cell}`)}
      />
      {err(cell)}
    </td>
  )
  return (
    <>
      <tr className="cw-grid__row" data-row={n}>
        <th scope="row" className="cw-grid__num">
          {n}
        </th>
        {input('firstName')}
        {input('lastName')}
        {input('idOrBirth', { inputMode: 'numeric', placeholder: t('grid.idOrBirthPlaceholder') })}
        {input('phone', { type: 'tel' })}
        <td className="cw-grid__cell">
          <Select
            id={cellId(grid, index, 'role')}
            data-size="sm"
            aria-label={label('role')}
            {...form.register(`rows.${index}.role`)}
          >
            {participantRole.options.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABELS[r])}
              </option>
            ))}
          </Select>
        </td>
        {input('exposure', { placeholder: '12.04.2024 18:30', 'data-last-cell': 'true', 'data-row': index })}
        <td className="cw-grid__cell cw-grid__cell--actions">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-label={t('pgrid.removeRowNamed', { row: n })}
            onClick={() => onRemove(index)}
          >
            {t('pgrid.removeRow')}
          </Button>
        </td>
      </tr>
      {(items.length > 0 || picked || issue?.message) && (
        <tr className="cw-grid__details">
          <td />
          <td colSpan={PGRID_CELLS.length + 1}>
            <div className="cw-grid__details-body" aria-live="polite">
              {issue?.message && (
                <ValidationMessage data-size="sm">
                  {t('grid.rowProblem', { row: n, message: issue.message })}
                </ValidationMessage>
              )}
              {picked ? (
                <div className="cw-picked">
                  <Paragraph data-size="sm">
                    {t('pgrid.usingExisting', { row: n, person: personLine(picked, t) })}
                  </Paragraph>
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => onUnpick(index)}>
                    {t('pgrid.undoPick', { row: n })}
                  </Button>
                </div>
              ) : (
                items.length > 0 && (
                  <div className="cw-row-suggestions">
                    <Paragraph data-size="sm">{t('pgrid.suggestionsFor', { row: n })}</Paragraph>
                    <PersonSuggestions
                      items={items}
                      onPick={(p) => onPick(index, p)}
                      label={t('pgrid.suggestionsFor', { row: n })}
                    />
                    <Checkbox
                      data-size="sm"
                      label={t('pgrid.confirmNew', { row: n })}
                      {...form.register(`rows.${index}.confirmNew`)}
                    />
                  </div>
                )
              )}
            </div>
          </td>
        </tr>
      )}
    </>
  )
}
