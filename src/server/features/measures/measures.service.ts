import type { z } from 'zod'
import type { MeasureCreate, measurePreviewQuery } from '../../../shared/api/measures'
import { type MeasureBasisInput, type MeasurePlan, planMeasure } from '../../../shared/domain/measurePlan'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, notFound, unprocessable } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { syncSchedule } from '../followups/followups.schedule'
import { loadRuleSets } from '../rulesets/rulesets.service'
import { todayOslo } from './clock'
import { endQuarantineOnInfection } from './measures.changes'
import { effectiveStatus } from './measures.present'
import * as q from './measures.queries'
import { viewOf, viewsOf } from './measures.views'

export async function listMeasures(deps: AppDeps, ctx: RequestContext, filter: q.MeasureFilter) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const rows = await q.listMeasures(trx, kommune, filter)
    for (const personId of new Set(rows.map((r) => r.person_id)))
      await audit(trx, ctx, { action: 'measure.read', recordType: 'person', recordId: personId, personId })
    return { items: await viewsOf(trx, kommune, rows, today) }
  })
}

export async function getMeasure(deps: AppDeps, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const view = await viewOf(trx, kommune, id, todayOslo())
    await audit(trx, ctx, {
      action: 'measure.read',
      recordType: 'measure',
      recordId: id,
      personId: view.person.id,
    })
    return view
  })
}

type Target = {
  ref: { caseId: string } | { contactId: string }
  ownerUnit: string
  personId: string
  basis: MeasureBasisInput
  sourceContactId: string | null
  /** The case's test date: the day the source contact's quarantine ends. */
  infectedOn?: string | null
}

/** The case or contact the measure is for, locked, with the dates the rules count from. */
async function loadTarget(
  trx: Trx,
  kommune: string,
  body: {
    kind: 'isolation' | 'quarantine'
    caseId?: string | undefined
    contactId?: string | undefined
    negativeTestDate?: string | null | undefined
  },
): Promise<Target> {
  if (body.kind === 'isolation') {
    const c = await q.caseForMeasure(trx, { id: body.caseId!, kommune })
    if (!c) throw notFound('Tilfellet')
    return {
      ref: { caseId: c.id },
      ownerUnit: c.owner_unit,
      personId: c.person_id,
      basis: { kind: 'isolation', onsetDate: c.onset_date, testDate: c.test_date },
      sourceContactId: c.source_contact_id,
      infectedOn: c.test_date,
    }
  }
  const t = await q.contactForMeasure(trx, { id: body.contactId!, kommune })
  if (!t) throw notFound('Nærkontakten')
  if (t.status === 'not_contact')
    throw unprocessable(
      'contact-not-active',
      'Personen er registrert som ikke nærkontakt og skal ikke i karantene',
    )
  if (t.status === 'became_case')
    throw unprocessable(
      'contact-became-case',
      'Nærkontakten er blitt indekstilfelle; start isolasjon på saken',
    )
  return {
    ref: { contactId: t.id },
    ownerUnit: t.owner_unit,
    personId: t.person_id,
    basis: {
      kind: 'quarantine',
      lastExposure: t.last_exposure,
      negativeTestDate: body.negativeTestDate ?? null,
    },
    sourceContactId: null,
  }
}

function previewOf(plan: MeasurePlan) {
  if (!plan.ok)
    return {
      ok: false,
      ruleSet: plan.ruleSet ? { id: plan.ruleSet.id, name: plan.ruleSet.name } : null,
      startDate: null,
      endDate: null,
      basis: null,
      explanation: plan.message,
    }
  return {
    ok: true,
    ruleSet: { id: plan.ruleSet.id, name: plan.ruleSet.name },
    startDate: plan.start,
    endDate: plan.end,
    basis: plan.basis,
    explanation: plan.explanation,
  }
}

/** What starting the measure would give (the form shows it before the tracer saves). */
export async function previewMeasure(
  deps: AppDeps,
  ctx: RequestContext,
  query: z.output<typeof measurePreviewQuery>,
) {
  authorize(ctx.actor, 'measure.read')
  const kommune = ctx.actor.kommune!
  if (query.kind === 'isolation' ? !query.caseId : !query.contactId)
    throw new AppError(400, 'validation', 'Noen felt har ugyldige verdier', {
      errors: [
        {
          path: query.kind === 'isolation' ? 'querystring.caseId' : 'querystring.contactId',
          message: 'Feltet må fylles ut',
        },
      ],
    })
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    const target = await loadTarget(trx, kommune, query)
    return previewOf(planMeasure(await loadRuleSets(trx), target.basis))
  })
}

