import { Button, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useState } from 'react'
import { recordStepBody, type StepState, undoStepBody } from '../../../shared/api/onboarding'
import { todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { fieldProps } from '../../components/formErrors'
import { useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { stepLabel } from './labels'
import { useRecordStep, useUndoStep } from './useOnboarding'

/**
 * The operator's buttons on one checklist step: record it (date + note) or undo it (reason). The
 * small form opens in place and takes focus; Escape or "Avbryt" closes it.
 */
export function StepActions({ code, step }: { code: string; step: StepState }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const label = t(stepLabel(step.step))
  if (!open)
    return (
      <div className="app-actions">
        <Button variant="secondary" data-size="sm" onClick={() => setOpen(true)}>
          {step.done ? t('onboarding.undoFor', { step: label }) : t('onboarding.recordFor', { step: label })}
        </Button>
      </div>
    )
  return step.done ? (
    <UndoForm code={code} step={step} onClose={() => setOpen(false)} />
  ) : (
    <RecordForm code={code} step={step} onClose={() => setOpen(false)} />
  )
}

/** Recording a step: date and note, checked with the shared `recordStepBody`. */
export function useRecordStepForm(code: string, step: StepState, onDone: () => void) {
  return useMutationForm({
    schema: recordStepBody,
    defaultValues: { doneOn: todayOslo(), note: '' },
    mutation: useRecordStep(code),
    toBody: (values) => ({ step: step.step, ...values }),
    onSuccess: onDone,
  })
}

/** Undoing a step: the reason, checked with the shared `undoStepBody`. */
export function useUndoStepForm(code: string, step: StepState, onDone: () => void) {
  return useMutationForm({
    schema: undoStepBody,
    defaultValues: { reason: '' },
    mutation: useUndoStep(code),
    toBody: (values) => ({ step: step.step, ...values }),
    onSuccess: onDone,
  })
}

function RecordForm({ code, step, onClose }: { code: string; step: StepState; onClose: () => void }) {
  const t = useT()
  const { form, onSubmit, unplacedError } = useRecordStepForm(code, step, onClose)
  useEffect(() => form.setFocus('doneOn'), [form])
  return (
    <form className="app-inline-form" onKeyDown={(e) => e.key === 'Escape' && onClose()} onSubmit={onSubmit}>
      <Textfield label={t('onboarding.doneOn')} type="date" {...fieldProps(form, 'doneOn')} />
      <Textfield label={t('onboarding.note')} {...fieldProps(form, 'note')} />
      {unplacedError && <ErrorAlert error={unplacedError} />}
      <div className="app-actions">
        <Button type="submit" data-size="sm" loading={form.formState.isSubmitting}>
          {t('onboarding.record')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onClose}>
          {t('users.cancel')}
        </Button>
      </div>
    </form>
  )
}

function UndoForm({ code, step, onClose }: { code: string; step: StepState; onClose: () => void }) {
  const t = useT()
  const { form, onSubmit, unplacedError } = useUndoStepForm(code, step, onClose)
  useEffect(() => form.setFocus('reason'), [form])
  return (
    <form className="app-inline-form" onKeyDown={(e) => e.key === 'Escape' && onClose()} onSubmit={onSubmit}>
      <Textfield label={t('onboarding.undoReason')} {...fieldProps(form, 'reason')} />
      {unplacedError && <ErrorAlert error={unplacedError} />}
      <div className="app-actions">
        <Button type="submit" data-size="sm" data-color="danger" loading={form.formState.isSubmitting}>
          {t('onboarding.undo')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onClose}>
          {t('users.cancel')}
        </Button>
      </div>
    </form>
  )
}
