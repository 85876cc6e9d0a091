import { Paragraph, Table } from '@digdir/designsystemet-react'
import type { AuditEntryView } from '../../../shared/api/audit-log'
import { AppLink } from '../../components/AppLink'
import { DataTable } from '../../components/DataTable'
import { useT } from '../../i18n'
import { formatValue } from './format'

/** The expanded part of a log row: before/after of a write, ids, IP and request id. */
export function AuditEntryDetails({ entry }: { entry: AuditEntryView }) {
  const t = useT()
  const empty = t('auditLog.empty.value')
  const facts: [string, string | null][] = [
    [t('auditLog.recordId'), entry.recordId],
    [t('auditLog.personId'), entry.personId],
    [t('auditLog.ip'), entry.ip],
    [t('auditLog.requestId'), entry.requestId],
    [t('auditLog.seq'), String(entry.seq)],
  ]
  const extra = Object.entries(entry.details ?? {})
  return (
    <div className="app-audit-details">
      {entry.changes.length > 0 && (
        <DataTable
          caption={t('auditLog.changesCaption')}
          showCaption
          border
          zebra={false}
          className="app-audit-details__changes cw-table"
          columns={[t('auditLog.field'), t('auditLog.before'), t('auditLog.after')]}
        >
          {entry.changes.map((c) => (
            <Table.Row key={c.field}>
              <Table.Cell>{c.field}</Table.Cell>
              <Table.Cell>{formatValue(c.before) ?? <span className="app-muted">{empty}</span>}</Table.Cell>
              <Table.Cell>{formatValue(c.after) ?? <span className="app-muted">{empty}</span>}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      <dl className="app-audit-details__facts">
        {facts
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {extra.length > 0 && (
          <div>
            <dt>{t('auditLog.extra')}</dt>
            <dd>{extra.map(([k, v]) => `${k}: ${formatValue(v) ?? '–'}`).join(', ')}</dd>
          </div>
        )}
      </dl>
      {entry.personId && (
        <Paragraph data-size="sm">
          <AppLink to={`/sikkerhetslogg/innsyn?personId=${encodeURIComponent(entry.personId)}`}>
            {t('auditLog.innsynLink')}
          </AppLink>
        </Paragraph>
      )}
    </div>
  )
}
