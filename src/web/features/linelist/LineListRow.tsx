import { Button, Checkbox, Input, Paragraph, ValidationMessage } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import { type FieldError, type UseFormReturn, useWatch } from 'react-hook-form'
import { useDebounced } from '../../components/useDebounced'
import { type MessageKey, useT } from '../../i18n'
import { PersonSuggestions, personLine, type Suggestion } from '../persons/PersonSuggestions'
import { useDuplicateSuggestions } from '../persons/usePersons'
import { PERSON_CELLS, type PersonRow, splitIdOrBirth } from './personRow'
import { type GridPrefix, gridText } from './texts'
import type { LineListValues, RowIssue } from './useLineListForm'

/** The id of one cell's input, also the target of the error summary's links. */
export const cellId = (gridId: string, row: number, cell: string) => `${gridId}-r${row}-${cell}`

type CellPath = `rows.${number}.firstName`

export interface LineListRowInput {
  // biome-ignore lint/suspicious/noExplicitAny: any grid's form; only the person part is read here
  form: UseFormReturn<LineListValues<any>>
  gridId: string
  index: number
  issue: RowIssue | undefined
  prefix: GridPrefix
  labels: Record<string, MessageKey>
}

/**
 * The state and cell helpers of one grid row: the row's values, its cell errors and the duplicate
 * suggestions for what is typed in its person cells (or the server's candidates after a save).
 */
export function useLineListRow<Row extends PersonRow>(p: LineListRowInput) {
  const { gridId, index, issue, prefix, labels } = p
  const form = p.form as UseFormReturn<LineListValues<PersonRow>>
  const t = useT()
  const row = useWatch({ control: form.control, name: `rows.${index}` }) as Row | undefined
  const errors = form.formState.errors.rows?.[index] as Partial<Record<string, FieldError>> | undefined
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

  const cell = (c: string) => cellId(gridId, index, c)
  const label = (c: string) => t(gridText(prefix, 'cellLabel'), { column: t(labels[c]!), row: n })
  /** The cell's error message, plus any `extra` description. */
  const described = (c: string, extra?: string) =>
    [errors?.[c] ? `${cell(c)}-error` : null, extra].filter(Boolean).join(' ') || undefined
  const error = (c: string) =>
    errors?.[c]?.message ? (
      <ValidationMessage data-size="sm" id={`${cell(c)}-error`}>
        {errors[c]?.message}
      </ValidationMessage>
    ) : null

  /** A typed cell; the person cells are read-only while an existing person is picked. */
  const textCell = (c: string, extra: Record<string, unknown> = {}) => (
    <td className={`cw-grid__cell cw-grid__cell--${c}`}>
      <Input
        id={cell(c)}
        data-size="sm"
        aria-label={label(c)}
        aria-invalid={errors?.[c] ? true : undefined}
        aria-describedby={described(c)}
        autoComplete="off"
        readOnly={!!picked && (PERSON_CELLS as readonly string[]).includes(c)}
        {...extra}
        {...form.register(`rows.${index}.${c}` as CellPath)}
      />
      {error(c)}
    </td>
  )

  const issueMessage = issue?.message
  return {
    form,
    prefix,
    index,
    n,
    row,
    picked,
    items,
    issueMessage,
    errors,
    cell,
    label,
    described,
    error,
    textCell,
  }
}

export type LineListRowState = ReturnType<typeof useLineListRow>

interface RowProps {
  row: LineListRowState
  /** How many cells the feature adds after the person cells. */
  columns: number
  onPick: (index: number, person: Suggestion) => void
  onUnpick: (index: number) => void
  onRemove: (index: number) => void
  /** Shown first under the row, e.g. a warning about the exposure date. */
  notice?: ReactNode
  /** The feature's own cells, after the four person cells. */
  children: ReactNode
}

/**
 * One row of a line-listing grid: its number, the person cells (each labelled "<column>, rad N"
 * for screen readers), the feature's cells and "Fjern" — then, on a row of its own, the row's
 * problems, the picked person or the duplicate suggestions.
 */
export function LineListRow({ row: r, columns, onPick, onUnpick, onRemove, notice, children }: RowProps) {
  const t = useT()
  const { n, index, picked, items, prefix } = r
  const text = (name: Parameters<typeof gridText>[1], vars?: Record<string, string | number>) =>
    t(gridText(prefix, name), vars)
  return (
    <>
      <tr className="cw-grid__row" data-row={n}>
        <th scope="row" className="cw-grid__num">
          {n}
        </th>
        {r.textCell('firstName')}
        {r.textCell('lastName')}
        {r.textCell('idOrBirth', { inputMode: 'numeric', placeholder: t('grid.idOrBirthPlaceholder') })}
        {r.textCell('phone', { type: 'tel' })}
        {children}
        <td className="cw-grid__cell cw-grid__cell--actions">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-label={text('removeRowNamed', { row: n })}
            onClick={() => onRemove(index)}
          >
            {text('removeRow')}
          </Button>
        </td>
      </tr>
      {(items.length > 0 || !!picked || !!r.issueMessage || !!notice) && (
        <tr className="cw-grid__details">
          <td />
          <td colSpan={PERSON_CELLS.length + columns + 1}>
            <div className="cw-grid__details-body" aria-live="polite">
              {notice}
              {r.issueMessage && (
                <ValidationMessage data-size="sm">
                  {t('grid.rowProblem', { row: n, message: r.issueMessage })}
                </ValidationMessage>
              )}
              {picked ? (
                <div className="cw-picked">
                  <Paragraph data-size="sm">
                    {text('usingExisting', { row: n, person: personLine(picked, t) })}
                  </Paragraph>
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => onUnpick(index)}>
                    {text('undoPick', { row: n })}
                  </Button>
                </div>
              ) : (
                items.length > 0 && (
                  <div className="cw-row-suggestions">
                    <Paragraph data-size="sm">{text('suggestionsFor', { row: n })}</Paragraph>
                    <PersonSuggestions
                      items={items}
                      onPick={(p) => onPick(index, p)}
                      label={text('suggestionsFor', { row: n })}
                    />
                    <Checkbox
                      data-size="sm"
                      label={text('confirmNew', { row: n })}
                      {...r.form.register(`rows.${index}.confirmNew`)}
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