/**
 * Starts isolation for a case or quarantine for a contact (SPEC §4) with the dates of the rule
 * set in force on the start date, or the tracer's dates with a reason. One open measure per case
 * or contact (409 otherwise). Isolation of a case that came from a contact ends that contact's
 * quarantine ("Ble smittet"). The follow-up calls are planned in the same transaction.
 */
export async function createMeasure(deps: AppDeps, ctx: RequestContext, body: MeasureCreate) {
  authorize(ctx.actor, 'measure.write')
  const kommune = ctx.actor.kommune!
  const today = todayOslo()
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    await assertKommuneActive(trx, kommune)
    const row = await startMeasure(trx, ctx, kommune, body, today)
    return viewOf(trx, kommune, row.id, today)
  })
}

/**
 * The body of `createMeasure` inside the caller's transaction (also used by the contact → case
 * conversions): checks, inserts the measure with its start event, plans its calls (days already
 * past are planned late, "etterregistrert") and audits.
 */
export async function startMeasure(
  trx: Trx,
  ctx: RequestContext,
  kommune: string,
  body: MeasureCreate,
  today: string,
) {
  const userId = ctx.actor!.userId
  const target = await loadTarget(trx, kommune, body)
  const open = await q.findOpenMeasure(trx, kommune, target.ref, today)
  if (open)
    throw new AppError(409, 'measure-exists', 'Det finnes allerede et tiltak som ikke er avsluttet', {
      current: await viewOf(trx, kommune, open.id, today),
    })
  const plan = planMeasure(await loadRuleSets(trx), target.basis)
  const override = body.override
  if (!plan.ok && !override)
    throw unprocessable(
      `measure-${plan.reason}`,
      plan.message,
      'Sett start- og sluttdato manuelt med en begrunnelse.',
    )
  const start = override?.startDate ?? (plan.ok ? plan.start : '')
  const end = override?.endDate ?? (plan.ok ? plan.end : '')
  const status = effectiveStatus(
    { status: 'planned', start_date: start, end_date: end, exempt_from: null },
    today,
  )
  const row = await q.insertMeasure(trx, {
    kommune,
    owner_unit: target.ownerUnit,
    person_id: target.personId,
    kind: body.kind,
    case_id: 'caseId' in target.ref ? target.ref.caseId : null,
    contact_id: 'contactId' in target.ref ? target.ref.contactId : null,
    rule_set_id: plan.ok ? plan.ruleSet.id : null,
    basis: plan.ok ? plan.basis : null,
    basis_date: plan.ok ? plan.basisDate : null,
    computed_start: plan.ok ? plan.start : null,
    computed_end: plan.ok ? plan.end : null,
    explanation: plan.ok ? plan.explanation : plan.message,
    start_date: start,
    end_date: end,
    status,
    actual_end: status === 'ended' ? end : null,
    override_reason: override?.reason ?? null,
    created_by: userId,
  })
  await q.insertEvent(trx, {
    kommune,
    measure_id: row.id,
    action: override ? 'override' : 'start',
    from_start: plan.ok ? plan.start : null,
    from_end: plan.ok ? plan.end : null,
    to_start: start,
    to_end: end,
    reason: override?.reason ?? null,
    created_by: userId,
  })
  if (body.kind === 'isolation' && 'caseId' in target.ref)
    await q.setCaseIsolationEnd(trx, target.ref.caseId, kommune, end)
  if (target.sourceContactId)
    await endQuarantineOnInfection(
      trx,
      ctx,
      kommune,
      target.sourceContactId,
      target.infectedOn ?? today,
      today,
    )
  await syncSchedule(trx, row, today, undefined, { backfill: true })
  await audit(trx, ctx, {
    action: 'measure.create',
    recordType: 'measure',
    recordId: row.id,
    personId: row.person_id,
    reason: override?.reason,
    details: {
      kind: row.kind,
      ruleSetId: row.rule_set_id,
      startDate: start,
      endDate: end,
      computedEnd: row.computed_end,
      overridden: !!override,
    },
  })
  return row
}
