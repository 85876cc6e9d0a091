import { formatNorwegianDate } from '../../../shared/domain/dates'
import { type MeasureBasisInput, planMeasure, recomputeDates } from '../../../shared/domain/measurePlan'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import type { Trx } from '../../db/tenant'
import { syncSchedule } from '../followups/followups.schedule'
import { loadRuleSets } from '../rulesets/rulesets.service'
import { effectiveStatus } from './measures.present'
import * as q from './measures.queries'

export const RECOMPUTE_CALL_REASON = 'Datoene ble beregnet på nytt'

/**
 * Issue 18: the facts a measure counts from changed (a contact's last exposure, a case's onset or
 * test date), inside the transaction that changed them. Every measure of the contact or case that
 * still follows the rules (not cancelled, exempted or ended early) is recomputed under the rule
 * set in force: dates not set by hand move, hand-set dates stay (the new computed end is stored,
 * so the page shows that the rules would now give another date), the calls not yet made are
 * re-planned (calls made stay; past days get late calls), and each change is a measure event
 * and an audit entry.
 */
export async function recomputeMeasures(
  trx: Trx,
  ctx: RequestContext,
  kommune: string,
  ref: { contactId: string } | { caseId: string },
  why: string,
  today: string,
) {
  const basis = await basisOf(trx, kommune, ref)
  if (!basis) return []
  const ruleSets = await loadRuleSets(trx)
  const plan = planMeasure(ruleSets, basis)
  if (!plan.ok) return []
  const changed: string[] = []
  for (const m of await q.measuresToRecompute(trx, kommune, ref)) {
    const before = (await q.lockMeasure(trx, { id: m.id, kommune }))!
    const r = recomputeDates(
      {
        start: before.start_date,
        end: before.end_date,
        computedStart: before.computed_start,
        computedEnd: before.computed_end,
        overridden: before.override_reason !== null,
      },
      plan,
    )
    if (r.change === 'none') continue
    const next = { ...before, start_date: r.start, end_date: r.end }
    const after = await q.updateMeasure(trx, before.id, before.version, {
      start_date: r.start,
      end_date: r.end,
      computed_start: r.computedStart,
      computed_end: r.computedEnd,
      rule_set_id: plan.ruleSet.id,
      basis: plan.basis,
      basis_date: plan.basisDate,
      explanation: plan.explanation,
      status: effectiveStatus(next, today),
    })
    if (!after) continue // locked above: cannot happen
    const kept = r.endKeptByHand
      ? ` Sluttdatoen ${formatNorwegianDate(r.end)} er satt manuelt og beholdt; reglene gir nå ${formatNorwegianDate(r.computedEnd)}.`
      : ''
    const reason = `${why}.${kept}`
    await q.insertEvent(trx, {
      kommune,
      measure_id: before.id,
      action: 'recompute',
      from_start: before.start_date,
      to_start: after.start_date,
      from_end: before.end_date,
      to_end: after.end_date,
      reason,
      created_by: ctx.actor?.userId ?? null,
    })
    if (after.kind === 'isolation' && after.case_id)
      await q.setCaseIsolationEnd(trx, after.case_id, kommune, after.end_date)
    await syncSchedule(trx, after, today, undefined, { backfill: true, cancelReason: RECOMPUTE_CALL_REASON })
    await audit(trx, ctx, {
      action: 'measure.recompute',
      recordType: 'measure',
      recordId: after.id,
      personId: after.person_id,
      reason,
      changes: diffFields(before, after, [
        'start_date',
        'end_date',
        'computed_start',
        'computed_end',
        'rule_set_id',
        'basis_date',
      ]),
    })
    changed.push(after.id)
  }
  return changed
}

async function basisOf(
  trx: Trx,
  kommune: string,
  ref: { contactId: string } | { caseId: string },
): Promise<MeasureBasisInput | null> {
  if ('caseId' in ref) {
    const c = await q.caseForMeasure(trx, { id: ref.caseId, kommune })
    return c ? { kind: 'isolation', onsetDate: c.onset_date, testDate: c.test_date } : null
  }
  const t = await q.contactForMeasure(trx, { id: ref.contactId, kommune })
  return t ? { kind: 'quarantine', lastExposure: t.last_exposure } : null
}
