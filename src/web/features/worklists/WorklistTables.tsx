import { Table, Tag } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import type { MeasureBoardItem } from '../../../shared/api/measures'
import type { WorklistCallItem, WorklistTransferItem } from '../../../shared/api/worklists'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { type I18n, type MessageKey, useI18n } from '../../i18n'
import { KIND_LABELS } from '../measures/labels'
import { recordPath } from '../measures/paths'

const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`

/** One column of a worklist: its heading and what a row shows in it. */
interface Column<T> {
  label: MessageKey
  cell: (item: T, i18n: I18n) => ReactNode
  className?: string
}

/** A worklist as a table, one row an item, described column by column. */
function WorklistTable<T extends { id: string }>(props: {
  items: readonly T[]
  caption: string
  columns: readonly Column<T>[]
}) {
  const i18n = useI18n()
  return (
    <DataTable caption={props.caption} columns={props.columns.map((c) => i18n.t(c.label))}>
      {props.items.map((item) => (
        <Table.Row key={item.id}>
          {props.columns.map((c) => (
            <Table.Cell key={c.label} className={c.className}>
              {c.cell(item, i18n)}
            </Table.Cell>
          ))}
        </Table.Row>
      ))}
    </DataTable>
  )
}

type TableProps<T> = { items: readonly T[]; caption: string }

/** The person's name, opening the case or contact the item belongs to. */
const recordName: Column<WorklistCallItem | MeasureBoardItem> = {
  label: 'cases.col.name',
  cell: (x) => <AppLink to={recordPath(x)}>{name(x.person)}</AppLink>,
}

const CALL_COLUMNS: Column<WorklistCallItem>[] = [
  recordName,
  { label: 'worklists.col.measure', cell: (c, { t }) => t(KIND_LABELS[c.measureKind]) },
  {
    label: 'worklists.col.planned',
    cell: (c, { t }) => (
      <>
        {formatIsoDate(c.plannedDate)}{' '}
        {c.overdueDays > 0 && (
          <Tag data-size="sm" data-color="warning">
            {t('worklists.overdue', { days: c.overdueDays })}
          </Tag>
        )}
      </>
    ),
  },
  {
    label: 'worklists.col.day',
    cell: (c, { t }) => (
      <>
        {c.dayNumber}
        {c.lastDay && ` (${t('worklists.lastDay')})`}
      </>
    ),
  },
  {
    label: 'cases.col.assigned',
    cell: (c, { t }) => c.assignedTo?.name ?? <span className="cw-muted">{t('cases.unassigned')}</span>,
  },
]

/** "Oppfølging i dag": planned calls due today or earlier; the name opens the case or contact. */
export const CallTable = (p: TableProps<WorklistCallItem>) => <WorklistTable {...p} columns={CALL_COLUMNS} />

const ENDING_COLUMNS: Column<MeasureBoardItem>[] = [
  recordName,
  { label: 'cases.col.birthDate', cell: (m) => formatIsoDate(m.person.birthDate) },
  { label: 'worklists.col.measure', cell: (m, { t }) => t(KIND_LABELS[m.kind]) },
  {
    label: 'worklists.col.period',
    cell: (m) => (
      <>
        {formatIsoDate(m.startDate)} – {formatIsoDate(m.endDate)}
      </>
    ),
  },
]

/** "Slutter i dag": isolations and quarantines whose end date is today. */
export const EndingTable = (p: TableProps<MeasureBoardItem>) => (
  <WorklistTable {...p} columns={ENDING_COLUMNS} />
)

const TRANSFER_COLUMNS: Column<WorklistTransferItem>[] = [
  { label: 'cases.col.name', cell: (x) => name(x) },
  { label: 'cases.col.birthDate', cell: (x) => formatIsoDate(x.birthDate) },
  {
    label: 'worklists.col.record',
    cell: (x, { t }) => t(x.recordType === 'case' ? 'flags.record.case' : 'flags.record.contact'),
  },
  { label: 'worklists.col.from', cell: (x) => x.from.name },
  { label: 'worklists.col.sent', cell: (x, { formatDate }) => formatDate(x.createdAt) },
  { label: 'worklists.col.message', cell: (x) => x.message, className: 'cw-preline' },
]

/** "Overføringer som venter": what another municipality sent; decided in the transfer inbox. */
export const TransferTable = (p: TableProps<WorklistTransferItem>) => (
  <WorklistTable {...p} columns={TRANSFER_COLUMNS} />
)
