import type { AssignableUsers } from '../../../shared/api/users'
import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import type { AppDeps } from '../../http/types'
import { listCaseWorkers } from '../cases/cases.queries'
import { scope } from '../cases/cases.service'

/**
 * GET /api/users/assignable: the active municipality's tracers and administrators (id and name),
 * for the assignee control of a case or contact. A case worker's read, not user administration:
 * the same rule decides whether PUT /api/cases/{id}/assignee accepts the user.
 */
export async function listAssignable(deps: AppDeps, ctx: RequestContext): Promise<AssignableUsers> {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, async (trx) => ({ items: await listCaseWorkers(trx, s.kommune) }))
}
