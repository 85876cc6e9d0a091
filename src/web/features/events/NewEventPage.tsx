import { Heading, Paragraph } from '@digdir/designsystemet-react'
import { useNavigate } from 'react-router'
import { AppLink } from '../../components/AppLink'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'
import { EventForm } from './EventForm'
import { eventPath, useCreateEvent } from './useEvents'

/** `/hendelser/ny`: register an event; its page (with the participant grid) opens next. */
export function NewEventPage() {
  const t = useT()
  usePageTitle(t('event.newTitle'))
  return (
    <RequireCan action="event.write" title={t('event.newTitle')}>
      <NewEvent />
    </RequireCan>
  )
}

function NewEvent() {
  const t = useT()
  const navigate = useNavigate()
  const create = useCreateEvent()
  return (
    <div className="app-page">
      <div className="app-stack">
        <Paragraph data-size="sm">
          <AppLink to="/hendelser">{t('event.backToList')}</AppLink>
        </Paragraph>
        <Heading level={1} data-size="lg">
          {t('event.newTitle')}
        </Heading>
        <Paragraph className="app-prose">{t('event.newLead')}</Paragraph>
        <EventForm
          save={async (body) => {
            const created = await create.mutateAsync(body)
            navigate(eventPath(created.id))
          }}
          error={create.error}
          saving={create.isPending}
          submitLabel={t('event.create')}
        />
      </div>
    </div>
  )
}
