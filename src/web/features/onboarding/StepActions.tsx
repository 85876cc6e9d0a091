import { Button, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useRef, useState } from 'react'
import type { StepState } from '../../../shared/api/onboarding'
import { isApiError } from '../../api/client'
import { todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
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

function useFocusFirst() {
  const ref = useRef<HTMLInputElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return ref
}

function fieldMessage(error: unknown, field: string) {
  return isApiError(error) ? error.fieldError(field) : undefined
}

function RecordForm({ code, step, onClose }: { code: string; step: StepState; onClose: () => void }) {
  const t = useT()
  const record = useRecordStep(code)
  const [doneOn, setDoneOn] = useState(todayOslo())
  const [note, setNote] = useState('')
  const first = useFocusFirst()
  return (
    <form
      className="app-inline-form"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      onSubmit={(e) => {
        e.preventDefault()
        record.mutate({ step: step.step, doneOn, note }, { onSuccess: onClose })
      }}
    >
      <Textfield
        ref={first}
        label={t('onboarding.doneOn')}
        type="date"
        value={doneOn}
        onChange={(e) => setDoneOn(e.target.value)}
        error={fieldMessage(record.error, 'doneOn')}
      />
      <Textfield
        label={t('onboarding.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        error={fieldMessage(record.error, 'note')}
      />
      {record.error && !(isApiError(record.error) && record.error.errors.length > 0) && (
        <ErrorAlert error={record.error} />
      )}
      <div className="app-actions">
        <Button type="submit" data-size="sm" loading={record.isPending}>
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
  const undo = useUndoStep(code)
  const [reason, setReason] = useState('')
  const first = useFocusFirst()
  return (
    <form
      className="app-inline-form"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
      onSubmit={(e) => {
        e.preventDefault()
        undo.mutate({ step: step.step, reason }, { onSuccess: onClose })
      }}
    >
      <Textfield
        ref={first}
        label={t('onboarding.undoReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={fieldMessage(undo.error, 'reason')}
      />
      {undo.error && !(isApiError(undo.error) && undo.error.errors.length > 0) && (
        <ErrorAlert error={undo.error} />
      )}
      <div className="app-actions">
        <Button type="submit" data-size="sm" data-color="danger" loading={undo.isPending}>
          {t('onboarding.undo')}
        </Button>
        <Button type="button" variant="tertiary" data-size="sm" onClick={onClose}>
          {t('users.cancel')}
        </Button>
      </div>
    </form>
  )
}
