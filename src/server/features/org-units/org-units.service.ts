import type { Database } from '../../db/kysely'
import { notFound } from '../../http/errors'
import { presentDetail, presentSummary } from './org-units.present'
import * as q from './org-units.queries'

/** The organisation register is reference data (no personal data): readable without a tenant scope. */
export async function getOrgUnit(db: Database, code: string) {
  const unit = await q.findOrgUnit(db, code)
  if (!unit) throw notFound('Enheten')
  const [ancestors, children] = await Promise.all([q.listAncestors(db, code), q.listChildren(db, code)])
  return presentDetail(
    unit,
    ancestors.map(({ code, kind, name }) => ({ code, kind, name })),
    children,
  )
}

export async function listOrgUnits(db: Database, filter: Parameters<typeof q.listOrgUnits>[1]) {
  return { items: (await q.listOrgUnits(db, filter)).map(presentSummary) }
}
