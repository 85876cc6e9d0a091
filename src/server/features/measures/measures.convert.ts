import type { ConversionMeasures } from '../../../shared/api/measures'
import type { RequestContext } from '../../auth/actor'
import type { Trx } from '../../db/tenant'
import { AppError } from '../../http/errors'
import { endQuarantineOnInfection } from './measures.changes'
import { startMeasure } from './measures.service'

/**
 * Issue 18: what becoming a case does to the person's measures, inside the transaction that
 * created the case (contact → case, event participant → case, symptoms on a call → case): the
 * source contact's quarantine ends "Ble smittet" on the case's test date (today without one) and
 * its open calls are cancelled (kept); isolation starts under the rule set in force with its
 * call plan. When the rules give no isolation (no rule set, no duty, no dates) the case is still
 * made and the answer says why, so the tracer can start isolation by hand.
 */
export async function measuresOnInfection(
  trx: Trx,
  ctx: RequestContext,
  kommune: string,
  c: { caseId: string; sourceContactId: string | null; testDate: string | null },
  today: string,
): Promise<ConversionMeasures> {
  const ended = c.sourceContactId
    ? await endQuarantineOnInfection(trx, ctx, kommune, c.sourceContactId, c.testDate ?? today, today)
    : null
  const quarantine = ended
    ? { id: ended.id, status: ended.status, endDate: ended.end_date, endReason: ended.end_reason }
    : null
  try {
    const row = await startMeasure(trx, ctx, kommune, { kind: 'isolation', caseId: c.caseId }, today)
    return {
      quarantine,
      isolation: { id: row.id, status: row.status, startDate: row.start_date, endDate: row.end_date },
      isolationProblem: null,
    }
  } catch (err) {
    // Only the rules' "cannot compute" answers (thrown before any SQL ran in this step).
    if (err instanceof AppError && err.status === 422 && err.code.startsWith('measure-'))
      return { quarantine, isolation: null, isolationProblem: err.message }
    throw err
  }
}
