import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { ContactListItem } from '../../../shared/api/contacts'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate, todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import {
  CONTACT_STATUS_COLOR,
  CONTACT_STATUS_LABELS,
  codeLabel,
  EXPOSURE_SETTING_LABELS,
  RELATION_LABELS,
} from '../cases/labels'
import { casePath } from '../cases/useCases'
import { contactPath, useMarkNotified } from './useContacts'

/** "Marker som varslet" (today) for one contact; shows the date once notified. */
export function NotifiedCell({ contact }: { contact: ContactListItem }) {
  const t = useT()
  const mark = useMarkNotified()
  const name = `${contact.person.firstName} ${contact.person.lastName}`
  if (contact.notifiedAt) return <>{t('contacts.notifiedOn', { date: formatIsoDate(contact.notifiedAt) })}</>
  return (
    <div className="cw-inline">
      <span>{t('contacts.notNotified')}</span>
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        loading={mark.isPending}
        aria-label={t('contacts.markNotifiedNamed', { name })}
        onClick={() => mark.mutate({ id: contact.id, notifiedAt: todayOslo(), version: contact.version })}
      >
        {t('contacts.markNotified')}
      </Button>
      {mark.isError && <ErrorAlert error={mark.error} />}
    </div>
  )
}

/** The contacts of a case (or of a worklist): status, exposure, notification and warnings. */
export function ContactTable({
  contacts,
  caption,
  showCase = false,
}: {
  contacts: readonly ContactListItem[]
  caption: string
  showCase?: boolean
}) {
  const t = useT()
  return (
    <DataTable
      caption={caption}
      columns={[
        t('contacts.col.name'),
        t('contacts.col.birthDate'),
        t('contacts.col.relation'),
        t('contacts.col.setting'),
        t('contacts.col.lastExposure'),
        t('contacts.col.household'),
        t('contacts.col.status'),
        t('contacts.col.notified'),
        showCase && t('contacts.col.case'),
      ]}
    >
      {contacts.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            <AppLink to={contactPath(c.id)}>
              {c.person.lastName}, {c.person.firstName}
            </AppLink>
            {c.warnings.map((w) => (
              <Paragraph key={w.code} data-size="xs" className="cw-warning-text">
                {w.message}
              </Paragraph>
            ))}
          </Table.Cell>
          <Table.Cell>{formatIsoDate(c.person.birthDate)}</Table.Cell>
          <Table.Cell>{codeLabel(t, RELATION_LABELS, c.relation)}</Table.Cell>
          <Table.Cell>{codeLabel(t, EXPOSURE_SETTING_LABELS, c.exposureSetting)}</Table.Cell>
          <Table.Cell>{formatIsoDate(c.lastExposure)}</Table.Cell>
          <Table.Cell>{c.household ? t('common.yes') : t('common.no')}</Table.Cell>
          <Table.Cell>
            <Tag data-size="sm" data-color={CONTACT_STATUS_COLOR[c.status]}>
              {t(CONTACT_STATUS_LABELS[c.status])}
            </Tag>
            {c.becameCaseId && (
              <>
                {' '}
                <AppLink to={casePath(c.becameCaseId)}>{t('contacts.openNewCase')}</AppLink>
              </>
            )}
          </Table.Cell>
          <Table.Cell>
            <NotifiedCell contact={c} />
          </Table.Cell>
          {showCase && (
            <Table.Cell>
              {c.caseId ? <AppLink to={casePath(c.caseId)}>{t('contacts.openCase')}</AppLink> : ''}
            </Table.Cell>
          )}
        </Table.Row>
      ))}
    </DataTable>
  )
}

/** The case page's contact list. */
export function CaseContactsList({ contacts }: { contacts: readonly ContactListItem[] }) {
  const t = useT()
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section" data-testid="case-contacts">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('contacts.heading', { count: contacts.length })}
      </Heading>
      {contacts.length === 0 ? (
        <Paragraph>{t('contacts.none')}</Paragraph>
      ) : (
        <ContactTable contacts={contacts} caption={t('contacts.caption')} />
      )}
    </section>
  )
}
