import { Details } from '@digdir/designsystemet-react'
import type { MeasureView } from '../../../shared/api/measures'
import { formatIsoDate } from '../../components/dates'
import { useI18n } from '../../i18n'
import { EVENT_LABELS } from './labels'

/** Every change of the measure with its reason (the audit log holds the same). */
export function MeasureHistory({ measure: m }: { measure: MeasureView }) {
  const { t, formatDate } = useI18n()
  return (
    <Details>
      <Details.Summary>
        {t('measure.history')} ({m.events.length})
      </Details.Summary>
      <Details.Content>
        <ul className="app-stack">
          {m.events.map((e) => (
            <li key={e.id}>
              <strong>{EVENT_LABELS[e.action] ? t(EVENT_LABELS[e.action]!) : e.action}</strong>{' '}
              {formatDate(e.at)}
              {e.by ? `, ${e.by.name}` : ''}
              {e.toEnd && e.fromEnd !== e.toEnd && (
                <>
                  {' · '}
                  {e.fromEnd ? `${formatIsoDate(e.fromEnd)} → ` : ''}
                  {formatIsoDate(e.toEnd)}
                </>
              )}
              {e.reason && <> · {e.reason}</>}
            </li>
          ))}
        </ul>
      </Details.Content>
    </Details>
  )
}
