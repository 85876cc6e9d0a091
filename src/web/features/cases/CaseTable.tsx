import { Table, Tag } from '@digdir/designsystemet-react'
import type { CaseListItem } from '../../../shared/api/cases'
import { AppLink } from '../../components/AppLink'
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
    <div className="app-table-scroll">
      <Table zebra data-size="sm" className="cw-table">
        <caption className="cw-visually-hidden">{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('cases.col.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('cases.col.birthDate')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" sort={sortOf('testDate')} onClick={() => onSort?.('testDate')}>
              {t('cases.col.testDate')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('cases.col.interview')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('cases.col.exposureSetting')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('cases.col.assigned')}</Table.HeaderCell>
            <Table.HeaderCell scope="col" className="app-numeric">
              {t('cases.col.contacts')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" sort={sortOf('createdAt')} onClick={() => onSort?.('createdAt')}>
              {t('cases.col.createdAt')}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('cases.col.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
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
        </Table.Body>
      </Table>
    </div>
  )
}
