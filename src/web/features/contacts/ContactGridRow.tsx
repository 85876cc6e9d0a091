import { Checkbox, Paragraph, Select } from '@digdir/designsystemet-react'
import type { KeyboardEvent } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import { relation } from '../../../shared/api/codes'
import { exposureWarning, type InfectiousPeriod } from '../../../shared/domain/infectiousPeriod'
import { CodeOptions } from '../../components/CodeOptions'
import { parseNorwegianDate, todayOslo } from '../../components/dates'
import { type MessageKey, useT } from '../../i18n'
import { EXPOSURE_SETTING_CODES, EXPOSURE_SETTING_LABELS, RELATION_LABELS } from '../cases/labels'
import { LineListRow, useLineListRow } from '../linelist/LineListRow'
import type { RowIssue } from '../linelist/useLineListForm'
import type { Suggestion } from '../persons/PersonSuggestions'
import type { GridCell, GridRow, GridValues } from './gridModel'

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
 * One contact of the line-listing grid: after the person cells, relation, setting, last exposure
 * and household — with a warning under the row when the exposure lies outside the infectious period.
 */
export function ContactGridRow(props: RowProps) {
  const { gridId, index, form, issue, period, onEnterLastCell, ...actions } = props
  const t = useT()
  const r = useLineListRow<GridRow>({ form, gridId, index, issue, prefix: 'grid', labels: CELL_LABELS })
  const { register, setValue, getValues } = form

  const exposure = parseNorwegianDate(r.row?.lastExposure ?? '')
  const warning = exposure && period ? exposureWarning(exposure, period, todayOslo()) : null
  const warningId = `${r.cell('lastExposure')}-warning`

  const select = (cell: 'relation' | 'exposureSetting') => ({
    id: r.cell(cell),
    'data-size': 'sm' as const,
    'aria-label': r.label(cell),
    'aria-invalid': r.errors?.[cell] ? true : undefined,
    'aria-describedby': r.described(cell),
  })
  const onLastKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      onEnterLastCell(index)
    }
  }
  return (
    <LineListRow
      row={r}
      columns={4}
      {...actions}
      notice={
        warning && (
          <Paragraph data-size="sm" id={warningId} className="cw-warning-text">
            {t('grid.rowWarning', { row: r.n, message: warning.message })}
          </Paragraph>
        )
      }
    >
      <td className="cw-grid__cell cw-grid__cell--relation">
        <Select
          {...select('relation')}
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
          <CodeOptions empty={t('common.choose')} codes={relation.options} labels={RELATION_LABELS} />
        </Select>
        {r.error('relation')}
      </td>
      <td className="cw-grid__cell cw-grid__cell--exposureSetting">
        <Select {...select('exposureSetting')} {...register(`rows.${index}.exposureSetting`)}>
          <CodeOptions
            empty={t('common.choose')}
            codes={EXPOSURE_SETTING_CODES}
            labels={EXPOSURE_SETTING_LABELS}
          />
        </Select>
        {r.error('exposureSetting')}
      </td>
      {r.textCell('lastExposure', {
        inputMode: 'numeric',
        placeholder: t('grid.datePlaceholder'),
        'aria-describedby': r.described('lastExposure', warning ? warningId : undefined),
      })}
      <td className="cw-grid__cell cw-grid__cell--household">
        <Checkbox
          id={r.cell('household')}
          data-size="sm"
          aria-label={r.label('household')}
          aria-describedby={r.described('household')}
          onKeyDown={onLastKey}
          {...register(`rows.${index}.household`)}
        />
        {r.error('household')}
      </td>
    </LineListRow>
  )
}
