import { Paragraph } from '@digdir/designsystemet-react'
import type { ContactDetail } from '../../../shared/api/contacts'
import { isApiError } from '../../api/client'
import { useSession } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useT } from '../../i18n'
import { AssigneeControl } from '../cases/AssigneeControl'
import { useAssignContact } from './useContacts'

/** Who follows the contact up (PUT /api/contacts/:id/assignee), as on the case page. */
export function ContactAssignee({ contact }: { contact: ContactDetail }) {
  const t = useT()
  const session = useSession()
  const me = session.status === 'authenticated' ? session.session.user : null
  const assign = useAssignContact(contact.id)
  const stale = isApiError(assign.error) && assign.error.code === 'conflict'
  return (
    <>
      <Paragraph data-testid="contact-assignee">
        {contact.assignedTo ? t('case.assignedTo', { name: contact.assignedTo.name }) : t('case.notAssigned')}
      </Paragraph>
      <AssigneeControl
        assignedTo={contact.assignedTo}
        meId={me?.id ?? null}
        busy={assign.isPending}
        onAssign={(userId) => assign.mutate({ userId, version: contact.version })}
      />
      {assign.isError &&
        (stale ? (
          <Paragraph role="alert">{t('contact.staleAction')}</Paragraph>
        ) : (
          <ErrorAlert error={assign.error} />
        ))}
    </>
  )
}
