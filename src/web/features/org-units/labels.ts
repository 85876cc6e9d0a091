import type { OrgUnitDetail } from '../../../shared/api/org-units'
import type { MessageKey } from '../../i18n'

type Kind = OrgUnitDetail['kind']
type Status = OrgUnitDetail['status']

export const kindLabel = (kind: Kind): MessageKey => `orgUnits.kind.${kind}`
export const statusLabel = (status: Status): MessageKey => `orgUnits.status.${status}`
export const sourceLabel = (source: OrgUnitDetail['source']): MessageKey => `orgUnits.source.${source}`

/** Tag colours: active stands out, inactive is neutral, retired warns. */
export const statusColor: Record<Status, 'success' | 'neutral' | 'warning'> = {
  active: 'success',
  inactive: 'neutral',
  retired: 'warning',
}
