import type { OrgUnitDetail, OrgUnitSummary } from '../../../shared/api/org-units'
import type { OrgUnit } from '../../db/schema'

type SummaryRow = Pick<OrgUnit, 'code' | 'kind' | 'name' | 'short_name' | 'status'> & { child_count: number }

export const presentSummary = (r: SummaryRow): OrgUnitSummary => ({
  code: r.code,
  kind: r.kind,
  name: r.name,
  shortName: r.short_name,
  status: r.status,
  childCount: r.child_count,
})

export const presentDetail = (
  u: OrgUnit,
  ancestors: OrgUnitDetail['ancestors'],
  children: SummaryRow[],
): OrgUnitDetail => ({
  code: u.code,
  kind: u.kind,
  name: u.name,
  shortName: u.short_name,
  status: u.status,
  source: u.source,
  version: u.version,
  activatedAt: u.activated_at ? new Date(u.activated_at).toISOString() : null,
  ancestors,
  children: children.map(presentSummary),
})
