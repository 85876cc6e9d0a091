import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import type { Role } from '../../shared/api/roles'
import { useLoginHref, useSession } from '../api/session'
import { useT } from '../i18n'
import { Loading } from './Loading'

/** Roles that work with cases, contacts and persons (the server's CASEWORK rule set). */
export const CASEWORK_ROLES: readonly Role[] = ['tracer', 'admin']

/** The roles the user holds now (empty while loading or when logged out). */
export function useRoles(): readonly Role[] {
  const session = useSession()
  return session.status === 'authenticated' ? session.session.roles : []
}

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]) {
  return wanted.some((r) => roles.includes(r))
}

/**
 * Renders `children` only for a logged-in user with one of `roles` in the active municipality;
 * otherwise a login button or a "no access" message under the page heading. The server checks
 * access again on every request — this only spares the user a page of 403 errors.
 */
export function RequireRole({
  roles,
  title,
  children,
}: {
  roles: readonly Role[]
  title: string
  children: ReactNode
}) {
  const t = useT()
  const session = useSession()
  const loginHref = useLoginHref()
  if (session.status === 'authenticated' && hasAnyRole(session.session.roles, roles)) return children
  return (
    <div className="app-stack">
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      {session.status === 'loading' && <Loading label={t('session.loading')} />}
      {session.status === 'anonymous' && (
        <>
          <Paragraph>{t('access.loginNeeded')}</Paragraph>
          <div>
            <Button asChild>
              <a href={loginHref}>{t('session.login')}</a>
            </Button>
          </div>
        </>
      )}
      {session.status === 'authenticated' && (
        <Alert data-color="warning">
          <Paragraph>
            {session.session.activeKommune ? t('access.missingRole') : t('access.noActiveKommune')}
          </Paragraph>
        </Alert>
      )}
    </div>
  )
}
