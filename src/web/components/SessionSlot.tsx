import { Button, Paragraph } from '@digdir/designsystemet-react'
import type { SessionResponse } from '../../shared/api/session'
import { isApiError } from '../api/client'
import { type SessionState, useLoginHref, useLogout } from '../api/session'
import { useT } from '../i18n'
import { KommuneSwitcher } from './KommuneSwitcher'

/**
 * Who is logged in and in which municipality, or a login link. Login is a full page load
 * (a server route), not client-side navigation.
 */
export function SessionSlot({ state }: { state: SessionState }) {
  const t = useT()
  const loginHref = useLoginHref()
  if (state.status === 'loading') {
    return (
      <Paragraph data-size="sm" className="app-muted">
        {t('session.loading')}
      </Paragraph>
    )
  }
  if (state.status === 'anonymous') {
    return (
      <Button asChild variant="secondary" data-size="sm">
        <a href={loginHref}>{t('session.login')}</a>
      </Button>
    )
  }
  return <SignedIn session={state.session} />
}

function SignedIn({ session }: { session: SessionResponse }) {
  const t = useT()
  const logout = useLogout()
  const { user, activeKommune, memberships } = session
  return (
    <div className="app-session" data-testid="session-user">
      <div className="app-session__who">
        <Paragraph data-size="sm" className="app-session__name">
          {user.name || t('session.unknownUser')}
        </Paragraph>
        {memberships.length <= 1 && (
          <Paragraph data-size="sm" className="app-muted">
            {activeKommune
              ? t('session.activeKommune', { name: activeKommune.name })
              : t('session.noActiveKommune')}
          </Paragraph>
        )}
      </div>
      {memberships.length > 1 && <KommuneSwitcher session={session} />}
      <Button variant="tertiary" data-size="sm" loading={logout.isPending} onClick={() => logout.mutate()}>
        {t('session.logout')}
      </Button>
      {logout.isError && (
        <Paragraph data-size="sm" role="alert" className="app-session__error">
          {(isApiError(logout.error) && logout.error.title) || t('error.generic')}
        </Paragraph>
      )}
    </div>
  )
}
