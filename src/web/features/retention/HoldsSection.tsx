import { Alert, Button, Heading, Paragraph, Table } from '@digdir/designsystemet-react'
import { useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import type { LegalHold, PreviewResponse } from '../../../shared/api/retention'
import { queryKeys } from '../../api/queryKeys'
import { DataTable } from '../../components/DataTable'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { useI18n, useT } from '../../i18n'
import { useRecordName } from './PreviewSection'
import { ReasonDialog } from './ReasonDialog'
import { useLegalHolds, useReleaseHold } from './useRetention'

/** Person names from the preview already loaded (holds themselves carry only type and id). */
function usePersonNames() {
  const client = useQueryClient()
  const names = new Map<string, string | null>()
  for (const [, data] of client.getQueriesData<PreviewResponse>({ queryKey: queryKeys.retention.previews() }))
    for (const item of data?.items ?? []) names.set(`${item.type}:${item.id}`, item.personName)
  return names
}

/** (3) Active legal holds, each releasable with a reason. */
export function HoldsSection() {
  const t = useT()
  const { formatDate } = useI18n()
  const headingId = useId()
  const holds = useLegalHolds()
  const release = useReleaseHold()
  const [target, setTarget] = useState<LegalHold | null>(null)
  const [done, setDone] = useState('')
  const recordName = useRecordName()
  const names = usePersonNames()
  const nameOf = (h: LegalHold) =>
    recordName(h.recordType, h.recordId, names.get(`${h.recordType}:${h.recordId}`) ?? null)
  const active = holds.data?.items.filter((h) => h.releasedAt === null) ?? []
  const releasedCount = (holds.data?.items.length ?? 0) - active.length
  const close = () => {
    setTarget(null)
    release.reset()
  }
  return (
    <section aria-labelledby={headingId} className="app-stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('retention.holds.heading')}
      </Heading>
      <Paragraph className="app-prose">{t('retention.holds.help')}</Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      {holds.isPending && <Loading label={t('retention.holds.loading')} />}
      {holds.isError && <ErrorAlert error={holds.error} onRetry={() => holds.refetch()} />}
      {holds.data && active.length === 0 && <Paragraph>{t('retention.holds.empty')}</Paragraph>}
      {active.length > 0 && (
        <DataTable
          caption={t('retention.holds.caption')}
          border
          testId="retention-holds"
          columns={[
            t('retention.preview.record'),
            t('retention.holds.reason'),
            t('retention.holds.created'),
            t('retention.preview.action'),
          ]}
        >
          {active.map((h) => (
            <Table.Row key={h.id}>
              <Table.Cell>{nameOf(h)}</Table.Cell>
              <Table.Cell>{h.reason}</Table.Cell>
              <Table.Cell>
                {formatDate(h.createdAt)}
                {h.createdBy && <div className="app-muted">{h.createdBy}</div>}
              </Table.Cell>
              <Table.Cell>
                <Button
                  type="button"
                  variant="secondary"
                  data-size="sm"
                  aria-label={t('retention.release.buttonFor', { record: nameOf(h) })}
                  onClick={() => setTarget(h)}
                >
                  {t('retention.release.button')}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      )}
      {releasedCount > 0 && (
        <Paragraph data-size="sm" className="app-muted">
          {t('retention.holds.released', { count: releasedCount })}
        </Paragraph>
      )}
      <ReasonDialog
        open={target !== null}
        heading={t('retention.release.heading')}
        text={t('retention.release.text', { record: target ? nameOf(target) : '' })}
        reasonLabel={t('retention.release.reason')}
        submitLabel={t('retention.release.submit')}
        busy={release.isPending}
        error={release.error}
        onClose={close}
        onSubmit={(reason) => {
          if (!target) return
          const name = nameOf(target)
          release.mutate(
            { id: target.id, reason },
            {
              onSuccess: () => {
                setDone(t('retention.release.done', { record: name }))
                close()
              },
            },
          )
        }}
      />
    </section>
  )
}
