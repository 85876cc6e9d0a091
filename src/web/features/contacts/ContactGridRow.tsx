import { Button, Checkbox, Input, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react'
import type { KeyboardEvent } from 'react'
import { type UseFormReturn, useWatch } from 'react-hook-form'
import { relation } from '../../../shared/api/codes'
import { exposureWarning, type InfectiousPeriod } from '../../../shared/domain/infectiousPeriod'
import { parseNorwegianDate, todayOslo } from '../../components/dates'
import { useDebounced } from '../../components/useDebounced'
import { type MessageKey, useT } from '../../i18n'
import { EXPOSURE_SETTING_CODES, EXPOSURE_SETTING_LABELS, RELATION_LABELS } from '../cases/labels'
import { PersonSuggestions, personLine, type Suggestion } from '../persons/PersonSuggestions'
import { useDuplicateSuggestions } from '../persons/usePersons'
import { GRID_CELLS, type GridCell, type GridValues, splitIdOrBirth } from './gridModel'
import type { RowIssue } from './useContactGridForm'

export const CELL_LABELS: Record<GridCell, MessageKey> = {
  firstName: 'grid.firstName',
  lastName: 'grid.lastName',
  idOrBirth: 'grid.idOrBirth',
  phone: 'grid.phone',
  relation: 'grid.relation',
  exposureSetting: 'grid.exposureSetting',
  lastExposure: 'grid.lastExposure',
  household: 'grid.household',
}

export const cellId = (gridId: string, row: number, cell: GridCell) => `${gridId}-r${row}-${cell}`

interface RowProps {
  gridId: string
  index: number
  form: UseFormReturn<GridValues>
  issue: RowIssue | undefined
  period: InfectiousPeriod | null
  onPick: (index: number, person: Suggestion) => void
  onUnpick: (index: number) => void
  onRemove: (index: number) => void
  onEnterLastCell: (index: number) => void
}

/**
 * One contact of the line-listing grid: eight cells (each labelled "<column>, rad N" for screen
 * readers), then — on a row of its own — duplicate suggestions, the picked person or row problems.
 */
export function ContactGridRow(props: RowProps) {
  const { gridId, index, form, issue, period, onPick, onUnpick, onRemove, onEnterLastCell } = props
  const t = useT()
  const row = useWatch({ control: form.control, name: `rows.${index}` })
  const errors = form.formState.errors.rows?.[index]
  const picked = row?.picked ?? null
  const n = index + 1
  const { register, setValue, getValues } = form

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

  const exposure = parseNorwegianDate(row?.lastExposure ?? '')
  const warning = exposure && period ? exposureWarning(exposure, period, todayOslo()) : null

  const label = (cell: GridCell) => t('grid.cellLabel', { column: t(CELL_LABELS[cell]), row: n })
  const described = (cell: GridCell, extra?: string) =>
    [errors?.[cell] ? `${cellId(gridId, index, cell)}-error` : null, extra].filter(Boolean).join(' ') ||
    undefined
  const err = (cell: GridCell) =>
    errors?.[cell]?.message ? (
      <ValidationMessage data-size="sm" id={`${cellId(gridId, index, cell)}-error`}>
        {errors[cell]?.message}
      </ValidationMessage>
    ) : null

  const text = (cell: Exclude<GridCell, 'household' | 'relation' | 'exposureSetting'>, extra = {}) => (
    <td className={`cw-grid__cell cw-grid__cell--${cell}`}>
      <Input
        id={cellId(gridId, index, cell)}
        data-size="sm"
        aria-label={label(cell)}
        aria-invalid={errors?.[cell] ? true : undefined}
        aria-describedby={described(cell)}
        autoComplete="off"
        readOnly={!!picked && ['firstName', 'lastName', 'idOrBirth', 'phone'].includes(cell)}
        {...extra}
        {...register(`rows.${index}.${cell}`)}
      />
      {err(cell)}
    </td>
  )

  const onLastKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      onEnterLastCell(index)
    }
  }
  const hasDetails = items.length > 0 || !!picked || !!issue?.message || !!warning
  return (
    <>
      <tr className="cw-grid__row" data-row={n}>
        <th scope="row" className="cw-grid__num">
          {n}
        </th>
        {text('firstName')}
        {text('lastName')}
        {text('idOrBirth', { inputMode: 'numeric', placeholder: t('grid.idOrBirthPlaceholder') })}
        {text('phone', { type: 'tel' })}
        <td className="cw-grid__cell cw-grid__cell--relation">
          <Select
            id={cellId(gridId, index, 'relation')}
            data-size="sm"
            aria-label={label('relation')}
            aria-invalid={errors?.relation ? true : undefined}
            aria-describedby={described('relation')}
            {...register(`rows.${index}.relation`, {
              onChange: (e) => {
                // A household member: tick "husstand" and the setting, which the tracer would do next anyway.
                if (e.target.value !== 'household') return
                setValue(`rows.${index}.household`, true)
                if (!getValues(`rows.${index}.exposureSetting`))
                  setValue(`rows.${index}.exposureSetting`, 'household')
              },
            })}
          >
            <option value="">{t('common.choose')}</option>
            {relation.options.map((r) => (
              <option key={r} value={r}>
                {t(RELATION_LABELS[r])}
              </option>
            ))}
          </Select>
          {err('relation')}
        </td>
        <td className="cw-grid__cell cw-grid__cell--exposureSetting">
          <Select
            id={cellId(gridId, index, 'exposureSetting')}
            data-size="sm"
            aria-label={label('exposureSetting')}
            aria-invalid={errors?.exposureSetting ? true : undefined}
            aria-describedby={described('exposureSetting')}
            {...register(`rows.${index}.exposureSetting`)}
          >
            <option value="">{t('common.choose')}</option>
            {EXPOSURE_SETTING_CODES.map((s) => (
              <option key={s} value={s}>
                {t(EXPOSURE_SETTING_LABELS[s])}
              </option>
            ))}
          </Select>
          {err('exposureSetting')}
        </td>
        {text('lastExposure', {
          inputMode: 'numeric',
          placeholder: t('grid.datePlaceholder'),
          'aria-describedby': described(
            'lastExposure',
            warning ? `${cellId(gridId, index, 'lastExposure')}-warning` : undefined,
          ),
        })}
        <td className="cw-grid__cell cw-grid__cell--household">
          <Checkbox
            id={cellId(gridId, index, 'household')}
            data-size="sm"
            aria-label={label('household')}
            aria-describedby={described('household')}
            onKeyDown={onLastKey}
            {...register(`rows.${index}.household`)}
          />
          {err('household')}
        </td>
        <td className="cw-grid__cell cw-grid__cell--actions">
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-label={t('grid.removeRowNamed', { row: n })}
            onClick={() => onRemove(index)}
          >
            {t('grid.removeRow')}
          </Button>
        </td>
      </tr>
      {hasDetails && (
        <tr className="cw-grid__details">
          <td />
          <td colSpan={GRID_CELLS.length + 1}>
            <div className="cw-grid__details-body" aria-live="polite">
              {warning && (
                <Paragraph
                  data-size="sm"
                  id={`${cellId(gridId, index, 'lastExposure')}-warning`}
                  className="cw-warning-text"
                >
                  {t('grid.rowWarning', { row: n, message: warning.message })}
                </Paragraph>
              )}
              {issue?.message && (
                <ValidationMessage data-size="sm">
                  {t('grid.rowProblem', { row: n, message: issue.message })}
                </ValidationMessage>
              )}
              {picked ? (
                <div className="cw-picked">
                  <Paragraph data-size="sm">
                    {t('grid.usingExisting', { row: n, person: personLine(picked, t) })}
                  </Paragraph>
                  <Button type="button" variant="tertiary" data-size="sm" onClick={() => onUnpick(index)}>
                    {t('grid.undoPick', { row: n })}
                  </Button>
                </div>
              ) : (
                items.length > 0 && (
                  <div className="cw-row-suggestions">
                    <Paragraph data-size="sm">{t('grid.suggestionsFor', { row: n })}</Paragraph>
                    <PersonSuggestions
                      items={items}
                      onPick={(p) => onPick(index, p)}
                      label={t('grid.suggestionsFor', { row: n })}
                    />
                    <Checkbox
                      data-size="sm"
                      label={t('grid.confirmNew', { row: n })}
                      {...register(`rows.${index}.confirmNew`)}
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
