import { Button, Details, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react'
import { useState } from 'react'
import { useParams } from 'react-router'
import type { EventDetail } from '../../../shared/api/events'
import { AppLink } from '../../components/AppLink'
import { formatIsoDate } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { CASE_STATUS_LABELS, codeLabel, EXPOSURE_SETTING_LABELS } from '../cases/labels'
import { casePath } from '../cases/useCases'
import { chainByCasePath } from '../chains/useChains'
import { EventForm } from './EventForm'
import { EVENT_STATUS_LABELS } from './labels'
import { formatOsloDateTime } from './osloTime'
import { ParticipantGrid } from './ParticipantGrid'
import { ParticipantsSection } from './ParticipantsSection'
import { useEvent, usePatchEvent, useSetOutbreak } from './useEvents'

/** `/hendelser/:id`: one event — details, outbreak flag, participants, linked cases. */
export function EventPage() {
  const t = useT()
  return (
    <RequireCan action="event.read" title={t('event.title')}>
      <EventLoader />
    </RequireCan>
  )
}

function EventLoader() {
  const t = useT()
  const { id = '' } = useParams()
  const query = useEvent(id)
  usePageTitle(query.data ? query.data.name : t('event.title'))
  if (query.isPending) return <Loading label={t('event.loading')} />
  if (query.isError)
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('event.title')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
      </div>
    )
  return <EventView event={query.data} />
}

function EventView({ event }: { event: EventDetail }) {
  const t = useT()
  const patch = usePatchEvent(event.id)
  const when = [formatOsloDateTime(event.startsAt), formatOsloDateTime(event.endsAt)]
    .filter(Boolean)
    .join(' – ')
  // New participants are usually exposed at the event itself: prefill its start as Norwegian time.
  const defaultExposure = formatOsloDateTime(event.startsAt)
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/hendelser">{t('event.backToList')}</AppLink>
        </Paragraph>
        <div className="app-title-row">
          <Heading level={1} data-size="lg">
            {event.name}
          </Heading>
          {event.outbreak && <Tag data-color="danger">{t('events.outbreakTag')}</Tag>}
          <Tag data-color={event.status === 'active' ? 'info' : 'neutral'}>
            {t(EVENT_STATUS_LABELS[event.status])}
          </Tag>
        </div>
        <Paragraph data-size="sm" className="cw-muted">
          {[codeLabel(t, EXPOSURE_SETTING_LABELS, event.exposureSetting), event.location, when]
            .filter(Boolean)
            .join(' · ')}
        </Paragraph>
        <Paragraph data-testid="event-counts">
          {t('event.counts', {
            participants: event.counts.participants,
            cases: event.counts.cases,
            contacts: event.counts.contacts,
            attendees: event.counts.attendees,
            exposed: event.counts.exposedContacts,
          })}
        </Paragraph>
        <Details>
          <Details.Summary>{t('event.edit')}</Details.Summary>
          <Details.Content>
            <EventForm
              key={event.version}
              initial={event}
              save={(body, version = event.version) => patch.mutateAsync({ ...body, version })}
              error={patch.error}
              saving={patch.isPending}
              submitLabel={t('event.save')}
            />
          </Details.Content>
        </Details>
        <OutbreakSection event={event} />
        <LinkedCases event={event} />
        <ParticipantsSection event={event} />
        <ParticipantGrid eventId={event.id} defaultExposure={defaultExposure} />
      </div>
    </div>
  )
}

function OutbreakSection({ event }: { event: EventDetail }) {
  const { t, formatDate } = useI18n()
  const set = useSetOutbreak(event.id)
  const [source, setSource] = useState(event.commonSource ?? '')
  const send = (outbreak: boolean) =>
    set.mutate({ outbreak, commonSource: outbreak ? source : null, version: event.version })
  return (
    <section className="app-stack cw-section" aria-labelledby="outbreak-heading" data-testid="outbreak">
      <Heading level={2} data-size="sm" id="outbreak-heading">
        {t('outbreak.heading')}
      </Heading>
      <Paragraph>
        {event.outbreak && event.outbreakDeclaredAt
          ? t('outbreak.isOutbreak', { date: formatDate(event.outbreakDeclaredAt) })
          : t('outbreak.notOutbreak')}
      </Paragraph>
      <Textfield
        label={t('outbreak.commonSource')}
        value={source}
        onChange={(e) => setSource(e.target.value)}
      />
      {set.isError && <ErrorAlert error={set.error} />}
      <div className="cw-actions">
        <Button type="button" loading={set.isPending} onClick={() => send(true)}>
          {event.outbreak ? t('outbreak.update') : t('outbreak.declare')}
        </Button>
        {event.outbreak && (
          <Button type="button" variant="secondary" onClick={() => send(false)}>
            {t('outbreak.end')}
          </Button>
        )}
      </div>
    </section>
  )
}

function LinkedCases({ event }: { event: EventDetail }) {
  const t = useT()
  return (
    <section className="app-stack cw-section" aria-labelledby="linked-heading">
      <Heading level={2} data-size="sm" id="linked-heading">
        {t('event.linkedCases')}
      </Heading>
      {event.linkedCases.length === 0 ? (
        <Paragraph className="cw-muted">{t('event.noLinkedCases')}</Paragraph>
      ) : (
        <ul className="app-stack">
          {event.linkedCases.map((c) => (
            <li key={c.id} className="cw-inline">
              <AppLink to={casePath(c.id)}>
                {c.person.firstName} {c.person.lastName}
              </AppLink>
              <span className="cw-muted">
                {[
                  formatIsoDate(c.testDate),
                  t(CASE_STATUS_LABELS[c.status]),
                  t(`event.via.${c.via}` as const),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <AppLink to={chainByCasePath(c.id)}>{t('event.showChain')}</AppLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
