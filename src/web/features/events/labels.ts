import type { ParticipantRole } from '../../../shared/api/events'
import type { MessageKey } from '../../i18n'

export const EVENT_STATUS_LABELS: Record<'active' | 'closed', MessageKey> = {
  active: 'events.status.active',
  closed: 'events.status.closed',
}

export const ROLE_LABELS: Record<ParticipantRole, MessageKey> = {
  case: 'participants.role.case',
  contact: 'participants.role.contact',
  attendee: 'participants.role.attendee',
}
