import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { UserRef } from '../../../shared/api/casework'
import { followUpAssignBody } from '../../../shared/api/followups'
import { ErrorAlert } from '../../components/ErrorAlert'
import { checkedAs, useMutationForm } from '../../components/useMutationForm'
import { useT } from '../../i18n'
import { useAssignCalls } from './useFollowUps'

type Mode = 'manual' | 'round-robin' | 'unassign'
type AssignValues = { mode: Mode; tracerIds: string[] }

/** The assignment form, checked as the `followUpAssignBody` it becomes. */
export function useAssignCallsForm(callIds: string[], onDone: (count: number) => void) {
  const toBody = ({ mode, tracerIds }: AssignValues) => ({
    callIds,
    mode,
    tracerIds: mode === 'manual' ? tracerIds.slice(0, 1) : mode === 'unassign' ? [] : tracerIds,
  })
  return useMutationForm({
    schema: checkedAs<AssignValues>((v) => ({ schema: followUpAssignBody, body: toBody(v) })),
    defaultValues: { mode: 'manual', tracerIds: [] },
    mutation: useAssignCalls(),
    toBody,
    onSuccess: (r) => onDone(r.items.length),
  })
}

/** Bulk assignment of the selected calls: to one tracer, round-robin across several, or to nobody. */
export function AssignCallsForm({
  callIds,
  tracers,
  onDone,
}: {
  callIds: string[]
  tracers: UserRef[]
  onDone: (count: number) => void
}) {
  const t = useT()
  const headingId = useId()
  const { form, onSubmit, unplacedError } = useAssignCallsForm(callIds, onDone)
  const [mode, chosen] = form.watch(['mode', 'tracerIds'])
  const setMode = (m: Mode) => form.setValue('mode', m)
  const setChosen = (ids: string[]) => form.setValue('tracerIds', ids)
  const tracerError = form.formState.errors.tracerIds?.message
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('followUp.assign.heading', { count: callIds.length })}
      </Heading>
      <form className="app-stack" onSubmit={onSubmit} noValidate>
        <Fieldset className="cw-inline-radios">
          <Fieldset.Legend>{t('followUp.assign.mode')}</Fieldset.Legend>
          <Radio
            name="mode"
            label={t('followUp.assign.manual')}
            value="manual"
            checked={mode === 'manual'}
            onChange={() => setMode('manual')}
          />
          <Radio
            name="mode"
            label={t('followUp.assign.roundRobin')}
            value="round-robin"
            checked={mode === 'round-robin'}
            onChange={() => setMode('round-robin')}
          />
          <Radio
            name="mode"
            label={t('followUp.assign.unassign')}
            value="unassign"
            checked={mode === 'unassign'}
            onChange={() => setMode('unassign')}
          />
        </Fieldset>
        {mode !== 'unassign' && (
          <Fieldset className="cw-inline-radios">
            <Fieldset.Legend>{t('followUp.assign.tracers')}</Fieldset.Legend>
            {tracers.map((u) =>
              mode === 'manual' ? (
                <Radio
                  key={u.id}
                  name="tracer"
                  label={u.name}
                  value={u.id}
                  checked={chosen[0] === u.id}
                  onChange={() => setChosen([u.id])}
                />
              ) : (
                <Checkbox
                  key={u.id}
                  label={u.name}
                  value={u.id}
                  checked={chosen.includes(u.id)}
                  onChange={() =>
                    setChosen(chosen.includes(u.id) ? chosen.filter((x) => x !== u.id) : [...chosen, u.id])
                  }
                />
              ),
            )}
            {tracerError && <Paragraph className="cw-error-text">{tracerError}</Paragraph>}
          </Fieldset>
        )}
        {unplacedError && <ErrorAlert error={unplacedError} />}
        <div className="cw-actions">
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('followUp.assign.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}
