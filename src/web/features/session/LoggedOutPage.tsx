import { Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { useLoginHref } from '../../api/session'
import { usePageTitle } from '../../components/usePageTitle'
import { useT } from '../../i18n'

/** `/logget-ut`: where ID-porten returns the user after logout. */
export function LoggedOutPage() {
  const t = useT()
  const loginHref = useLoginHref('/')
  usePageTitle(t('loggedOut.title'))
  return (
    <div className="app-stack app-prose">
      <Heading level={1} data-size="lg">
        {t('loggedOut.title')}
      </Heading>
      <Paragraph>{t('loggedOut.text')}</Paragraph>
      <div>
        <Button asChild variant="secondary">
          <a href={loginHref}>{t('loggedOut.login')}</a>
        </Button>
      </div>
    </div>
  )
}
