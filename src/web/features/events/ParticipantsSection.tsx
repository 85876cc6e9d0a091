import { Alert, Button, Checkbox, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useState } from 'react'
import type { ConvertParticipantResult, EventDetail, ParticipantView } from '../../../shared/api/events'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { CASE_STATUS_LABELS, CONTACT_STATUS_LABELS, codeLabel } from '../cases/labels'
import { casePath } from '../cases/useCases'
import { contactPath } from '../contacts/useContacts'
import { TransferDialog } from '../transfers/TransferDialog'
import { ConvertParticipantDialog } from './ConvertParticipantDialog'
import { ROLE_LABELS } from './labels'
import { MakeContactsPanel } from './MakeContactsPanel'
import { formatOsloDateTime } from './osloTime'
import { useMakeContacts, useRemoveParticipant } from './useEvents'

const nameOf = (p: ParticipantView) => `${p.person.firstName} ${p.person.lastName}`

/**
 * The event's participants: select some and make them contacts of a case (SPEC §3.4 bulk action),
 * register one as a case (then the others are offered as its contacts), transfer a contact's
 * follow-up, or remove a participation entered by mistake.
 */
export function ParticipantsSection({ event }: { event: EventDetail }) {
  const t = useT()
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [offer, setOffer] = useState<{ result: ConvertParticipantResult; name: string } | null>(null)
  const makeContacts = useMakeContacts(event.id)
  const remove = useRemoveParticipant(event.id)
  const all = event.participants
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  const allSelected = all.length > 0 && all.every((p) => selected.has(p.id))

  return (
    <section className="app-stack cw-section" aria-labelledby="participants-heading">
      <Heading level={2} data-size="sm" id="participants-heading">
        {t('participants.heading')}
      </Heading>
      {offer && (
        <Alert data-color="info" className="app-stack">
          <Paragraph>
            {t('convert.offer', { name: offer.name, count: offer.result.otherParticipantIds.length })}
          </Paragraph>
          <div className="cw-actions">
            {offer.result.otherParticipantIds.length > 0 && (
              <Button
                type="button"
                data-size="sm"
                loading={makeContacts.isPending}
                onClick={async () => {
                  await makeContacts.mutateAsync({
                    caseId: offer.result.caseId,
                    participantIds: offer.result.otherParticipantIds,
                  })
                  setOffer(null)
                }}
              >
                {t('convert.offerYes')}
              </Button>
            )}
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setOffer(null)}>
              {t('convert.offerNo')}
            </Button>
            <AppLink to={casePath(offer.result.caseId)}>{t('convert.openCase')}</AppLink>
          </div>
          {makeContacts.isError && <ErrorAlert error={makeContacts.error} />}
        </Alert>
      )}
      {all.length === 0 ? (
        <Paragraph className="cw-muted">{t('participants.none')}</Paragraph>
      ) : (
        <DataTable
          caption={t('participants.caption')}
          testId="participants"
          columns={[
            {
              label: (
                <Checkbox
                  data-size="sm"
                  aria-label={t('participants.selectAll')}
                  checked={allSelected}
                  onChange={() => setSelected(allSelected ? new Set() : new Set(all.map((p) => p.id)))}
                />
              ),
            },
            t('participants.col.name'),
            t('participants.col.birthDate'),
            t('participants.col.role'),
            t('participants.col.exposure'),
            t('participants.col.record'),
            t('participants.col.actions'),
          ]}
        >
          {all.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <Checkbox
                  data-size="sm"
                  aria-label={t('participants.select', { name: nameOf(p) })}
                  checked={selected.has(p.id)}
                  onChange={() => toggle(p.id)}
                />
              </Table.Cell>
              <Table.Cell>
                <AppLink to={`/personer/${encodeURIComponent(p.person.id)}`}>
                  {p.person.lastName}, {p.person.firstName}
                </AppLink>
              </Table.Cell>
              <Table.Cell>{formatIsoDate(p.person.birthDate)}</Table.Cell>
              <Table.Cell>{t(ROLE_LABELS[p.role])}</Table.Cell>
              <Table.Cell>{formatOsloDateTime(p.exposureAt)}</Table.Cell>
              <Table.Cell>
                <RecordLinks p={p} />
              </Table.Cell>
              <Table.Cell>
                <span className="cw-inline">
                  {!p.caseId && (
                    <ConvertParticipantDialog
                      eventId={event.id}
                      participant={p}
                      onConverted={(result, name) => setOffer({ result, name })}
                    />
                  )}
                  {p.contactId && p.contactStatus === 'active' && (
                    <TransferDialog recordType="contact" recordId={p.contactId} name={nameOf(p)} compact />
                  )}
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    aria-label={t('participants.removeNamed', { name: nameOf(p) })}
                    onClick={() => remove.mutate({ id: p.id, version: p.version })}
                  >
                    {t('participants.remove')}
                  </Button>
                </span>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {remove.isError && <ErrorAlert error={remove.error} />}
      <MakeContactsPanel
        event={event}
        selected={[...selected]}
        onDone={() => setSelected(new Set())}
        mutation={makeContacts}
      />
    </section>
  )
}

function RecordLinks({ p }: { p: ParticipantView }) {
  const t = useT()
  return (
    <span className="cw-inline">
      {p.caseId && p.caseStatus && (
        <AppLink to={casePath(p.caseId)}>
          {t('participants.recordCase', { status: t(CASE_STATUS_LABELS[p.caseStatus]) })}
        </AppLink>
      )}
      {p.contactId && (
        <AppLink to={contactPath(p.contactId)}>
          {t('participants.recordContact', { status: codeLabel(t, CONTACT_STATUS_LABELS, p.contactStatus) })}
        </AppLink>
      )}
    </span>
  )
}
