import { Heading, Paragraph } from '@digdir/designsystemet-react'
import { useEffect } from 'react'
import { useRouteError } from 'react-router'
import { AppLink } from '../../components/AppLink'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'

/** Shown inside the layout when a page throws while rendering. */
export function RouteErrorPage() {
  const t = useT()
  const error = useRouteError()
  usePageTitle(t('error.title'))
  useEffect(() => {
    console.error(error)
  }, [error])
  return (
    <div className="app-stack app-prose">
      <Heading level={1} data-size="lg">
        {t('error.title')}
      </Heading>
      <Paragraph>{t('error.generic')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('notFound.home')}</AppLink>
      </Paragraph>
    </div>
  )
}
