import { Heading, Paragraph } from '@digdir/designsystemet-react'
import { useLocation } from 'react-router'
import { AppLink } from '../../components/AppLink'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'

/** Any client route that matches nothing. */
export function NotFoundPage() {
  const t = useT()
  const { pathname } = useLocation()
  usePageTitle(t('notFound.title'))
  return (
    <div className="app-stack app-prose">
      <Heading level={1} data-size="lg">
        {t('notFound.title')}
      </Heading>
      <Paragraph>{t('notFound.text', { path: pathname })}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </div>
  )
}
