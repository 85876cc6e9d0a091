import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { Link as RouterLink } from 'react-router'
import type { PersonSummary } from '../../../shared/api/persons'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { personLine, reasonText } from './PersonSuggestions'
import { personPath, useDuplicatePairs } from './usePersons'

export const mergePath = (a: string, b: string) =>
  `/personer/duplikater/sammenslaing?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`

/** `/personer/duplikater`: pairs of persons that may be the same, each with "Slå sammen". */
export function DuplicatesPage() {
  const t = useT()
  usePageTitle(t('duplicates.title'))
  return (
    <RequireCan action="person.merge" title={t('duplicates.title')}>
      <Duplicates />
    </RequireCan>
  )
}

function Duplicates() {
  const t = useT()
  const pairs = useDuplicatePairs()
  const person = (p: PersonSummary) => <AppLink to={personPath(p.id)}>{personLine(p, t)}</AppLink>
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/personer">{t('persons.backToSearch')}</AppLink>
        </Paragraph>
        <Heading level={1} data-size="lg">
          {t('duplicates.title')}
        </Heading>
        <Paragraph className="app-prose">{t('duplicates.intro')}</Paragraph>
      </div>
      {pairs.isPending && <Loading label={t('duplicates.loading')} />}
      {pairs.isError && <ErrorAlert error={pairs.error} onRetry={() => pairs.refetch()} />}
      {pairs.isSuccess && pairs.data.items.length === 0 && <Paragraph>{t('duplicates.none')}</Paragraph>}
      {pairs.isSuccess && pairs.data.items.length > 0 && (
        <DataTable
          caption={t('duplicates.caption')}
          columns={[
            t('duplicates.personA'),
            t('duplicates.personB'),
            t('duplicates.why'),
            { label: <span className="cw-visually-hidden">{t('grid.actions')}</span> },
          ]}
        >
          {pairs.data.items.map((pair) => (
            <Table.Row key={`${pair.a.id}-${pair.b.id}`}>
              <Table.Cell>{person(pair.a)}</Table.Cell>
              <Table.Cell>{person(pair.b)}</Table.Cell>
              <Table.Cell>{reasonText(t, pair.reasons)}</Table.Cell>
              <Table.Cell>
                <Button asChild variant="secondary" data-size="sm">
                  <RouterLink
                    to={mergePath(pair.a.id, pair.b.id)}
                    aria-label={t('duplicates.mergeNamed', {
                      a: personLine(pair.a, t),
                      b: personLine(pair.b, t),
                    })}
                  >
                    {t('duplicates.merge')}
                  </RouterLink>
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
    </div>
  )
}
