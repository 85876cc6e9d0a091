import type { RequestContext } from '../../auth/actor'
import { loadAccess } from '../../auth/sessions'
import type { Trx } from '../../db/tenant'
import { AppError } from '../../http/errors'
import { can } from '../../policy/policy'

/** A step of an import run claimed by this worker (see import_claim in migration 0014). */
export interface Claim {
  id: string
  kommune: string
  created_by: string
  worker: string
}

/**
 * The request context a background step runs with: the user who started the import, with the
 * roles they hold in the municipality now (if they lost access meanwhile, the step is refused).
 * Audit rows name the import run as the request.
 */
export async function workerContext(trx: Trx, claim: Claim): Promise<RequestContext> {
  const user = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', '=', claim.created_by)
    .executeTakeFirst()
  const access = await loadAccess(trx, claim.created_by)
  const roles = access.memberships.find((m) => m.kommune === claim.kommune)?.roles ?? []
  const actor = {
    userId: claim.created_by,
    name: user?.name ?? '',
    kommune: claim.kommune,
    roles,
    sessionId: '',
  }
  if (!can(actor, 'import.run'))
    throw new AppError(403, 'forbidden', 'Brukeren som startet importen har ikke lenger tilgang til import')
  return { actor, requestId: `import-${claim.id}`, ip: '' }
}
