import { Button, Heading, Paragraph } from '@digdir/designsystemet-react'
import { useId } from 'react'
import type { CaseDetail } from '../../../shared/api/cases'
import { isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { useSession } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { FlagDialog } from '../flags/FlagDialog'
import { OwnerUnitControl } from '../ownership/OwnerUnitControl'
import { AssigneeControl } from './AssigneeControl'
import { useAssignCase, useSetCaseStatus } from './useCases'

/** Who follows the case up, open/closed, and "Meld feil". */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const t = useT()
  const headingId = useId()
  const session = useSession()
  const me = session.status === 'authenticated' ? session.session.user : null
  const assign = useAssignCase(detail.id)
  const status = useSetCaseStatus(detail.id)
  const error = assign.error ?? status.error
  const stale = isApiError(error) && error.code === 'conflict'
  return (
    <section aria-labelledby={headingId} className="app-stack cw-section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('case.followUpHeading')}
      </Heading>
      <Paragraph data-testid="case-assignee">
        {detail.assignedTo ? t('case.assignedTo', { name: detail.assignedTo.name }) : t('case.notAssigned')}
      </Paragraph>
      <AssigneeControl
        assignedTo={detail.assignedTo}
        meId={me?.id ?? null}
        busy={assign.isPending}
        onAssign={(userId) => assign.mutate({ userId, version: detail.version })}
      />
      <OwnerUnitControl
        type="cases"
        id={detail.id}
        ownerUnit={detail.ownerUnit}
        invalidate={queryKeys.cases.detail(detail.id)}
      />
      <div className="cw-actions">
        {detail.status === 'open' ? (
          <Button
            variant="secondary"
            data-size="sm"
            loading={status.isPending}
            onClick={() => status.mutate({ status: 'closed', version: detail.version })}
          >
            {t('case.close')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            data-size="sm"
            loading={status.isPending}
            onClick={() => status.mutate({ status: 'open', version: detail.version })}
          >
            {t('case.reopen')}
          </Button>
        )}
        <FlagDialog recordType="case" recordId={detail.id} />
      </div>
      {error &&
        (stale ? <Paragraph role="alert">{t('case.staleAction')}</Paragraph> : <ErrorAlert error={error} />)}
    </section>
  )
}
