import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import { allows, type Subject } from '../../shared/policy/allows'
import type { Action } from '../../shared/policy/rules'
import { type SessionState, useLoginHref, useSession } from '../api/session'
import { useT } from '../i18n'
import { Loading } from './Loading'

export type { Action } from '../../shared/policy/rules'

/** The session as the rules table's subject: roles that apply now and the active municipality. */
export function sessionSubject(session: SessionState): Subject | null {
  if (session.status !== 'authenticated') return null
  return { roles: session.session.roles, kommune: session.session.activeKommune?.code ?? null }
}

/**
 * May the user do `action` now (on a record of `owner`'s municipality, when given)? Reads the same
 * rules table as the server (`src/shared/policy/rules.ts`), so a button or link is shown exactly
 * when the request behind it would be allowed. False while the session loads or when logged out.
 */
export function useCan(action: Action, owner?: { kommune: string | null }): boolean {
  return allows(sessionSubject(useSession()), action, owner)
}

/** Renders `children` when the user may do `action`, else `fallback` (nothing by default). */
export function Can({
  action,
  children,
  fallback = null,
}: {
  action: Action
  children: ReactNode
  fallback?: ReactNode
}) {
  return useCan(action) ? children : fallback
}

/**
 * A page's guard: renders `children` only when the user may do `action` (the action of the page's
 * main request); otherwise a login button or a "no access" message under the page heading. The
 * server checks access again on every request — this only spares the user a page of 403 errors.
 */
export function RequireCan({
  action,
  title,
  children,
}: {
  action: Action
  title: string
  children: ReactNode
}) {
  const t = useT()
  const session = useSession()
  const loginHref = useLoginHref()
  if (allows(sessionSubject(session), action)) return children
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
