import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react'
import { useId, useState } from 'react'
import type { UserDetail } from '../../../shared/api/users'
import { isApiError } from '../../api/client'
import { useSession } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { useConflict } from './useConflict'
import { useDeactivateUser, useReactivateUser } from './useUsers'

/**
 * Switch the user's access in this municipality off (every role here revoked; roles in other
 * municipalities stay) or on again (the revoked roles are restored).
 */
export function AccessActions({ user }: { user: UserDetail }) {
  const t = useT()
  const headingId = useId()
  const session = useSession()
  const [reason, setReason] = useState('')
  const deactivate = useDeactivateUser(user.id)
  const reactivate = useReactivateUser(user.id)
  const conflict = useConflict()
  const self = session.status === 'authenticated' && session.session.user.id === user.id
  const active = user.status === 'active'
  const busy = deactivate.isPending || reactivate.isPending
  const error = deactivate.error ?? reactivate.error
  const run = () => {
    conflict.clear()
    const options = { onError: conflict.handle, onSuccess: () => setReason('') }
    if (active) deactivate.mutate({ version: user.version, reason }, options)
    else reactivate.mutate({ version: user.version }, options)
  }
  if (self) return null
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('users.accessHeading')}
      </Heading>
      <Paragraph className="app-prose">
        {active ? t('users.deactivateHelp') : t('users.reactivateHelp')}
      </Paragraph>
      {active && (
        <Textfield
          label={t('users.deactivateReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      {conflict.conflicted && (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t('users.conflictText')}</Paragraph>
        </Alert>
      )}
      {error && !conflict.conflicted && <ErrorAlert error={error} />}
      {isApiError(error) &&
        error.errors.map((e) => (
          <Paragraph key={e.path} role="alert">
            {e.message}
          </Paragraph>
        ))}
      <div className="app-actions">
        <Button
          variant={active ? 'secondary' : 'primary'}
          data-color={active ? 'danger' : undefined}
          loading={busy}
          onClick={run}
        >
          {active ? t('users.deactivate') : t('users.reactivate')}
        </Button>
      </div>
    </section>
  )
}
