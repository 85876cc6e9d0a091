import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { useT } from '../i18n'
import { DataTable } from './DataTable'

export interface ConflictRow {
  field: string
  label: string
  /** What the user typed (or the value they started from when they did not touch the field). */
  yours: string
  /** What is stored now, after someone else's save. */
  stored: string
  /** True when the user changed this field in the form. */
  changedByYou: boolean
}

/**
 * A save failed because someone else saved first (409 `conflict`). Shows field by field what the
 * user typed against what is stored now, and lets them take the stored version or re-apply theirs.
 */
export function ConflictNotice({
  rows,
  onReload,
  onReapply,
  busy,
  title,
}: {
  title?: string
  rows: ConflictRow[]
  onReload: () => void
  onReapply: () => void
  busy?: boolean
}) {
  const t = useT()
  const headingId = useId()
  const differing = rows.filter((r) => r.yours !== r.stored)
  return (
    <Alert data-color="warning" className="app-stack" aria-labelledby={headingId} role="alert">
      <Heading level={2} data-size="xs" id={headingId}>
        {title ?? t('conflict.title')}
      </Heading>
      <Paragraph>{t('conflict.text')}</Paragraph>
      {differing.length > 0 ? (
        <DataTable
          caption={t('conflict.caption')}
          zebra={false}
          className="cw-conflict-table cw-table"
          columns={[t('conflict.field'), t('conflict.yours'), t('conflict.stored')]}
        >
          {differing.map((r) => (
            <Table.Row key={r.field}>
              <Table.HeaderCell scope="row">
                {r.label}
                {r.changedByYou && <span className="cw-muted"> {t('conflict.changedByYou')}</span>}
              </Table.HeaderCell>
              <Table.Cell>{r.yours || t('common.empty')}</Table.Cell>
              <Table.Cell>{r.stored || t('common.empty')}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      ) : (
        <Paragraph>{t('conflict.noDifferences')}</Paragraph>
      )}
      <div className="cw-actions">
        <Button variant="primary" onClick={onReapply} loading={busy}>
          {t('conflict.reapply')}
        </Button>
        <Button variant="secondary" onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </Button>
      </div>
    </Alert>
  )
}
