import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { MeasureView } from '../../../shared/api/measures'
import { formatIsoDate } from '../../components/dates'
import { useI18n } from '../../i18n'
import { FollowUpCalls } from './FollowUpCalls'
import { LettersSection } from './LettersSection'
import { KIND_LABELS, STATUS_COLOR, STATUS_LABELS } from './labels'
import { MeasureChangeDialog } from './MeasureChangeDialog'
import { MeasureHistory } from './MeasureHistory'

/** One measure: dates and why, follow-up calls, letters, history and the change dialog. */
export function MeasureCard({ measure: m, headingLevel }: { measure: MeasureView; headingLevel: 3 | 4 }) {
  const { t, formatDate } = useI18n()
  const period = t('measure.period', { start: formatIsoDate(m.startDate), end: formatIsoDate(m.endDate) })
  return (
    <Card data-color="neutral" className="app-stack" data-testid={`measure-${m.kind}`}>
      <div className="cw-inline cw-title-row">
        <Heading level={headingLevel} data-size="xs">
          {t(KIND_LABELS[m.kind])}: <span data-testid="measure-period">{period}</span>
        </Heading>
        <Tag data-color={STATUS_COLOR[m.status]}>{t(STATUS_LABELS[m.status])}</Tag>
      </div>
      <Paragraph data-size="sm">
        {t('measure.field.ruleSet')}: {m.ruleSet ? m.ruleSet.name : t('measure.field.manual')}
        {m.actualEnd && (
          <>
            {' · '}
            {t('measure.field.actualEnd')}: {formatIsoDate(m.actualEnd)}
          </>
        )}
      </Paragraph>
      {m.explanation && (
        <Paragraph data-size="sm" className="cw-muted">
          {m.explanation}
        </Paragraph>
      )}
      {m.adjusted && m.computedEnd && (
        <Paragraph data-size="sm" className="cw-warning-text">
          {t('measure.adjusted', { computed: formatIsoDate(m.computedEnd) })}
        </Paragraph>
      )}
      {m.overrideReason && (
        <Paragraph data-size="sm">{t('measure.override', { reason: m.overrideReason })}</Paragraph>
      )}
      {m.exemptFrom && (
        <Paragraph data-size="sm">
          {t('measure.exempt', { date: formatIsoDate(m.exemptFrom), reason: m.exemptionReason ?? '' })}
        </Paragraph>
      )}
      {m.endReason && (
        <Paragraph data-size="sm" data-testid="measure-end-reason">
          {t('measure.endedEarly', { date: formatIsoDate(m.endDate), reason: m.endReason })}
        </Paragraph>
      )}
      {m.cancelReason && (
        <Paragraph data-size="sm">{t('measure.cancelled', { reason: m.cancelReason })}</Paragraph>
      )}
      {m.unreachedSince && (
        <Paragraph>
          <Tag data-color="danger">{t('measure.unreached', { date: formatDate(m.unreachedSince) })}</Tag>
        </Paragraph>
      )}
      {m.status !== 'cancelled' && !m.endReason && <MeasureChangeDialog measure={m} />}
      <FollowUpCalls measure={m} />
      <LettersSection measure={m} />
      <MeasureHistory measure={m} />
    </Card>
  )
}
