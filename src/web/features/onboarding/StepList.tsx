import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react'
import type { ReactNode } from 'react'
import type { StepState } from '../../../shared/api/onboarding'
import { useI18n, useT } from '../../i18n'
import { formatDay } from '../users/labels'
import { stepLabel } from './labels'

/** The checklist steps with their state; `actions` adds the operator's buttons to each step. */
export function StepList({
  steps,
  actions,
  headingLevel = 3,
}: {
  steps: StepState[]
  actions?: (step: StepState) => ReactNode
  headingLevel?: 3 | 4
}) {
  const t = useT()
  const { locale } = useI18n()
  return (
    <ul className="app-steps">
      {steps.map((s) => (
        <li key={s.step} className="app-step" data-testid={`step-${s.step}`}>
          <div className="app-title-row">
            <Heading level={headingLevel} data-size="2xs">
              {t(stepLabel(s.step))}
            </Heading>
            <Tag data-color={s.done ? 'success' : 'neutral'} data-size="sm">
              {s.done ? t('onboarding.done') : t('onboarding.notDone')}
            </Tag>
          </div>
          {s.done && (
            <Paragraph data-size="sm">
              {t('onboarding.recorded', { date: formatDay(s.doneOn, locale), by: s.recordedBy ?? '–' })}
              {s.note && ` – ${s.note}`}
            </Paragraph>
          )}
          {actions?.(s)}
        </li>
      ))}
    </ul>
  )
}
