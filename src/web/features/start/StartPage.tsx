import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import { useLoginHref, useSession } from '../../api/session'
import { AppLink } from '../../components/AppLink'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'

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

/** `/`: what Smittespor is, with links into the app. */
export function StartPage() {
  const t = useT()
  const session = useSession()
  const loginHref = useLoginHref()
  usePageTitle(undefined)
  return (
    <div className="app-page">
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
