import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { useSearchParams } from 'react-router'
import { useLoginHref } from '../../api/session'
import { usePageTitle } from '../../components/usePageTitle'
import { type MessageKey, useT } from '../../i18n'

const REASONS = ['state', 'provider', 'acr', 'pid', 'no-access'] as const

function reasonKey(reason: string | null): MessageKey {
  const known = REASONS.find((r) => r === reason)
  return known ? `loginFailed.reason.${known}` : 'loginFailed.reason.unknown'
}

/** `/innlogging-feilet?grunn=…`: where the server's login callback sends a failed login. */
export function LoginFailedPage() {
  const t = useT()
  const [params] = useSearchParams()
  const loginHref = useLoginHref('/')
  usePageTitle(t('loginFailed.title'))
  return (
    <div className="app-stack app-prose">
      <Heading level={1} data-size="lg">
        {t('loginFailed.title')}
      </Heading>
      <Alert data-color="warning">
        <Paragraph>{t(reasonKey(params.get('grunn')))}</Paragraph>
      </Alert>
      <div>
        <Button asChild variant="primary">
          <a href={loginHref}>{t('loginFailed.retry')}</a>
        </Button>
      </div>
    </div>
  )
}
