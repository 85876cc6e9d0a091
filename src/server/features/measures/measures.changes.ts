import type { MeasureAdjust, MeasureCancel, MeasureExempt } from '../../../shared/api/measures'
import { compareIsoDates, formatNorwegianDate } from '../../../shared/domain/dates'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { conflict, fieldError, notFound, unprocessable } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { syncSchedule } from '../followups/followups.schedule'
import { todayOslo } from './clock'
import { actualEnd, effectiveStatus } from './measures.present'
import * as q from './measures.queries'
import { viewOf } from './measures.views'

type Change = {
  action: 'override' | 'extend' | 'shorten' | 'cancel' | 'exempt' | 'end' | 'convert'
  values: Pick<
    q.MeasureValues,
    | 'start_date'
    | 'end_date'
    | 'override_reason'
    | 'cancel_reason'
    | 'exempt_from'
    | 'exemption_reason'
    | 'end_reason'
  >
  reason: string
}

/**
 * Applies one change to a measure the tracer read at `version`: new dates or status, an event
 * with the reason, the case's isolation end, the follow-up calls and the audit entry, all in one
 * transaction. 409 with the current measure when someone changed it in between.
 */
async function applyChange(
  trx: Trx,
  ctx: RequestContext,
  before: q.MeasureRow,
  version: number,
  change: Change,
  today: string,
) {
  const kommune = before.kommune
  const next = { ...before, ...change.values } as q.MeasureRow
  if (change.action === 'cancel') next.status = 'cancelled'
  const status = effectiveStatus(next, today)
  const after = await q.updateMeasure(trx, before.id, version, {
    ...change.values,
    status,
    actual_end: actualEnd(next, today),
  })
  if (!after) throw conflict(await viewOf(trx, kommune, before.id, today))
  await q.insertEvent(trx, {
    kommune,
    measure_id: before.id,
    action: change.action,
    from_start: before.start_date,
    to_start: after.start_date,
    from_end: before.end_date,
    to_end: change.action === 'exempt' ? after.exempt_from : after.end_date,
    reason: change.reason,
    created_by: ctx.actor!.userId,
  })
  if (after.kind === 'isolation' && after.case_id) {
    const end = status === 'cancelled' ? null : (actualEnd(after, '9999-12-31') ?? after.end_date)
    await q.setCaseIsolationEnd(trx, after.case_id, kommune, end)
  }
  await syncSchedule(trx, after, today)
  await audit(trx, ctx, {
    action: `measure.${change.action}`,
    recordType: 'measure',
    recordId: after.id,
    personId: after.person_id,
    reason: change.reason,
    changes: diffFields(before, after, [
      'start_date',
      'end_date',
      'status',
      'override_reason',
      'cancel_reason',
      'exempt_from',
      'exemption_reason',
      'end_reason',
    ]),
  })
  return after
}

/** Locks the measure for a change, with the 404/409/422 answers every change shares. */
async function lockForChange(trx: Trx, kommune: string, id: string, version: number, today: string) {
  const before = await q.lockMeasure(trx, { id, kommune })
  if (!before) throw notFound('Tiltaket')
  if (before.version !== version) throw conflict(await viewOf(trx, kommune, id, today))
  if (before.status === 'cancelled')
    throw unprocessable('measure-cancelled', 'Tiltaket er avbrutt og kan ikke endres')
  if (before.end_reason)
    throw unprocessable('measure-ended', `Tiltaket er avsluttet (${before.end_reason}) og kan ikke endres`)
  return before
}

/**
 * Override (new start and/or end), extend (later end) or shorten (earlier end), each with a
 * reason that is shown on the measure and written to the audit log.
 */
export async function adjustMeasure(deps: AppDeps, ctx: RequestContext, id: string, body: MeasureAdjust) {
  authorize(ctx.actor, 'measure.write')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const before = await lockForChange(trx, kommune, id, body.version, today)
    if (body.startDate && body.action !== 'override')
      throw fieldError('body.startDate', 'Bare overstyring kan endre startdatoen')
    const start = body.startDate ?? before.start_date
    const current = formatNorwegianDate(before.end_date)
    if (body.action === 'extend' && compareIsoDates(body.endDate, before.end_date) <= 0)
      throw fieldError('body.endDate', `Forlengelse må gi en sluttdato etter ${current}`)
    if (body.action === 'shorten' && compareIsoDates(body.endDate, before.end_date) >= 0)
      throw fieldError('body.endDate', `Forkorting må gi en sluttdato før ${current}`)
    if (compareIsoDates(body.endDate, start) < 0)
      throw fieldError('body.endDate', 'Sluttdato er før startdato')
    await applyChange(
      trx,
      ctx,
      before,
      body.version,
      {
        action: body.action,
        values: {
          start_date: start,
          end_date: body.endDate,
          ...(body.action === 'override' ? { override_reason: body.reason } : {}),
        },
        reason: body.reason,
      },
      today,
    )
    return viewOf(trx, kommune, id, today)
  })
}

export async function cancelMeasure(deps: AppDeps, ctx: RequestContext, id: string, body: MeasureCancel) {
  authorize(ctx.actor, 'measure.write')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const before = await lockForChange(trx, kommune, id, body.version, today)
    await applyChange(
      trx,
      ctx,
      before,
      body.version,
      { action: 'cancel', values: { cancel_reason: body.reason }, reason: body.reason },
      today,
    )
    return viewOf(trx, kommune, id, today)
  })
}

/** Exemption (e.g. recovered or vaccinated): the measure stops applying on `from`. */
export async function exemptMeasure(deps: AppDeps, ctx: RequestContext, id: string, body: MeasureExempt) {
  authorize(ctx.actor, 'measure.write')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const before = await lockForChange(trx, kommune, id, body.version, today)
    if (compareIsoDates(body.from, before.start_date) < 0)
      throw fieldError('body.from', 'Unntaket kan ikke gjelde fra før tiltaket startet')
    await applyChange(
      trx,
      ctx,
      before,
      body.version,
      {
        action: 'exempt',
        values: { exempt_from: body.from, exemption_reason: body.reason },
        reason: body.reason,
      },
      today,
    )
    return viewOf(trx, kommune, id, today)
  })
}

export const INFECTED_REASON = 'Ble smittet'

/**
 * Issue 18: the contact became a case (tested `infectedOn`, today when the case has no test
 * date). Its open quarantine ends on that day with the reason "Ble smittet" (or is cancelled
 * with it if it had not begun by then); its open calls become cancelled with the same reason,
 * kept as history. Audited and recorded as a measure event, in the caller's transaction.
 */
export async function endQuarantineOnInfection(
  trx: Trx,
  ctx: RequestContext,
  kommune: string,
  contactId: string,
  infectedOn: string,
  today: string,
) {
  const open = await q.findOpenMeasure(trx, kommune, { contactId }, today)
  if (open?.kind !== 'quarantine') return null
  const before = await q.lockMeasure(trx, { id: open.id, kommune })
  if (!before) return null
  if (compareIsoDates(infectedOn, before.start_date) < 0)
    return applyChange(
      trx,
      ctx,
      before,
      before.version,
      { action: 'cancel', values: { cancel_reason: INFECTED_REASON }, reason: INFECTED_REASON },
      today,
    )
  const end = compareIsoDates(infectedOn, before.end_date) < 0 ? infectedOn : before.end_date
  return applyChange(
    trx,
    ctx,
    before,
    before.version,
    { action: 'convert', values: { end_date: end, end_reason: INFECTED_REASON }, reason: INFECTED_REASON },
    today,
  )
}
