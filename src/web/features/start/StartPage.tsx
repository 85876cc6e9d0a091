import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import { useLoginHref, useSession } from '../../api/session'
import { AppLink } from '../../components/AppLink'
import { useCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'
import { useFlagList } from '../flags/useFlags'
import { useWorklistCounts } from '../worklists/useWorklists'

function EntryCard({
  title,
  text,
  link,
}: {
  title: string
  text: string
  link: (title: string) => ReactNode
}) {
  return (
    <li>
      <Card data-color="accent" className="app-entry-card">
        <Heading level={3} data-size="xs">
          {link(title)}
        </Heading>
        <Paragraph>{text}</Paragraph>
      </Card>
    </li>
  )
}

/** One item of the day's work: a count (when known) and a link to the list. */
function WorkItem({
  to,
  label,
  count,
  testId,
}: {
  to: string
  label: string
  count?: string | number
  testId: string
}) {
  return (
    <li className="app-work-item" data-testid={testId}>
      <AppLink to={to}>
        {count !== undefined && <span className="app-work-item__count">{count}</span>}
        <span>{label}</span>
      </AppLink>
    </li>
  )
}

const TRACER_LISTS: { list: string; to: string; label: MessageKey }[] = [
  { list: 'my-cases', to: '/arbeidslister?liste=my-cases', label: 'start.work.myCases' },
  { list: 'followups-due', to: '/oppfolging', label: 'start.work.callsDue' },
  {
    list: 'contacts-not-notified',
    to: '/arbeidslister?liste=contacts-not-notified',
    label: 'start.work.notNotified',
  },
  { list: 'unassigned-cases', to: '/arbeidslister?liste=unassigned-cases', label: 'start.work.unassigned' },
  { list: 'transfers-waiting', to: '/overforinger', label: 'start.work.transfers' },
]

/** The tracer's day: counts of their worklists, each a link. */
function TracerWork() {
  const t = useT()
  const counts = useWorklistCounts()
  return (
    <>
      {TRACER_LISTS.map((w) => (
        <WorkItem
          key={w.list}
          testId={`work-${w.list}`}
          to={w.to}
          label={t(w.label)}
          count={counts.data ? counts.data[w.list as keyof typeof counts.data] : undefined}
        />
      ))}
    </>
  )
}

/** The Administrator's queue: open error reports ("meld feil") and users. */
function AdminWork() {
  const t = useT()
  const flags = useFlagList('open')
  const first = flags.data?.pages[0]
  const count = first ? `${first.items.length}${flags.hasNextPage ? '+' : ''}` : undefined
  return (
    <>
      <WorkItem testId="work-flags" to="/feilmeldinger" label={t('start.work.flags')} count={count} />
      <WorkItem testId="work-users" to="/brukere" label={t('start.work.users')} />
    </>
  )
}

/** What the signed-in user has to do today, by what their roles allow (issue 26). */
function TodayWork() {
  const t = useT()
  const tracer = useCan('case.read')
  const admin = useCan('flag.resolve')
  const users = useCan('user.manage')
  const national = useCan('report.national')
  const operator = useCan('onboarding.manage')
  if (!tracer && !admin && !users && !national && !operator) return null
  return (
    <section aria-labelledby="start-work" className="app-stack">
      <Heading level={2} data-size="sm" id="start-work">
        {t('start.work.heading')}
      </Heading>
      <ul className="app-work-grid">
        {tracer && <TracerWork />}
        {admin && <AdminWork />}
        {!admin && users && <WorkItem testId="work-users" to="/brukere" label={t('start.work.users')} />}
        {national && (
          <WorkItem testId="work-national" to="/nasjonal-oversikt" label={t('start.work.national')} />
        )}
        {operator && <WorkItem testId="work-onboarding" to="/kommuner" label={t('start.work.onboarding')} />}
      </ul>
    </section>
  )
}

/** `/`: the day's work for a signed-in user; what Smittespor is, with links into the app. */
export function StartPage() {
  const t = useT()
  const session = useSession()
  const loginHref = useLoginHref()
  usePageTitle(undefined)
  return (
    <div className="app-page">
      {session.status === 'authenticated' && <TodayWork />}
      <div className="app-stack app-prose">
        <Heading level={1} data-size="xl">
          {t('start.title')}
        </Heading>
        <Paragraph data-size="lg">{t('start.lead')}</Paragraph>
        <Paragraph>{t('start.body1')}</Paragraph>
        <Paragraph>{t('start.body2')}</Paragraph>
      </div>
      <section aria-labelledby="start-links" className="app-stack">
        <Heading level={2} data-size="sm" id="start-links">
          {t('start.linksHeading')}
        </Heading>
        <ul className="app-card-grid">
          <EntryCard
            title={t('start.orgUnitsTitle')}
            text={t('start.orgUnitsText')}
            link={(title) => <AppLink to="/organisasjon">{title}</AppLink>}
          />
          {session.status === 'anonymous' && (
            <EntryCard
              title={t('start.loginTitle')}
              text={t('start.loginText')}
              link={(title) => <Link href={loginHref}>{title}</Link>}
            />
          )}
        </ul>
      </section>
    </div>
  )
}
