import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import * as q from './outbox.queries'
import { outboxTransport } from './outbox.transport'

/** The municipality's latest 200 messages (no recipient or text: the list is for checking delivery). */
export async function listOutbox(deps: AppDeps, ctx: RequestContext) {
  authorize(ctx.actor, 'outbox.read')
  const kommune = ctx.actor.kommune!
  const rows = await inTenant(deps.db, { kommune, userId: ctx.actor.userId }, (trx) =>
    q.listOutbox(trx, kommune, 200),
  )
  return {
    transportConfigured: outboxTransport() !== null,
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      template: r.template,
      personId: r.person_id,
      measureId: r.measure_id,
      status: r.status,
      sendAfter: new Date(r.send_after).toISOString(),
      sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      transport: r.transport,
      attempts: r.attempts,
      lastError: r.last_error,
    })),
  }
}
