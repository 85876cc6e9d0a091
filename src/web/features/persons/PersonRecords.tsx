import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { type PersonEventItem, personRecords } from '../../../shared/api/person-records'
import { api } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { type MessageKey, useI18n, useT } from '../../i18n'
import { CaseTable } from '../cases/CaseTable'
import { ContactTable } from '../contacts/CaseContactsList'

/** GET /api/persons/:id/records (audited as a read of the person). */
export function usePersonRecords(id: string) {
  return useQuery({
    queryKey: queryKeys.persons.records(id),
    queryFn: ({ signal }) => api.get(`/api/persons/${encodeURIComponent(id)}/records`, personRecords, signal),
  })
}

const ROLE_LABELS: Record<PersonEventItem['role'], MessageKey> = {
  case: 'persons.role.case',
  contact: 'persons.role.contact',
  attendee: 'persons.role.attendee',
}

/** The person's roles in this municipality: index cases, contact links and events. */
export function PersonRecords({ personId }: { personId: string }) {
  const t = useT()
  const query = usePersonRecords(personId)
  if (query.isPending) return <Loading label={t('persons.recordsLoading')} />
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
  const { cases, contacts, events, truncated } = query.data
  return (
    <>
      {truncated && <Paragraph data-size="sm">{t('persons.recordsTruncated')}</Paragraph>}
      <Section heading={t('persons.casesHeading')} empty={cases.length === 0 && t('persons.noCases')}>
        <CaseTable items={cases} caption={t('persons.casesHeading')} />
      </Section>
      <Section
        heading={t('persons.contactsHeading')}
        empty={contacts.length === 0 && t('persons.noContacts')}
      >
        <ContactTable contacts={contacts} caption={t('persons.contactsHeading')} showCase />
      </Section>
      {events.length > 0 && (
        <Section heading={t('persons.eventsHeading')} empty={false}>
          <EventTable items={events} />
        </Section>
      )}
    </>
  )
}

function Section({
  heading,
  empty,
  children,
}: {
  heading: string
  empty: string | false
  children: React.ReactNode
}) {
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {heading}
      </Heading>
      {empty ? <Paragraph>{empty}</Paragraph> : children}
    </section>
  )
}

/** Events have no page of their own yet: name, start and the person's role. */
function EventTable({ items }: { items: readonly PersonEventItem[] }) {
  const { t, formatDate } = useI18n()
  return (
    <DataTable
      caption={t('persons.eventsHeading')}
      columns={[t('persons.col.event'), t('persons.col.starts'), t('persons.col.role')]}
    >
      {items.map((e) => (
        <Table.Row key={e.id}>
          <Table.Cell>
            {e.eventName}{' '}
            {e.outbreak && (
              <Tag data-size="sm" data-color="danger">
                {t('persons.outbreak')}
              </Tag>
            )}
          </Table.Cell>
          <Table.Cell>{e.startsAt ? formatDate(e.startsAt) : ''}</Table.Cell>
          <Table.Cell>{t(ROLE_LABELS[e.role])}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}
