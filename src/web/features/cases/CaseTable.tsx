import { Table, Tag } from '@digdir/designsystemet-react'
import type { CaseListItem } from '../../../shared/api/cases'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { useI18n } from '../../i18n'
import {
  CASE_STATUS_COLOR,
  CASE_STATUS_LABELS,
  codeLabel,
  EXPOSURE_SETTING_LABELS,
  INTERVIEW_STATUS_COLOR,
  INTERVIEW_STATUS_LABELS,
} from './labels'
import { casePath } from './useCases'

export type CaseSortKey = 'createdAt' | 'testDate'
export interface CaseSortState {
  key: CaseSortKey
  desc: boolean
}

/**
 * Cases as a table: the name links to the case. With `sort`, the test date and registered columns
 * are sortable buttons that report their order through aria-sort.
 */
export function CaseTable({
  items,
  caption,
  sort,
  onSort,
}: {
  items: readonly CaseListItem[]
  caption: string
  sort?: CaseSortState
  onSort?: (key: CaseSortKey) => void
}) {
  const { t, formatDate } = useI18n()
  const sortOf = (key: CaseSortKey) =>
    sort ? (sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none') : undefined
  return (
    <DataTable
      caption={caption}
      columns={[
        t('cases.col.name'),
        t('cases.col.birthDate'),
        { label: t('cases.col.testDate'), sort: sortOf('testDate'), onClick: () => onSort?.('testDate') },
        t('cases.col.interview'),
        t('cases.col.exposureSetting'),
        t('cases.col.assigned'),
        { label: t('cases.col.contacts'), numeric: true },
        { label: t('cases.col.createdAt'), sort: sortOf('createdAt'), onClick: () => onSort?.('createdAt') },
        t('cases.col.status'),
      ]}
    >
      {items.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            <AppLink to={casePath(c.id)}>
              {c.person.lastName}, {c.person.firstName}
            </AppLink>
          </Table.Cell>
          <Table.Cell>{formatIsoDate(c.person.birthDate)}</Table.Cell>
          <Table.Cell>{formatIsoDate(c.testDate) || (c.probable ? t('cases.probable') : '')}</Table.Cell>
          <Table.Cell>
            <Tag data-size="sm" data-color={INTERVIEW_STATUS_COLOR[c.interviewStatus]}>
              {t(INTERVIEW_STATUS_LABELS[c.interviewStatus])}
            </Tag>
          </Table.Cell>
          <Table.Cell>{codeLabel(t, EXPOSURE_SETTING_LABELS, c.exposureSetting)}</Table.Cell>
          <Table.Cell>
            {c.assignedTo?.name ?? <span className="cw-muted">{t('cases.unassigned')}</span>}
          </Table.Cell>
          <Table.Cell className="app-numeric">{c.contactCount}</Table.Cell>
          <Table.Cell>{formatDate(c.createdAt)}</Table.Cell>
          <Table.Cell>
            <Tag data-size="sm" data-color={CASE_STATUS_COLOR[c.status]}>
              {t(CASE_STATUS_LABELS[c.status])}
            </Tag>
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}
