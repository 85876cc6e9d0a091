import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { isApiError } from '../api/client'
import { useT } from '../i18n'

/**
 * Shows a failed request: the problem+json title (safe, Norwegian, from the server) and detail,
 * or a generic message for network and unexpected errors.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT()
  const problem = isApiError(error) ? error.problem : null
  const title = problem?.title || t('error.title')
  const detail = problem
    ? problem.detail
    : isApiError(error) && error.isNetworkError
      ? t('error.network')
      : t('error.generic')
  return (
    <Alert data-color="danger" className="app-stack">
      <Heading level={2} data-size="xs">
        {title}
      </Heading>
      {detail && <Paragraph>{detail}</Paragraph>}
      {onRetry && (
        <div>
          <Button variant="secondary" data-size="sm" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        </div>
      )}
    </Alert>
  )
}
