import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react'
import { Link as RouterLink } from 'react-router'
import type { UserSummary } from '../../../shared/api/users'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { RequireCan } from '../../components/RequireCan'
import { SelectField } from '../../components/SelectField'
import { TotalList } from '../../components/TotalList'
import { SearchForm, usePageFilter } from '../../components/UrlFilters'
import { usePageTitle } from '../../components/usePageTitle'
import { useI18n, useT } from '../../i18n'
import {
  formatDateTime,
  formatDay,
  ROLES,
  reasonLabel,
  roleLabel,
  rolesText,
  statusColor,
  statusLabel,
} from './labels'
import { userPath, useUserList } from './useUsers'

const STATUSES = ['active', 'deactivated', 'expired'] as const
const PAGE_SIZE = 25

/** `/brukere`: the municipality's users with roles, status and last login (Administrator). */
export function UsersPage() {
  const t = useT()
  usePageTitle(t('users.title'))
  return (
    <RequireCan action="user.manage" title={t('users.title')}>
      <UsersView />
    </RequireCan>
  )
}

function UsersView() {
  const t = useT()
  // The filters live in the address, so a reload or a shared link shows the same list.
  const [filter, setFilter] = usePageFilter({ q: 'q', role: 'rolle', status: 'status' })
  const list = useUserList({ ...filter, pageSize: PAGE_SIZE })
  return (
    <div className="app-page">
      <div className="app-title-row">
        <Heading level={1} data-size="lg">
          {t('users.title')}
        </Heading>
        <Button asChild data-size="sm">
          <RouterLink to="/brukere/ny">{t('users.add')}</RouterLink>
        </Button>
      </div>
      <Paragraph className="app-prose">{t('users.intro')}</Paragraph>
      <SearchForm
        label={t('users.filterLabel')}
        search={t('users.search')}
        searchHelp={t('users.searchHelp')}
        button={t('users.searchButton')}
        initial={filter.q}
        onSearch={(q) => setFilter({ q })}
      >
        <SelectField
          label={t('users.roleFilter')}
          value={filter.role}
          onChange={(e) => setFilter({ role: e.target.value })}
        >
          <option value="">{t('users.all')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(roleLabel(r))}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('users.statusFilter')}
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value })}
        >
          <option value="">{t('users.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(statusLabel(s))}
            </option>
          ))}
        </SelectField>
      </SearchForm>
      <TotalList
        list={list}
        loading={t('users.loading')}
        count={(count) => t('users.count', { count })}
        onPage={(page) => setFilter({ page })}
      >
        {(users) => <UsersTable users={users} />}
      </TotalList>
    </div>
  )
}

function UsersTable({ users }: { users: UserSummary[] }) {
  const t = useT()
  const { locale } = useI18n()
  return (
    <DataTable
      caption={t('users.caption')}
      border
      testId="users-table"
      columns={[
        t('users.name'),
        t('users.nationalId'),
        t('users.roles'),
        t('users.status'),
        t('users.validTo'),
        t('users.lastLogin'),
      ]}
    >
      {users.map((u) => {
        const reason = reasonLabel(u.deactivatedReason)
        return (
          <Table.Row key={u.id}>
            <Table.Cell>
              <AppLink to={userPath(u.id)}>{u.name}</AppLink>
              {u.email && <div className="app-muted">{u.email}</div>}
            </Table.Cell>
            <Table.Cell>{u.nationalIdMasked}</Table.Cell>
            <Table.Cell>{rolesText(u.roles, t) || '–'}</Table.Cell>
            <Table.Cell>
              <Tag data-color={statusColor[u.status]} data-size="sm">
                {t(statusLabel(u.status))}
              </Tag>
              {reason && <div className="app-muted">{t(reason)}</div>}
            </Table.Cell>
            <Table.Cell>{formatDay(u.validTo, locale) || '–'}</Table.Cell>
            <Table.Cell>{formatDateTime(u.lastLoginAt, locale) || t('users.neverLoggedIn')}</Table.Cell>
          </Table.Row>
        )
      })}
    </DataTable>
  )
}
