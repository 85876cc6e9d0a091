import { Table, Tag } from '@digdir/designsystemet-react'
import type { MeasureBoardItem } from '../../../shared/api/measures'
import type { WorklistCallItem, WorklistTransferItem } from '../../../shared/api/worklists'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate } from '../../components/dates'
import { useI18n, useT } from '../../i18n'
import { KIND_LABELS } from '../measures/labels'
import { recordPath } from '../measures/paths'

const name = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`

/** "Oppfølging i dag": planned calls due today or earlier; the name opens the case or contact. */
export function CallTable({ items, caption }: { items: readonly WorklistCallItem[]; caption: string }) {
  const t = useT()
  return (
    <DataTable
      caption={caption}
      columns={[
        t('cases.col.name'),
        t('worklists.col.measure'),
        t('worklists.col.planned'),
        t('worklists.col.day'),
        t('cases.col.assigned'),
      ]}
    >
      {items.map((c) => (
        <Table.Row key={c.id}>
          <Table.Cell>
            <AppLink to={recordPath(c)}>{name(c.person)}</AppLink>
          </Table.Cell>
          <Table.Cell>{t(KIND_LABELS[c.measureKind])}</Table.Cell>
          <Table.Cell>
            {formatIsoDate(c.plannedDate)}{' '}
            {c.overdueDays > 0 && (
              <Tag data-size="sm" data-color="warning">
                {t('worklists.overdue', { days: c.overdueDays })}
              </Tag>
            )}
          </Table.Cell>
          <Table.Cell>
            {c.dayNumber}
            {c.lastDay && ` (${t('worklists.lastDay')})`}
          </Table.Cell>
          <Table.Cell>
            {c.assignedTo?.name ?? <span className="cw-muted">{t('cases.unassigned')}</span>}
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}

/** "Slutter i dag": isolations and quarantines whose end date is today. */
export function EndingTable({ items, caption }: { items: readonly MeasureBoardItem[]; caption: string }) {
  const t = useT()
  return (
    <DataTable
      caption={caption}
      columns={[
        t('cases.col.name'),
        t('cases.col.birthDate'),
        t('worklists.col.measure'),
        t('worklists.col.period'),
      ]}
    >
      {items.map((m) => (
        <Table.Row key={m.id}>
          <Table.Cell>
            <AppLink to={recordPath(m)}>{name(m.person)}</AppLink>
          </Table.Cell>
          <Table.Cell>{formatIsoDate(m.person.birthDate)}</Table.Cell>
          <Table.Cell>{t(KIND_LABELS[m.kind])}</Table.Cell>
          <Table.Cell>
            {formatIsoDate(m.startDate)} – {formatIsoDate(m.endDate)}
          </Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}

/** "Overføringer som venter": what another municipality sent; decided in the transfer inbox. */
export function TransferTable({
  items,
  caption,
}: {
  items: readonly WorklistTransferItem[]
  caption: string
}) {
  const { t, formatDate } = useI18n()
  return (
    <DataTable
      caption={caption}
      columns={[
        t('cases.col.name'),
        t('cases.col.birthDate'),
        t('worklists.col.record'),
        t('worklists.col.from'),
        t('worklists.col.sent'),
        t('worklists.col.message'),
      ]}
    >
      {items.map((x) => (
        <Table.Row key={x.id}>
          <Table.Cell>{name(x)}</Table.Cell>
          <Table.Cell>{formatIsoDate(x.birthDate)}</Table.Cell>
          <Table.Cell>{t(x.recordType === 'case' ? 'flags.record.case' : 'flags.record.contact')}</Table.Cell>
          <Table.Cell>{x.from.name}</Table.Cell>
          <Table.Cell>{formatDate(x.createdAt)}</Table.Cell>
          <Table.Cell className="cw-preline">{x.message}</Table.Cell>
        </Table.Row>
      ))}
    </DataTable>
  )
}
