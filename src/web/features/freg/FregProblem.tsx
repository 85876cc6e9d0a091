import { Alert, Heading, List, Paragraph } from '@digdir/designsystemet-react'
import {
  FREG_UNAVAILABLE_REASONS,
  type FregStatus,
  type FregUnavailableReason,
} from '../../../shared/api/freg'
import { isApiError } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { type MessageKey, useT } from '../../i18n'

type Step = FregStatus['missingSteps'][number]
export const stepKey = (step: Step): MessageKey => `freg.step.${step}`

/** Why the button is off: FREG not set up here, or the municipality's onboarding steps missing. */
export function FregDisabledNotice({ status }: { status: FregStatus }) {
  const t = useT()
  if (!status.configured)
    return (
      <Alert data-color="info">
        <Paragraph>
          {t('freg.notConfigured')} {t('freg.manual')}
        </Paragraph>
      </Alert>
    )
  return (
    <Alert data-color="info" className="app-stack">
      <Heading level={3} data-size="xs">
        {t('freg.disabled.title')}
      </Heading>
      <Paragraph>{t('freg.disabled.missing')}</Paragraph>
      <List.Unordered>
        {status.missingSteps.map((s) => (
          <List.Item key={s}>{t(stepKey(s))}</List.Item>
        ))}
      </List.Unordered>
      <Paragraph>
        {t('freg.disabled.who')} {t('freg.manual')}
      </Paragraph>
    </Alert>
  )
}

const isReason = (v: unknown): v is FregUnavailableReason =>
  typeof v === 'string' && (FREG_UNAVAILABLE_REASONS as readonly string[]).includes(v)

/**
 * A failed lookup, explained: not found, unavailable (and why), not enabled. Always ends with
 * "you can register the person manually" — a lookup failure never blocks registration.
 */
export function FregProblem({ error }: { error: unknown }) {
  const t = useT()
  if (!isApiError(error) || !error.code.startsWith('freg-')) return <ErrorAlert error={error} />
  const reason = error.problem?.reason
  const [title, text] = ((): [string, string] => {
    switch (error.code) {
      case 'freg-not-found':
        return [t('freg.error.notFound'), t('freg.error.notFoundText')]
      case 'freg-unavailable':
        return [t('freg.error.unavailable'), isReason(reason) ? t(`freg.reason.${reason}`) : '']
      case 'freg-disabled':
        return [t('freg.error.disabled'), error.detail ?? '']
      case 'freg-not-delegated':
        return [error.title, t('freg.reason.not-delegated')]
      case 'freg-receipt-invalid':
        return [error.title, t('freg.error.receipt')]
      case 'freg-no-national-id':
        return [error.title, t('freg.error.noNationalId')]
      default:
        return [error.title, error.detail ?? '']
    }
  })()
  return (
    <Alert data-color={error.code === 'freg-not-found' ? 'warning' : 'danger'} className="app-stack">
      <Heading level={3} data-size="xs">
        {title}
      </Heading>
      <Paragraph>
        {text} {t('freg.manual')}
      </Paragraph>
    </Alert>
  )
}
