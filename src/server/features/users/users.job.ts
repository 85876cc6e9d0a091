import { randomUUID } from 'node:crypto'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant } from '../../db/tenant'
import type { JobDefinition } from '../../jobs/types'
import * as q from './users.queries'

/** SPEC §2: users unused for this many days are deactivated automatically. */
export const INACTIVE_DAYS = 90
export const INACTIVE_REASON = 'inactive-90-days'

/**
 * Deactivates every active user whose last login (or creation, or reactivation by an
 * Administrator) is more than 90 days ago. One transaction per user; the event is audited in each
 * municipality where the user holds a role (so its Administrator sees it), or nationally.
 */
export async function deactivateInactiveUsers(db: Database): Promise<{ deactivated: number }> {
  const ctx: RequestContext = {
    actor: null,
    requestId: `job:${inactiveUsersJob.name}:${randomUUID()}`,
    ip: '-',
  }
  let deactivated = 0
  for (const user of await q.listInactiveUsers(db, INACTIVE_DAYS)) {
    const done = await inTenant(db, { kommune: null }, async (trx) => {
      if (!(await q.deactivateIfInactive(trx, user.id, INACTIVE_DAYS, INACTIVE_REASON))) return false
      const kommuner = await q.activeKommunerOf(trx, user.id)
      for (const kommune of kommuner.length > 0 ? kommuner : [null])
        await audit(trx, ctx, {
          action: 'user.deactivate.inactive',
          recordType: 'user',
          recordId: user.id,
          kommune,
          reason: INACTIVE_REASON,
          changes: [{ field: 'status', before: 'active', after: 'deactivated' }],
          details: { lastLoginAt: user.last_login_at, days: INACTIVE_DAYS },
        })
      return true
    })
    if (done) deactivated++
  }
  return { deactivated }
}

/** Daily at 02:30 (Oslo); national, one job. */
export const inactiveUsersJob: JobDefinition = {
  name: 'users.deactivate-inactive',
  cron: '30 2 * * *',
  run: ({ db }) => deactivateInactiveUsers(db),
}
