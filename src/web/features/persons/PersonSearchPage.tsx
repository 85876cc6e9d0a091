import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import { Link as RouterLink, useSearchParams } from 'react-router'
import { maskNationalId } from '../../../shared/domain/nationalId'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { RequireCan } from '../../components/RequireCan'
import { useDebounced } from '../../components/useDebounced'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { personPath, usePersonSearch } from './usePersons'

/** `/personer`: search the person register by name, national id or phone. */
export function PersonSearchPage() {
  const t = useT()
  usePageTitle(t('persons.title'))
  return (
    <RequireCan action="person.read" title={t('persons.title')}>
      <PersonSearch />
    </RequireCan>
  )
}

function PersonSearch() {
  const t = useT()
  const headingId = useId()
  const [params, setParams] = useSearchParams()
  const [input, setInput] = useState(params.get('q') ?? '')
  const q = useDebounced(input.trim(), 350)
  const search = usePersonSearch(q)
  const items = q.length >= 2 ? (search.data?.pages.flatMap((p) => p.items) ?? []) : []
  const onChange = (value: string) => {
    setInput(value)
    setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })
  }
  return (
    <div className="app-page">
      <div className="app-title-row cw-title-row">
        <Heading level={1} data-size="lg" id={headingId}>
          {t('persons.title')}
        </Heading>
        <Button asChild variant="secondary">
          <RouterLink to="/personer/duplikater">{t('persons.duplicatesLink')}</RouterLink>
        </Button>
      </div>
      <search aria-labelledby={headingId} className="app-search">
        <Textfield
          type="search"
          label={t('persons.searchLabel')}
          description={t('persons.searchHelp')}
          autoComplete="off"
          value={input}
          onChange={(e) => onChange(e.target.value)}
        />
      </search>
      <Paragraph data-size="sm" aria-live="polite" className="cw-muted">
        {q.length >= 2 && search.isSuccess
          ? items.length
            ? t('persons.hits', { count: items.length })
            : t('persons.noHits', { q })
          : ''}
      </Paragraph>
      {search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
      {items.length > 0 && (
        <DataTable
          caption={t('persons.resultsCaption')}
          columns={[t('person.name'), t('person.birthDate'), t('person.nationalId'), t('person.phone')]}
        >
          {items.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <AppLink to={personPath(p.id)}>
                  {p.lastName}, {p.firstName}
                </AppLink>
              </Table.Cell>
              <Table.Cell>{formatIsoDate(p.birthDate)}</Table.Cell>
              <Table.Cell>{p.nationalId ? maskNationalId(p.nationalId) : ''}</Table.Cell>
              <Table.Cell>{p.phone ?? ''}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {search.hasNextPage && q.length >= 2 && (
        <div>
          <Button
            variant="secondary"
            onClick={() => search.fetchNextPage()}
            loading={search.isFetchingNextPage}
          >
            {t('common.showMore')}
          </Button>
        </div>
      )}
    </div>
  )
}
