import { Alert, Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react'
import { useRef, useState } from 'react'
import type { MeasureView } from '../../../shared/api/measures'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormDialog } from '../../components/FormDialog'
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

function toChange(
  action: Action,
  v: { startDate: string; endDate: string; from: string; reason: string },
  version: number,
): MeasureChange {
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

/** Extend, shorten, override, exempt or cancel — always with a reason (shown and audited). */
export function MeasureChangeDialog({ measure: m }: { measure: MeasureView }) {
  const t = useT()
  const ref = useRef<HTMLDialogElement>(null)
  const change = useChangeMeasure(m.id)
  const [action, setAction] = useState<Action>('extend')
  const [v, setV] = useState({ startDate: m.startDate, endDate: m.endDate, from: '', reason: '' })
  const error = (path: string) => (isApiError(change.error) ? change.error.fieldError(path) : undefined)
  const conflict = isApiError(change.error) && change.error.code === 'conflict'
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    change.mutate(toChange(action, v, m.version), {
      onSuccess: () => {
        ref.current?.close()
        setV((x) => ({ ...x, reason: '' }))
      },
    })
  }
  return (
    <div>
      <Button type="button" variant="secondary" data-size="sm" onClick={() => ref.current?.showModal()}>
        {t('measure.change.button')}
      </Button>
      <FormDialog
        dialogRef={ref}
        title={t('measure.change.heading', { kind: t(KIND_LABELS[m.kind]).toLowerCase() })}
        onSubmit={submit}
        submitLabel={t('measure.change.submit')}
        submitting={change.isPending}
      >
        <Fieldset className="cw-inline-radios">
          <Fieldset.Legend>{t('measure.change.action')}</Fieldset.Legend>
          {(Object.keys(ACTIONS) as Action[]).map((a) => (
            <Radio
              key={a}
              name="action"
              value={a}
              label={t(ACTIONS[a])}
              checked={action === a}
              onChange={() => setAction(a)}
            />
          ))}
        </Fieldset>
        {action === 'override' && (
          <Textfield
            type="date"
            label={t('measure.field.start')}
            value={v.startDate}
            onChange={(e) => setV({ ...v, startDate: e.target.value })}
            error={error('startDate')}
          />
        )}
        {(action === 'extend' || action === 'shorten' || action === 'override') && (
          <Textfield
            type="date"
            label={t('measure.change.newEnd')}
            value={v.endDate}
            onChange={(e) => setV({ ...v, endDate: e.target.value })}
            error={error('endDate')}
          />
        )}
        {action === 'exempt' && (
          <Textfield
            type="date"
            label={t('measure.change.exemptFrom')}
            value={v.from}
            onChange={(e) => setV({ ...v, from: e.target.value })}
            error={error('from')}
          />
        )}
        <Textfield
          label={t('measure.field.reason')}
          description={t('measure.start.overrideHelp')}
          value={v.reason}
          onChange={(e) => setV({ ...v, reason: e.target.value })}
          error={error('reason')}
        />
        {conflict && <Alert data-color="warning">{t('measure.change.conflict')}</Alert>}
        {change.isError &&
          !conflict &&
          change.error &&
          !(isApiError(change.error) && change.error.errors.length > 0) && (
            <ErrorAlert error={change.error} />
          )}
      </FormDialog>
    </div>
  )
}
