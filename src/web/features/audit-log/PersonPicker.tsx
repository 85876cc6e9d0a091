import { Button, Chip, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import type { PersonSummary } from '../../../shared/api/persons'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useDebounced } from '../../components/useDebounced'
import { useI18n, useT } from '../../i18n'
import { MIN_PERSON_QUERY, usePersonChoices } from './useAuditLog'

export interface PickedPerson {
  id: string
  name: string
}

export const personLabel = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`

/**
 * Picks one person by name (GET /api/persons?q=): a search field, a list of matching persons as
 * buttons, and the chosen person as a removable chip.
 */
export function PersonPicker({
  value,
  onChange,
}: {
  value: PickedPerson | null
  onChange: (person: PickedPerson | null) => void
}) {
  const t = useT()
  const { locale } = useI18n()
  const resultsId = useId()
  const [input, setInput] = useState('')
  const term = useDebounced(input.trim(), 300)
  const search = usePersonChoices(term)
  const active = term.length >= MIN_PERSON_QUERY

  if (value) {
    return (
      <div className="app-audit-person">
        <Paragraph data-size="sm" className="app-audit-person__label">
          {t('auditLog.person.selected')}
        </Paragraph>
        <Chip.Removable
          aria-label={t('auditLog.person.clear', { name: value.name })}
          onClick={() => onChange(null)}
        >
          {value.name}
        </Chip.Removable>
      </div>
    )
  }

  const born = (p: PersonSummary) =>
    p.birthDate ? ` (${t('auditLog.person.born', { date: formatIsoDate(p.birthDate, locale) })})` : ''
  const items = active ? (search.data?.items ?? []) : []
  let status = ''
  if (active && search.isFetching) status = t('auditLog.person.searching')
  else if (active && search.isSuccess && items.length === 0) status = t('auditLog.person.none')

  return (
    <div className="app-audit-person">
      <Textfield
        type="search"
        label={t('auditLog.person.search')}
        description={t('auditLog.person.searchHelp')}
        autoComplete="off"
        value={input}
        aria-controls={resultsId}
        onChange={(e) => setInput(e.target.value)}
        onKeyDown={(e) => {
          // Enter in the person search must not submit the surrounding filter form.
          if (e.key === 'Enter') e.preventDefault()
        }}
      />
      <Paragraph data-size="sm" aria-live="polite" className="app-muted">
        {status}
      </Paragraph>
      {active && search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
      <ul id={resultsId} className="app-audit-person__results" aria-label={t('auditLog.person.results')}>
        {items.map((p) => {
          const name = personLabel(p)
          return (
            <li key={p.id}>
              <Button
                type="button"
                variant="tertiary"
                data-size="sm"
                aria-label={t('auditLog.person.choose', { name: `${name}${born(p)}` })}
                onClick={() => {
                  onChange({ id: p.id, name })
                  setInput('')
                }}
              >
                {name}
                {born(p)}
              </Button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
