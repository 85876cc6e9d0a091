import type { FastifyError, FastifyRequest } from 'fastify'
import { audit } from '../../audit/audit'
import { inTenant } from '../../db/tenant'
import { AppError } from '../../http/errors'
import type { App } from '../../http/types'

/**
 * Access denials go to the audit log (SPEC §2): a logged-in user's 403, and a 404 on a route that
 * names a record (`/api/persons/:id`) — the policy answers 404 for another municipality's record so
 * its existence is not revealed, and the log is where that attempt must still show up. The row
 * goes to the actor's active municipality (the national chain when none is chosen), so the
 * municipality's Administrator sees it. Recording it can never change the answer: any failure here
 * is logged and swallowed.
 */
export function registerAccessDeniedAudit(app: App) {
  app.addHook('onError', async (req, _reply, error) => {
    const event = deniedEvent(req, error)
    if (!event || !req.actor) return
    try {
      await inTenant(app.deps.db, { kommune: req.actor.kommune, userId: req.actor.userId }, (trx) =>
        audit(trx, req.ctx, event),
      )
    } catch (err) {
      req.log.warn({ err }, 'could not record access denial in the audit log')
    }
  })
}

type Params = Record<string, string | undefined>

/** The audit event for a denied request, or null when the error is no denial. Exported for tests. */
export function deniedEvent(req: FastifyRequest, error: FastifyError | Error) {
  if (!req.actor || !(error instanceof AppError) || !req.url.startsWith('/api/')) return null
  const route = req.routeOptions.url ?? ''
  const params = (req.params ?? {}) as Params
  const recordId = params.id ?? params.code ?? params.personId ?? Object.values(params)[0] ?? null
  const isDenial = error.status === 403 || (error.status === 404 && recordId !== null)
  if (!isDenial) return null
  return {
    action: 'access.denied',
    outcome: 'denied' as const,
    recordType: recordTypeOf(route),
    recordId,
    details: { status: error.status, code: error.code, method: req.method, route },
  }
}

/** '/api/persons/:id' → 'person', '/api/org-units/:code' → 'org-unit', '/api/audit-log' → 'audit-log'. */
export function recordTypeOf(route: string): string {
  const segment = route.split('/')[2]?.replace(/\.csv$/, '') ?? ''
  return segment.endsWith('s') && !segment.endsWith('ss') ? segment.slice(0, -1) : segment || 'api'
}
