import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import type { UserRef } from '../../../shared/api/casework'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { useAssignCalls } from './useFollowUps'

type Mode = 'manual' | 'round-robin' | 'unassign'

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
  const assign = useAssignCalls()
  const [mode, setMode] = useState<Mode>('manual')
  const [chosen, setChosen] = useState<string[]>([])
  const tracerError = isApiError(assign.error) ? assign.error.fieldError('tracerIds') : undefined
  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const tracerIds = mode === 'manual' ? chosen.slice(0, 1) : mode === 'unassign' ? [] : chosen
    assign.mutate(
      { callIds, mode, tracerIds },
      {
        onSuccess: (r) => onDone(r.items.length),
      },
    )
  }
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('followUp.assign.heading', { count: callIds.length })}
      </Heading>
      <form className="app-stack" onSubmit={submit} noValidate>
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
                    setChosen((c) => (c.includes(u.id) ? c.filter((x) => x !== u.id) : [...c, u.id]))
                  }
                />
              ),
            )}
            {tracerError && <Paragraph className="cw-error-text">{tracerError}</Paragraph>}
          </Fieldset>
        )}
        {assign.isError && !tracerError && <ErrorAlert error={assign.error} />}
        <div className="cw-actions">
          <Button type="submit" loading={assign.isPending}>
            {t('followUp.assign.submit')}
          </Button>
        </div>
      </form>
    </section>
  )
}
