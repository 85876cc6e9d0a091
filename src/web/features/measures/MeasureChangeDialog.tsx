import { Alert, Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react'
import { useRef } from 'react'
import { type MeasureView, measureAdjust, measureCancel, measureExempt } from '../../../shared/api/measures'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
import { fieldProps } from '../../components/formErrors'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { type MessageKey, useT } from '../../i18n'
import { KIND_LABELS } from './labels'
import { type MeasureChange, useChangeMeasure } from './useMeasures'

type Action = 'extend' | 'shorten' | 'override' | 'exempt' | 'cancel'
const ACTIONS: Record<Action, MessageKey> = {
  extend: 'measure.change.extend',
  shorten: 'measure.change.shorten',
  override: 'measure.change.override',
  exempt: 'measure.change.exempt',
  cancel: 'measure.change.cancel',
}

type ChangeValues = { action: Action; startDate: string; endDate: string; from: string; reason: string }

function toChange(action: Action, v: ChangeValues, version: number): MeasureChange {
  if (action === 'cancel') return { kind: 'cancel', version, reason: v.reason }
  if (action === 'exempt') return { kind: 'exempt', version, reason: v.reason, from: v.from }
  return {
    kind: 'adjust',
    version,
    action,
    endDate: v.endDate,
    reason: v.reason,
    ...(action === 'override' && v.startDate ? { startDate: v.startDate } : {}),
  }
}

const BODY_SCHEMAS = { adjust: measureAdjust, cancel: measureCancel, exempt: measureExempt }

/** The change form, checked as the request it becomes (adjust, cancel or exempt). */
export function useMeasureChangeForm(m: MeasureView, onDone: () => void) {
  return useMutationForm({
    schema: checkedAs<ChangeValues>((v) => {
      const { kind, ...body } = toChange(v.action, v, m.version)
      return { schema: BODY_SCHEMAS[kind], body }
    }),
    defaultValues: { action: 'extend', startDate: m.startDate, endDate: m.endDate, from: '', reason: '' },
    mutation: useChangeMeasure(m.id),
    toBody: (v) => toChange(v.action, v, m.version),
    onSuccess: onDone,
  })
}

/** Extend, shorten, override, exempt or cancel — always with a reason (shown and audited). */
export function MeasureChangeDialog({ measure: m }: { measure: MeasureView }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const { form, onSubmit, unplacedError } = useMeasureChangeForm(m, () => {
    ref.current?.close()
    form.resetField('reason')
  })
  const action = form.watch('action')
  const conflict = isApiError(unplacedError) && unplacedError.code === 'conflict'
  return (
    <div>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => ref.current?.showModal()}>
        {t('measure.change.button')}
      </Button>
      <FormDialog
        dialogRef={ref}
        title={t('measure.change.heading', { kind: t(KIND_LABELS[m.kind]).toLowerCase() })}
        onSubmit={onSubmit}
        submitLabel={t('measure.change.submit')}
        submitting={form.formState.isSubmitting}
      >
        <Fieldset className="cw-inline-radios">
          <Fieldset.Legend>{t('measure.change.action')}</Fieldset.Legend>
          {(Object.keys(ACTIONS) as Action[]).map((a) => (
            <Radio key={a} value={a} label={t(ACTIONS[a])} {...form.register('action')} />
          ))}
        </Fieldset>
        {action === 'override' && (
          <Textfield type="date" label={t('measure.field.start')} {...fieldProps(form, 'startDate')} />
        )}
        {(action === 'extend' || action === 'shorten' || action === 'override') && (
          <Textfield type="date" label={t('measure.change.newEnd')} {...fieldProps(form, 'endDate')} />
        )}
        {action === 'exempt' && (
          <Textfield type="date" label={t('measure.change.exemptFrom')} {...fieldProps(form, 'from')} />
        )}
        <Textfield
          label={t('measure.field.reason')}
          description={t('measure.start.overrideHelp')}
          {...fieldProps(form, 'reason')}
        />
        {conflict && <Alert data-color="warning">{t('measure.change.conflict')}</Alert>}
        {unplacedError && !conflict && <ErrorAlert error={unplacedError} />}
      </FormDialog>
    </div>
  )
}
