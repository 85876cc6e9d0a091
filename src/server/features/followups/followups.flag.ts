import { sql } from 'kysely'
import { consecutiveUnreached } from '../../../shared/domain/followUps'
import type { Trx } from '../../db/tenant'
import { doneCalls } from './followups.queries'

/**
 * Applies the "ikke nådd" rule to one measure: flagged once `limit` calls in a row were not
 * answered, unflagged by the next call that reaches the person. Records the change as a measure
 * event; returns the run length and whether the flag changed.
 */
export async function applyUnreachedRule(
  trx: Trx,
  m: { id: string; kommune: string; unreached_since: Date | null },
  limit: number,
  userId: string | null,
) {
  const run = consecutiveUnreached(
    (await doneCalls(trx, m.id)).map((c) => ({ doneAt: c.done_at!, reached: c.reached! })),
  )
  const flag = run >= limit
  if (flag === (m.unreached_since !== null)) return { run, changed: false, unreachedSince: m.unreached_since }
  const r = await trx
    .updateTable('measures')
    .set({ unreached_since: flag ? sql`now()` : null })
    .where('id', '=', m.id)
    .returning('unreached_since')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('measure_events')
    .values({
      kommune: m.kommune,
      measure_id: m.id,
      action: flag ? 'flag-unreached' : 'unflag-unreached',
      reason: flag ? `${run} samtaler på rad uten svar` : 'Personen ble nådd',
      created_by: userId,
    })
    .execute()
  return { run, changed: true, unreachedSince: r.unreached_since }
}
