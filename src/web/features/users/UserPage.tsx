import { Alert, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { useLocation, useParams } from 'react-router'
import type { UserDetail } from '../../../shared/api/users'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { RequireCan } from '../../components/RequireCan'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import { AccessActions } from './AccessActions'
import { EditUserForm } from './EditUserForm'
import {
  formatDateTime,
  formatDay,
  reasonLabel,
  roleLabel,
  rolesText,
  statusColor,
  statusLabel,
} from './labels'
import { useUser } from './useUsers'

/** `/brukere/:id`: one user's access in the municipality — edit, switch off/on, history. */
export function UserPage() {
  const t = useT()
  return (
    <RequireCan action="user.manage" title={t('users.title')}>
      <UserView />
    </RequireCan>
  )
}

function UserView() {
  const t = useT()
  const { id = '' } = useParams()
  const query = useUser(id)
  usePageTitle(query.data?.name ?? t('users.title'))
  if (query.isPending) return <Loading label={t('users.loadingOne')} />
  if (query.isError)
    return (
      <div className="app-stack">
        <Heading level={1} data-size="lg">
          {t('users.title')}
        </Heading>
        <ErrorAlert error={query.error} onRetry={() => query.refetch()} />
        <AppLink to="/brukere">{t('users.back')}</AppLink>
      </div>
    )
  const user = query.data
  return (
    <div className="app-page">
      <AppLink to="/brukere">{t('users.back')}</AppLink>
      <div className="app-title-row">
        <Heading level={1} data-size="lg">
          {user.name}
        </Heading>
        <Tag data-color={statusColor[user.status]}>{t(statusLabel(user.status))}</Tag>
      </div>
      <CreatedNotice />
      <UserFacts user={user} />
      <div className="app-columns">
        <EditUserForm user={user} />
        <AccessActions user={user} />
      </div>
      <GrantHistory user={user} />
    </div>
  )
}

/** After "add user": say whether a new user was made or an existing one got the roles. */
function CreatedNotice() {
  const t = useT()
  const state = useLocation().state as { created?: boolean; existing?: boolean } | null
  if (!state?.created) return null
  return (
    <Alert data-color="success" role="status">
      <Paragraph>{state.existing ? t('users.createdExisting') : t('users.created')}</Paragraph>
    </Alert>
  )
}

function UserFacts({ user }: { user: UserDetail }) {
  const t = useT()
  const { locale } = useI18n()
  const reason = reasonLabel(user.deactivatedReason)
  return (
    <dl className="app-facts" data-testid="user-facts">
      <dt>{t('users.nationalId')}</dt>
      <dd>{user.nationalIdMasked}</dd>
      <dt>{t('users.email')}</dt>
      <dd>{user.email ?? '–'}</dd>
      <dt>{t('users.roles')}</dt>
      <dd>{rolesText(user.roles, t) || '–'}</dd>
      <dt>{t('users.validTo')}</dt>
      <dd>{formatDay(user.validTo, locale) || t('users.noEndDate')}</dd>
      <dt>{t('users.lastLogin')}</dt>
      <dd>{formatDateTime(user.lastLoginAt, locale) || t('users.neverLoggedIn')}</dd>
      {reason && (
        <>
          <dt>{t('users.reason')}</dt>
          <dd>{t(reason)}</dd>
        </>
      )}
    </dl>
  )
}

function GrantHistory({ user }: { user: UserDetail }) {
  const t = useT()
  const { locale } = useI18n()
  const headingId = useId()
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('users.historyHeading')}
      </Heading>
      <DataTable
        caption={t('users.historyCaption', { name: user.name })}
        border
        columns={[
          t('review.role'),
          t('review.validFrom'),
          t('review.validTo'),
          t('review.granted'),
          t('review.revoked'),
        ]}
      >
        {user.history.map((g) => {
          const reason = reasonLabel(g.revokeReason)
          return (
            <Table.Row key={g.id}>
              <Table.Cell>{t(roleLabel(g.role))}</Table.Cell>
              <Table.Cell>{formatDay(g.validFrom, locale)}</Table.Cell>
              <Table.Cell>{formatDay(g.validTo, locale) || '–'}</Table.Cell>
              <Table.Cell>
                {formatDateTime(g.grantedAt, locale)} {g.grantedBy && `(${g.grantedBy})`}
              </Table.Cell>
              <Table.Cell>
                {g.revokedAt
                  ? `${formatDateTime(g.revokedAt, locale)} ${g.revokedBy ? `(${g.revokedBy})` : ''} ${reason ? `– ${t(reason)}` : ''}`
                  : '–'}
              </Table.Cell>
            </Table.Row>
          )
        })}
      </DataTable>
    </section>
  )
}
