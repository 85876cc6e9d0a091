import { Button, Checkbox, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { type MeasureCreate, measureCreate } from '../../../shared/api/measures'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { useMeasurePreview, useStartMeasure } from './useMeasures'

type Target = { kind: 'isolation'; caseId: string } | { kind: 'quarantine'; contactId: string }

type StartValues = { override: { startDate: string; endDate: string; reason: string } }

/** Starting a measure: the rules' dates, or (overriding) the tracer's dates checked with `measureCreate`. */
export function useStartMeasureForm(target: Target, overriding: boolean) {
  const toBody = (v: StartValues): MeasureCreate => ({
    ...target,
    ...(overriding ? { override: v.override } : {}),
  })
  return useMutationForm({
    schema: checkedAs<StartValues>((v) => ({ schema: measureCreate, body: toBody(v) })),
    defaultValues: { override: { startDate: '', endDate: '', reason: '' } },
    mutation: useStartMeasure(),
    toBody,
  })
}

/**
 * Shows the dates the national rules give and starts the measure; or, with "Sett datoene manuelt"
 * (required when no rule applies), the tracer's dates with a reason.
 */
export function StartMeasure(target: Target) {
  const t = useT()
  const preview = useMeasurePreview(target, true)
  const [manual, setManual] = useState(false)
  const plan = preview.data
  const mustOverride = plan !== undefined && !plan.ok
  const overriding = manual || mustOverride
  const { form, onSubmit, unplacedError } = useStartMeasureForm(target, overriding)
  return (
    <form className="app-stack" onSubmit={onSubmit} noValidate data-testid="start-measure">
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
            {...fieldProps(form, 'override.startDate')}
          />
          <Textfield type="date" label={t('measure.field.end')} {...fieldProps(form, 'override.endDate')} />
          <Textfield
            label={t('measure.field.reason')}
            description={t('measure.start.overrideHelp')}
            {...fieldProps(form, 'override.reason')}
          />
        </div>
      )}
      {unplacedError && <ErrorAlert error={unplacedError} />}
      <div className="cw-actions">
        <Button type="submit" loading={form.formState.isSubmitting} disabled={preview.isPending}>
          {t(target.kind === 'isolation' ? 'measure.start.isolation' : 'measure.start.quarantine')}
        </Button>
      </div>
    </form>
  )
}
