import type { z } from 'zod'
import type {
  closeLateBody,
  FollowUpSettingsUpdate,
  FollowUpTodayQuery,
  followUpAssignBody,
  followUpRecordBody,
} from '../../../shared/api/followups'
import { compareIsoDates } from '../../../shared/domain/dates'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import { AppError, conflict, fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { todayOslo } from '../measures/clock'
import { applyUnreachedRule } from './followups.flag'
import { presentCall, presentDueCall, presentSymptomCall } from './followups.present'
import * as q from './followups.queries'

/** "Dagens oppfølging": planned calls due today or overdue, with who can take them. */
export async function listToday(deps: AppDeps, ctx: RequestContext, query: FollowUpTodayQuery) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  const assignedTo = query.assignedTo === 'me' ? ctx.actor.userId : query.assignedTo
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const rows = await q.dueCalls(trx, kommune, today, {
      ...(assignedTo ? { assignedTo } : {}),
      ...(query.subunit ? { subunit: query.subunit } : {}),
      ...(query.needs ? { needs: query.needs } : {}),
      ...(query.symptoms ? { symptoms: true } : {}),
    })
    await audit(trx, ctx, {
      action: 'followup.worklist',
      recordType: 'followup_call',
      details: {
        results: rows.length,
        assignedTo: query.assignedTo ?? null,
        subunit: query.subunit ?? null,
        needs: query.needs ?? null,
        symptoms: query.symptoms ?? null,
      },
    })
    return {
      date: today,
      items: rows.map((r) => presentDueCall(r, today)),
      tracers: await q.tracersOf(trx, kommune, today),
      subunits: await q.subunitsOf(trx, kommune),
    }
  })
}

/** "Symptomer meldt": people in quarantine who reported symptoms on a call and are not yet cases. */
export async function listSymptoms(deps: AppDeps, ctx: RequestContext) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const rows = await q.symptomCalls(trx, kommune)
    await audit(trx, ctx, {
      action: 'followup.worklist',
      recordType: 'followup_call',
      details: { list: 'symptoms', results: rows.length },
    })
    return { items: rows.map(presentSymptomCall) }
  })
}

/**
 * Gives calls to tracers: all to one (manual), dealt out in the given order across several
 * (round-robin), or back to nobody. Every call and every tracer must belong to this municipality.
 */
export async function assignCalls(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof followUpAssignBody>,
) {
  authorize(ctx.actor, 'followup.assign')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  const ids = [...new Set(body.callIds)]
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const found = new Set(await q.existingCallIds(trx, kommune, ids))
    if (found.size !== ids.length) throw notFound('Samtalen')
    const tracers = new Map((await q.tracersOf(trx, kommune, today)).map((t) => [t.id, t]))
    const chosen = [...new Set(body.tracerIds)]
    chosen.forEach((id, i) => {
      if (!tracers.has(id)) throw fieldError(`body.tracerIds.${i}`, 'Brukeren har ikke tilgang i kommunen')
    })
    const plan = new Map<string | null, string[]>()
    ids.forEach((id, i) => {
      const who = body.mode === 'unassign' ? null : (chosen[i % chosen.length] ?? null)
      plan.set(who, [...(plan.get(who) ?? []), id])
    })
    for (const [who, group] of plan) await q.assignCalls(trx, kommune, group, who)
    await audit(trx, ctx, {
      action: 'followup.assign',
      recordType: 'followup_call',
      details: { mode: body.mode, calls: ids.length, tracerIds: chosen },
    })
    return {
      items: ids.map((id) => {
        const who = [...plan].find(([, g]) => g.includes(id))?.[0] ?? null
        return { id, assignedTo: who ? { id: who, name: tracers.get(who)!.name } : null }
      }),
    }
  })
}

/** Dates the caller says happened must not lie in the future. */
function assertNotFuture(today: string, values: Record<string, string | null | undefined>) {
  for (const [field, date] of Object.entries(values))
    if (date && compareIsoDates(date, today) > 0)
      throw fieldError(`body.${field}`, 'Datoen kan ikke være fram i tid')
}

/**
 * Records a call (reached or not, symptoms, test, needs) and applies the "ikke nådd" rule. A
 * contact who reports symptoms or a positive test gets `suggestCaseConversion`, which the page
 * turns into the contact → case path (SPEC §3.3) and then isolation.
 */
