import { Button, Details, Paragraph, Table } from '@digdir/designsystemet-react'
import { useState } from 'react'
import type { FollowUpCallView } from '../../../shared/api/followups'
import type { MeasureView } from '../../../shared/api/measures'
import { DataTable } from '../../components/DataTable'
import { formatIsoDate, todayOslo } from '../../components/dates'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { RESULT_LABELS, RecordCallButton, RecordCallDialog } from '../followups/RecordCallDialog'
import { useCloseLateCalls } from '../followups/useFollowUps'

/** The measure's planned and made calls; planned calls can be recorded here too. */
export function FollowUpCalls({ measure: m }: { measure: MeasureView }) {
  const t = useT()
  const name = `${m.person.firstName} ${m.person.lastName}`
  const [active, setActive] = useState<FollowUpCallView | null>(null)
  const closeLate = useCloseLateCalls()
  const today = todayOslo()
  const openLate = m.calls.filter((c) => c.late && c.status === 'planned' && c.plannedDate < today)
  return (
    <Details defaultOpen={m.status === 'active'}>
      <Details.Summary>
        {t('measure.calls.heading')} ({m.calls.length})
      </Details.Summary>
      <Details.Content>
        {m.calls.length === 0 ? (
          <Paragraph data-size="sm">{t('measure.calls.none')}</Paragraph>
        ) : (
          <DataTable
            caption={t('measure.calls.heading')}
            zebra={false}
            columns={[
              t('followUp.col.planned'),
              t('measure.field.status'),
              t('followUp.col.assigned'),
              t('call.remarks'),
            ]}
          >
            {m.calls.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  {formatIsoDate(c.plannedDate)} ({t('measure.calls.day', { day: c.dayNumber })}
                  {c.lastDay ? `, ${t('measure.calls.lastDay')}` : ''}
                  {c.late ? `, ${t('measure.calls.late')}` : ''})
                </Table.Cell>
                <Table.Cell>
                  {c.status === 'cancelled' ? (
                    t('measure.calls.cancelled', { reason: c.cancelReason ?? '' })
                  ) : c.status === 'planned' ? (
                    m.status === 'cancelled' ? (
                      t('measure.calls.planned')
                    ) : (
                      <RecordCallButton personName={name} onClick={() => setActive(c)} />
                    )
                  ) : c.reached ? (
                    [
                      t('measure.calls.reached'),
                      c.symptoms ? t('call.symptoms') : null,
                      c.testResult ? `${t('call.testResult')}: ${t(RESULT_LABELS[c.testResult]!)}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  ) : (
                    t('measure.calls.notReached')
                  )}
                </Table.Cell>
                <Table.Cell>{(c.doneBy ?? c.assignedTo)?.name ?? ''}</Table.Cell>
                <Table.Cell>{c.remarks ?? ''}</Table.Cell>
              </Table.Row>
            ))}
          </DataTable>
        )}
        {openLate.length > 0 && m.status !== 'cancelled' && (
          <div className="cw-actions">
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              loading={closeLate.isPending}
              onClick={() =>
                closeLate.mutate({ measureId: m.id, reason: t('measure.calls.closeLateReason') })
              }
            >
              {t('measure.calls.closeLate')} ({openLate.length})
            </Button>
          </div>
        )}
        {closeLate.isError && <ErrorAlert error={closeLate.error} />}
        {active && (
          <RecordCallDialog key={active.id} call={active} personName={name} onClose={() => setActive(null)} />
        )}
      </Details.Content>
    </Details>
  )
}
