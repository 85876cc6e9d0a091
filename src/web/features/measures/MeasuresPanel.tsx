import { Heading, Paragraph } from '@digdir/designsystemet-react'
import { useId } from 'react'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Loading } from '../../components/Loading'
import { useT } from '../../i18n'
import { MeasureCard } from './MeasureCard'
import { StartMeasure } from './StartMeasure'
import { useMeasureList } from './useMeasures'

/**
 * Isolation and quarantine of one case, contact or person (SPEC §4): the current measure first,
 * then past ones, each with its dates, reasons, follow-up calls and letters. On a case or contact
 * without an open measure the tracer can start one (isolation for a case, quarantine for a contact).
 */
export function MeasuresPanel({
  canStart = true,
  ...props
}: ({ caseId: string } | { contactId: string } | { personId: string }) & {
  /** false: show the measures only (e.g. a contact that became a case). */
  canStart?: boolean
}) {
  const t = useT()
  const headingId = useId()
  const list = useMeasureList(props)
  const items = list.data?.items ?? []
  const open = items.filter((m) => m.status === 'planned' || m.status === 'active')
  const past = items.filter((m) => !open.includes(m))
  const target =
    'caseId' in props
      ? { kind: 'isolation' as const, caseId: props.caseId }
      : 'contactId' in props
        ? { kind: 'quarantine' as const, contactId: props.contactId }
        : null
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section" data-testid="measures-panel">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('measure.panel.heading')}
      </Heading>
      {list.isPending && <Loading label={t('measure.panel.loading')} />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && items.length === 0 && <Paragraph>{t('measure.panel.none')}</Paragraph>}
      {list.isSuccess && canStart && target && open.length === 0 && <StartMeasure {...target} />}
      {open.map((m) => (
        <MeasureCard key={m.id} measure={m} headingLevel={3} />
      ))}
      {past.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('measure.panel.past')}
          </Heading>
          {past.map((m) => (
            <MeasureCard key={m.id} measure={m} headingLevel={4} />
          ))}
        </>
      )}
    </section>
  )
}