export async function recordCall(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof followUpRecordBody>,
) {
  authorize(ctx.actor, 'followup.record')
  const kommune = ctx.actor.kommune!
  const userId = ctx.actor.userId
  const today = todayOslo()
  assertNotFuture(today, { onsetDate: body.onsetDate, testDate: body.testDate })
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const before = await q.findCall(trx, { id, kommune })
    if (!before) throw notFound('Samtalen')
    if (before.version !== body.version) throw conflict(presentCall(before))
    const measure = await trx
      .selectFrom('measures')
      .select(['id', 'kommune', 'kind', 'contact_id', 'unreached_since', 'status'])
      .where('id', '=', before.measure_id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (measure.status === 'cancelled')
      throw new AppError(422, 'measure-cancelled', 'Tiltaket er avbrutt; samtalen kan ikke registreres')
    const values = {
      status: body.reached ? ('done' as const) : ('not_reached' as const),
      done_at: new Date(),
      done_by: userId,
      reached: body.reached,
      symptoms: body.reached ? (body.symptoms ?? null) : null,
      symptom_notes: body.symptomNotes,
      onset_date: body.symptoms ? (body.onsetDate ?? null) : null,
      tested: body.reached ? (body.tested ?? null) : null,
      test_date: body.tested ? (body.testDate ?? null) : null,
      test_result: body.tested ? (body.testResult ?? null) : null,
      needs_food: body.needs?.food ?? false,
      needs_medicine: body.needs?.medicine ?? false,
      needs_practical: body.needs?.practical ?? false,
      needs_other: body.needs?.other ?? false,
      remarks: body.remarks,
    }
    const updated = await trx
      .updateTable('followup_calls')
      .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst()
    if (!updated) throw conflict(presentCall(before))
    const settings = await q.getSettings(trx, kommune)
    const rule = await applyUnreachedRule(trx, measure, settings.unreachedLimit, userId)
    const after = (await q.findCall(trx, { id, kommune }))!
    await audit(trx, ctx, {
      action: 'followup.record',
      recordType: 'followup_call',
      recordId: id,
      personId: before.person_id,
      changes: diffFields(before, after, Object.keys(values) as (keyof typeof after)[]),
      ...(rule.changed ? { details: { unreachedFlag: rule.unreachedSince !== null } } : {}),
    })
    const symptomatic = body.reached && (body.symptoms === true || body.testResult === 'positive')
    return {
      call: presentCall(after),
      measure: {
        id: measure.id,
        kind: measure.kind,
        unreachedSince: rule.unreachedSince ? new Date(rule.unreachedSince).toISOString() : null,
        consecutiveUnreached: rule.run,
      },
      suggestCaseConversion: symptomatic && measure.kind === 'quarantine',
      contactId: measure.contact_id,
    }
  })
}

/** Closes a measure's late calls ("etterregistrert") that will not be made: cancelled, kept. */
export async function closeLateCalls(
  deps: AppDeps,
  ctx: RequestContext,
  body: z.output<typeof closeLateBody>,
) {
  authorize(ctx.actor, 'followup.record')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const m = await trx
      .selectFrom('measures')
      .select(['id', 'person_id'])
      .where('id', '=', body.measureId)
      .where('kommune', '=', kommune)
      .forUpdate()
      .executeTakeFirst()
    if (!m) throw notFound('Tiltaket')
    const ids = await q.openLateCalls(trx, kommune, m.id, today)
    await q.cancelCalls(trx, ids, body.reason)
    await audit(trx, ctx, {
      action: 'followup.close-late',
      recordType: 'measure',
      recordId: m.id,
      personId: m.person_id,
      reason: body.reason,
      details: { calls: ids },
    })
    return { closed: ids.length }
  })
}

export async function getSettings(deps: AppDeps, ctx: RequestContext) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, (trx) => q.getSettings(trx, kommune))
}

/**
 * Saves the municipality's schedule settings. Open measures get their calls regenerated by the
 * generation job (their schedule key includes the settings version), so saving stays quick.
 */
export async function saveSettings(deps: AppDeps, ctx: RequestContext, body: FollowUpSettingsUpdate) {
  authorize(ctx.actor, 'followup.configure')
  const kommune = ctx.actor.kommune!
  const userId = ctx.actor.userId
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const before = await q.getSettings(trx, kommune)
    const next = {
      scheduleDays: [...new Set(body.scheduleDays)].sort((a, b) => a - b),
      includeLastDay: body.includeLastDay,
      unreachedLimit: body.unreachedLimit,
      reminderDaysBefore: body.reminderDaysBefore,
      version: body.version,
    }
    if (before.version !== body.version || !(await q.saveSettings(trx, kommune, next, userId)))
      throw conflict(before)
    await audit(trx, ctx, {
      action: 'followup.settings',
      recordType: 'followup_settings',
      recordId: kommune,
      changes: diffFields(before, next, [
        'scheduleDays',
        'includeLastDay',
        'unreachedLimit',
        'reminderDaysBefore',
      ]),
    })
    return q.getSettings(trx, kommune)
  })
}
