import { Button, Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { isApiError } from '../../api/client'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { useMeasurePreview, useStartMeasure } from './useMeasures'

type Target = { kind: 'isolation'; caseId: string } | { kind: 'quarantine'; contactId: string }

/**
 * Shows the dates the national rules give and starts the measure; or, with "Sett datoene manuelt"
 * (required when no rule applies), the tracer's dates with a reason.
 */
export function StartMeasure(target: Target) {
  const t = useT()
  const preview = useMeasurePreview(target, true)
  const start = useStartMeasure()
  const [manual, setManual] = useState(false)
  const [dates, setDates] = useState({ startDate: '', endDate: '', reason: '' })
  const plan = preview.data
  const mustOverride = plan !== undefined && !plan.ok
  const overriding = manual || mustOverride
  const err = (path: string) => (isApiError(start.error) ? start.error.fieldError(path) : undefined)
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    start.mutate({ ...target, ...(overriding ? { override: dates } : {}) })
  }
  return (
    <form className="app-stack" onSubmit={submit} noValidate data-testid="start-measure">
      {plan?.ok && (
        <Paragraph data-testid="measure-preview">
          {t('measure.start.previewHeading')}:{' '}
          {t('measure.period', { start: formatIsoDate(plan.startDate), end: formatIsoDate(plan.endDate) })} (
          {plan.ruleSet?.name}). <span className="cw-muted">{plan.explanation}</span>
        </Paragraph>
      )}
      {mustOverride && (
        <Paragraph className="cw-warning-text">
          {t('measure.start.noRule', { reason: plan.explanation })}
        </Paragraph>
      )}
      {preview.isError && <ErrorAlert error={preview.error} />}
      {!mustOverride && (
        <Checkbox label={t('measure.start.override')} checked={manual} onChange={() => setManual(!manual)} />
      )}
      {overriding && (
        <div className="cw-form-grid">
          <Textfield
            type="date"
            label={t('measure.field.start')}
            value={dates.startDate}
            onChange={(e) => setDates({ ...dates, startDate: e.target.value })}
            error={err('override.startDate')}
          />
          <Textfield
            type="date"
            label={t('measure.field.end')}
            value={dates.endDate}
            onChange={(e) => setDates({ ...dates, endDate: e.target.value })}
            error={err('override.endDate')}
          />
          <Textfield
            label={t('measure.field.reason')}
            description={t('measure.start.overrideHelp')}
            value={dates.reason}
            onChange={(e) => setDates({ ...dates, reason: e.target.value })}
            error={err('override.reason')}
          />
        </div>
      )}
      {start.isError && !err('override.reason') && !err('override.endDate') && !err('override.startDate') && (
        <ErrorAlert error={start.error} />
      )}
      <div className="cw-actions">
        <Button type="submit" loading={start.isPending} disabled={preview.isPending}>
          {t(target.kind === 'isolation' ? 'measure.start.isolation' : 'measure.start.quarantine')}
        </Button>
      </div>
    </form>
  )
}
