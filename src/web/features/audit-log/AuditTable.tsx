import { Button, Table, Tag } from '@digdir/designsystemet-react'
import { Fragment, type ReactNode, useState } from 'react'
import type { AuditEntryView, AuditOutcome } from '../../../shared/api/audit-log'
import { DataTable } from '../../components/DataTable'
import { type MessageKey, useT } from '../../i18n'
import { AuditEntryDetails } from './AuditEntryDetails'
import { useAuditLabel } from './auditLabels'
import { formatOsloDateTime } from './format'

const COLUMNS = 8

export const outcomeColor: Record<AuditOutcome, 'neutral' | 'danger' | 'warning'> = {
  ok: 'neutral',
  denied: 'danger',
  failed: 'warning',
}

export const roleKey = (role: string) => `role.${role}` as MessageKey

/** What a log row and an innsyn row share. */
type EntryFacts = Pick<
  AuditEntryView,
  'occurredAt' | 'userName' | 'roles' | 'action' | 'basis' | 'reason' | 'outcome'
>

/** The cells of one logged event, with the record cell supplied by the table. */
export function AuditEntryCells({ entry: e, record }: { entry: EntryFacts; record: ReactNode }) {
  const t = useT()
  const label = useAuditLabel()
  return (
    <>
      <Table.Cell className="app-nowrap">{formatOsloDateTime(e.occurredAt)}</Table.Cell>
      <Table.Cell>{e.userName ?? t('auditLog.noUser')}</Table.Cell>
      <Table.Cell>{e.roles.map((r) => t(roleKey(r))).join(', ')}</Table.Cell>
      <Table.Cell>{label('action', e.action)}</Table.Cell>
      <Table.Cell>{record}</Table.Cell>
      <Table.Cell>
        {t(`auditLog.basis.${e.basis}`)}
        {e.reason && <div className="app-muted">{e.reason}</div>}
      </Table.Cell>
      <Table.Cell>
        <Tag data-color={outcomeColor[e.outcome]} data-size="sm">
          {t(`auditLog.outcome.${e.outcome}`)}
        </Tag>
      </Table.Cell>
    </>
  )
}

/** The log as a table, one row per event, each with a disclosure button for its details. */
export function AuditTable({ items }: { items: AuditEntryView[] }) {
  const t = useT()
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set())
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev)
      if (!next.delete(id)) next.add(id)
      return next
    })
  return (
    <DataTable
      caption={t('auditLog.caption')}
      border
      testId="audit-log"
      columns={[
        t('auditLog.col.time'),
        t('auditLog.col.user'),
        t('auditLog.col.role'),
        t('auditLog.col.action'),
        t('auditLog.col.record'),
        t('auditLog.col.basis'),
        t('auditLog.col.outcome'),
        t('auditLog.col.details'),
      ]}
    >
      {items.map((e) => {
        const expanded = open.has(e.id)
        const detailsId = `audit-entry-${e.id}`
        return (
          <Fragment key={e.id}>
            <Table.Row>
              <AuditEntryCells entry={e} record={<RecordCell entry={e} />} />
              <Table.Cell>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId : undefined}
                  aria-label={`${expanded ? t('auditLog.hideDetails') : t('auditLog.showDetails')}: ${t('auditLog.detailsFor', { seq: e.seq })}`}
                  onClick={() => toggle(e.id)}
                >
                  {expanded ? t('auditLog.hideDetails') : t('auditLog.showDetails')}
                </Button>
              </Table.Cell>
            </Table.Row>
            {expanded && (
              <Table.Row id={detailsId}>
                <Table.Cell colSpan={COLUMNS}>
                  <AuditEntryDetails entry={e} />
                </Table.Cell>
              </Table.Row>
            )}
          </Fragment>
        )
      })}
    </DataTable>
  )
}

function RecordCell({ entry }: { entry: Pick<AuditEntryView, 'recordType' | 'personName'> }) {
  const label = useAuditLabel()
  if (!entry.recordType) return null
  return (
    <>
      {label('recordType', entry.recordType)}
      {entry.personName && <div>{entry.personName}</div>}
    </>
  )
}
