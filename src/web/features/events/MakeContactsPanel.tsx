import { Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react'
import type { UseMutationResult } from '@tanstack/react-query'
import { useState } from 'react'
import type { EventDetail, MakeContactsBody, MakeContactsResult } from '../../../shared/api/events'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useDebounced } from '../../components/useDebounced'
import { useT } from '../../i18n'
import { useCaseList } from '../cases/useCases'

interface CaseOption {
  id: string
  label: string
}

/** The cases to offer: those linked to the event first, then search hits (open cases). */
function useCaseOptions(event: EventDetail, q: string): CaseOption[] {
  const term = useDebounced(q.trim(), 350)
  const search = useCaseList({ q: term, status: 'open' }, term.length >= 2)
  const seen = new Set<string>()
  const out: CaseOption[] = []
  const add = (id: string, first: string, last: string, date: string | null) => {
    if (seen.has(id)) return
    seen.add(id)
    out.push({ id, label: `${first} ${last}${date ? ` (${formatIsoDate(date)})` : ''}` })
  }
  for (const c of event.linkedCases) add(c.id, c.person.firstName, c.person.lastName, c.testDate)
  for (const p of event.participants)
    if (p.caseId && p.caseStatus) add(p.caseId, p.person.firstName, p.person.lastName, null)
  if (term.length >= 2)
    for (const c of search.data?.pages.flatMap((pg) => pg.items) ?? [])
      add(c.id, c.person.firstName, c.person.lastName, c.testDate)
  return out
}

/** "Gjør valgte deltakere til nærkontakter av …": the chosen index case, then one request. */
export function MakeContactsPanel({
  event,
  selected,
  onDone,
  mutation,
}: {
  event: EventDetail
  selected: string[]
  onDone: () => void
  mutation: UseMutationResult<MakeContactsResult, Error, MakeContactsBody>
}) {
  const t = useT()
  const [q, setQ] = useState('')
  const [caseId, setCaseId] = useState('')
  const [problem, setProblem] = useState('')
  const [result, setResult] = useState<MakeContactsResult | null>(null)
  const options = useCaseOptions(event, q)

  const submit = async () => {
    setResult(null)
    if (selected.length === 0) return setProblem(t('bulk.noneSelected'))
    if (!caseId) return setProblem(t('bulk.noCase'))
    setProblem('')
    try {
      setResult(await mutation.mutateAsync({ caseId, participantIds: selected }))
      onDone()
    } catch {
      // Shown below.
    }
  }
  const count = (o: string) => result?.items.filter((i) => i.outcome === o).length ?? 0

  return (
    <div className="app-stack cw-section" data-testid="make-contacts">
      <Heading level={3} data-size="xs">
        {t('bulk.heading')}
      </Heading>
      <Paragraph data-size="sm" aria-live="polite">
        {t('bulk.selected', { count: selected.length })}
      </Paragraph>
      <Textfield
        type="search"
        label={t('bulk.searchCase')}
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {options.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t('bulk.case')}</Fieldset.Legend>
          <Fieldset.Description>{t('bulk.caseHelp')}</Fieldset.Description>
          {options.map((o) => (
            <Radio
              key={o.id}
              name="bulk-case"
              label={o.label}
              value={o.id}
              checked={caseId === o.id}
              onChange={() => setCaseId(o.id)}
            />
          ))}
        </Fieldset>
      )}
      {problem && (
        <Paragraph role="alert" className="cw-error-text">
          {problem}
        </Paragraph>
      )}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <div className="cw-actions">
        <Button type="button" onClick={submit} loading={mutation.isPending}>
          {t('bulk.submit')}
        </Button>
      </div>
      <Paragraph role="status" data-testid="make-contacts-result">
        {result
          ? t('bulk.result', {
              created: count('created'),
              linked: count('linked'),
              already: count('already'),
            })
          : ''}
      </Paragraph>
    </div>
  )
}
