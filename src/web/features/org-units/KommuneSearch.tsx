import { Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react'
import { useEffect, useId, useState } from 'react'
import { useNavigate } from 'react-router'
import type { OrgUnitSummary } from '../../../shared/api/org-units'
import { AppLink } from '../../components/AppLink'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { statusColor, statusLabel } from './labels'
import { MIN_SEARCH_LENGTH, orgUnitPath, useKommuneSearch } from './useOrgUnits'

const MAX_SHOWN = 25
const DEBOUNCE_MS = 250

/** Names that start with the term first, then alphabetical in Norwegian order (æ, ø, å last). */
function byRelevance(term: string) {
  const lower = term.toLocaleLowerCase('nb')
  const rank = (name: string) => (name.toLocaleLowerCase('nb').startsWith(lower) ? 0 : 1)
  return (a: OrgUnitSummary, b: OrgUnitSummary) =>
    rank(a.name) - rank(b.name) || a.name.localeCompare(b.name, 'nb')
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return debounced
}

/** Find a municipality by name (or code prefix) while typing; Enter opens the first hit. */
export function KommuneSearch() {
  const t = useT()
  const navigate = useNavigate()
  const headingId = useId()
  const [input, setInput] = useState('')
  const term = useDebounced(input.trim(), DEBOUNCE_MS)
  const search = useKommuneSearch(term)
  const active = term.length >= MIN_SEARCH_LENGTH
  const items = active ? [...(search.data?.items ?? [])].sort(byRelevance(term)) : []
  const shown = items.slice(0, MAX_SHOWN)

  let status = ''
  if (active && search.isFetching) status = t('orgUnits.search.searching')
  else if (active && search.isSuccess) {
    status = items.length
      ? t('orgUnits.search.hits', { count: items.length })
      : t('orgUnits.search.none', { q: term })
  }

  return (
    <section className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('orgUnits.search.heading')}
      </Heading>
      <search aria-labelledby={headingId}>
        <form
          className="app-search"
          onSubmit={(e) => {
            e.preventDefault()
            const first = shown[0]
            if (first) navigate(orgUnitPath(first.code))
          }}
        >
          <Textfield
            type="search"
            label={t('orgUnits.search.label')}
            description={t('orgUnits.search.description')}
            autoComplete="off"
            value={input}
            onChange={(e) => setInput(e.target.value)}
          />
        </form>
      </search>
      <Paragraph data-size="sm" aria-live="polite" className="app-search__status">
        {status}
      </Paragraph>
      {active && search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
      {shown.length > 0 && (
        <ul className="app-search__results" aria-label={t('orgUnits.search.resultsLabel')}>
          {shown.map((unit) => (
            <li key={unit.code}>
              <AppLink to={orgUnitPath(unit.code)}>{unit.name}</AppLink>
              <span className="app-muted">{unit.code}</span>
              <Tag data-color={statusColor[unit.status]} data-size="sm">
                {t(statusLabel(unit.status))}
              </Tag>
            </li>
          ))}
        </ul>
      )}
      {items.length > MAX_SHOWN && (
        <Paragraph data-size="sm">{t('orgUnits.search.truncated', { shown: MAX_SHOWN })}</Paragraph>
      )}
    </section>
  )
}
