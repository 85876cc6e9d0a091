import { Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useState } from 'react'
import type { SymptomsReportedItem } from '../../../shared/api/followups'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { Can, RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { contactPath } from '../contacts/useContacts'
import { ConvertToCaseFromCall } from './ConvertToCaseFromCall'
import { useSymptomsReported } from './useFollowUps'

/**
 * `/oppfolging/symptomer`: "Symptomer meldt" (issue 18) — contacts in quarantine who reported
 * symptoms on a call and are not yet cases, with "registrer som sak" (the one-transaction
 * conversion: case, quarantine ended, isolation started).
 */
export function SymptomsReportedPage() {
  const t = useT()
  usePageTitle(t('symptoms.title'))
  return (
    <RequireCan action="measure.read" title={t('symptoms.title')}>
      <SymptomsList />
    </RequireCan>
  )
}

function SymptomsList() {
  const t = useT()
  const query = useSymptomsReported()
  const [active, setActive] = useState<SymptomsReportedItem | null>(null)
  return (
    <div className="app-page">
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('symptoms.title')}
        </Heading>
        <Paragraph>{t('symptoms.intro')}</Paragraph>
      </div>
      {query.isPending ? (
        <Loading label={t('symptoms.loading')} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <Paragraph>{t('symptoms.empty')}</Paragraph>
      ) : (
        <DataTable
          caption={t('symptoms.title')}
          columns={[
            t('followUp.col.name'),
            t('followUp.col.phone'),
            t('symptoms.col.reported'),
            t('symptoms.col.notes'),
            t('followUp.col.action'),
          ]}
        >
          {query.data.items.map((c) => {
            const name = `${c.person.firstName} ${c.person.lastName}`
            return (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <AppLink to={contactPath(c.contactId)}>{name}</AppLink>
                </Table.Cell>
                <Table.Cell>{c.person.phone ?? ''}</Table.Cell>
                <Table.Cell>{formatIsoDate(c.plannedDate)}</Table.Cell>
                <Table.Cell>{[c.symptomNotes, c.remarks].filter(Boolean).join(' · ')}</Table.Cell>
                <Table.Cell>
                  <Can action="case.write">
                    <Button type="button" variant="secondary" data-size="sm" onClick={() => setActive(c)}>
                      {t('symptoms.register')}
                    </Button>
                  </Can>
                </Table.Cell>
              </Table.Row>
            )
          })}
        </DataTable>
      )}
      {active && (
        <ConvertToCaseFromCall
          key={active.id}
          contactId={active.contactId}
          callId={active.id}
          personName={`${active.person.firstName} ${active.person.lastName}`}
          onsetDate={active.onsetDate}
          testDate={active.testResult === 'positive' ? active.testDate : null}
        />
      )}
    </div>
  )
}
