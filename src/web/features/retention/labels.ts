import type { PreviewStatus, RetentionType } from '../../../shared/api/retention'
import type { MessageKey } from '../../i18n'

export const TYPE_LABELS: Record<RetentionType, MessageKey> = {
  case: 'retention.type.case',
  contact: 'retention.type.contact',
  event: 'retention.type.event',
  measure: 'retention.type.measure',
  followup: 'retention.type.followup',
  document: 'retention.type.document',
  outbox: 'retention.type.outbox',
  import: 'retention.type.import',
  person: 'retention.type.person',
}

const REFERENCE_LABELS: Record<string, MessageKey> = {
  'case-closed': 'retention.ref.case-closed',
  'last-exposure': 'retention.ref.last-exposure',
  'event-ended': 'retention.ref.event-ended',
  'measure-ended': 'retention.ref.measure-ended',
  'call-planned': 'retention.ref.call-planned',
  'document-created': 'retention.ref.document-created',
  'message-created': 'retention.ref.message-created',
  'import-finished': 'retention.ref.import-finished',
  'person-unreferenced': 'retention.ref.person-unreferenced',
}

/** The i18n key for a reference date, or null for one the web app does not know yet. */
export const referenceLabel = (reference: string): MessageKey | null => REFERENCE_LABELS[reference] ?? null

export const STATUS_LABELS: Record<PreviewStatus, MessageKey> = {
  due: 'retention.status.due',
  held: 'retention.status.held',
  waiting: 'retention.status.waiting',
}

/** Where a record is opened in the app, when it has a page of its own (else its person's). */
export function recordPath(type: RetentionType, id: string, personId: string | null): string | null {
  if (type === 'case') return `/saker/${id}`
  if (type === 'contact') return `/kontakter/${id}`
  if (type === 'person') return `/personer/${id}`
  return personId ? `/personer/${personId}` : null
}

/** A short, readable form of a uuid for tables ("3f2a9c1e"). */
export const shortId = (id: string) => id.slice(0, 8)
