import type { z } from 'zod'
import {
  type activateKommuneBody,
  type kommuneListQuery,
  type OnboardingStep,
  onboardingStepLabels,
  type orgNumberBody,
  type recordStepBody,
  type undoStepBody,
  type updateSettingsBody,
} from '../../../shared/api/onboarding'
import { osloDate } from '../../../shared/domain/dates'
import { audit, diffFields } from '../../audit/audit'
import type { Actor, RequestContext } from '../../auth/actor'
import type { Database } from '../../db/kysely'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, conflict, fieldError, notFound, unprocessable } from '../../http/errors'
import { authorize, requireKommune } from '../../policy/policy'
import { checkPid, grantAccess } from '../users/users.service'
import { presentChecklist, presentKommune, presentProgress, presentSettings } from './onboarding.present'
import * as q from './onboarding.queries'

export { assertKommuneActive, isFolkeregisterEnabled } from './kommune-status'

/**
 * Onboarding (SPEC §9). The national operator records the checklist of every municipality and
 * activates it; the municipality's own users read their checklist and its Administrator keeps the
 * start date, training date and contact person. Operator actions are audited in the
 * municipality's own log, so its Administrator can see them.
 */

async function requireKommuneRow(db: Database | Trx, code: string, lock = false) {
  const k = await q.findKommune(db, code, lock)
  if (!k) throw notFound('Kommunen')
  return k
}

async function loadChecklist(db: Database | Trx, code: string) {
  const k = await requireKommuneRow(db, code)
  const [steps, settings, admins] = await Promise.all([
    q.listSteps(db, code),
    q.findSettings(db, code),
    q.listAdministrators(db, code),
  ])
  return presentChecklist(k, steps, settings, admins)
}

export async function listKommuner(
  db: Database,
  actor: Actor | null,
  query: z.output<typeof kommuneListQuery>,
) {
  authorize(actor, 'onboarding.manage')
  const { page, pageSize, ...filter } = query
  const rows = await q.listKommuner(db, { ...filter, limit: pageSize, offset: (page - 1) * pageSize })
  return { items: rows.map(presentProgress), total: rows[0]?.total ?? 0, page, pageSize }
}

export async function getChecklist(db: Database, actor: Actor | null, code: string) {
  authorize(actor, 'onboarding.manage')
  return loadChecklist(db, code)
}

/** The active municipality's own checklist: every user there may read it. */
export async function getOwnChecklist(db: Database, actor: Actor | null) {
  return loadChecklist(db, requireKommune(actor, 'onboarding.read'))
}

export async function recordStep(
  db: Database,
  ctx: RequestContext,
  code: string,
  step: OnboardingStep,
  input: z.output<typeof recordStepBody>,
) {
  authorize(ctx.actor, 'onboarding.manage')
  const actor = ctx.actor
  if (input.doneOn > osloDate(new Date())) throw fieldError('body.doneOn', 'Datoen kan ikke være fram i tid')
  return inTenant(db, { kommune: null, userId: actor.userId }, async (trx) => {
    await requireKommuneRow(trx, code, true)
    const before = await q.findStep(trx, code, step)
    await q.upsertStep(trx, { kommune: code, step, doneOn: input.doneOn, note: input.note, by: actor.userId })
    await audit(trx, ctx, {
      action: 'onboarding.step.record',
      recordType: 'onboarding_step',
      recordId: `${code}:${step}`,
      kommune: code,
      changes: diffFields(
        before ? { doneOn: before.done_on, note: before.note } : null,
        { doneOn: input.doneOn, note: input.note },
        ['doneOn', 'note'],
      ),
    })
    return loadChecklist(trx, code)
  })
}

/**
 * Records (or clears) the municipality's organisation number. Folkeregister lookups are made on
 * its behalf, so two municipalities can never share one. Audited in the municipality's own log.
 */
export async function setOrgNumber(
  db: Database,
  ctx: RequestContext,
  code: string,
  input: z.output<typeof orgNumberBody>,
) {
  authorize(ctx.actor, 'onboarding.manage')
  return inTenant(db, { kommune: null, userId: ctx.actor.userId }, async (trx) => {
    const k = await requireKommuneRow(trx, code, true)
    if (input.orgNumber) {
      const other = await q.findKommuneByOrgNumber(trx, input.orgNumber, code)
      if (other)
        throw fieldError('body.orgNumber', `Organisasjonsnummeret er allerede registrert på ${other.name}`)
    }
    if (k.org_number !== input.orgNumber) {
      await q.setOrgNumber(trx, code, input.orgNumber)
      await audit(trx, ctx, {
        action: 'onboarding.org-number',
        recordType: 'kommune',
        recordId: code,
        kommune: code,
        changes: diffFields({ orgNumber: k.org_number }, { orgNumber: input.orgNumber }, ['orgNumber']),
      })
    }
    return loadChecklist(trx, code)
  })
}

export async function undoStep(
  db: Database,
  ctx: RequestContext,
  code: string,
  step: OnboardingStep,
  input: z.output<typeof undoStepBody>,
) {
  authorize(ctx.actor, 'onboarding.manage')
  const actor = ctx.actor
  return inTenant(db, { kommune: null, userId: actor.userId }, async (trx) => {
    await requireKommuneRow(trx, code, true)
    const before = await q.findStep(trx, code, step)
    if (!before) throw unprocessable('step-not-recorded', 'Steget er ikke registrert, så det kan ikke angres')
    await q.deleteStep(trx, code, step)
    await audit(trx, ctx, {
      action: 'onboarding.step.undo',
      recordType: 'onboarding_step',
      recordId: `${code}:${step}`,
      kommune: code,
      reason: input.reason,
      changes: diffFields({ doneOn: before.done_on, note: before.note }, null, ['doneOn', 'note']),
    })
    return loadChecklist(trx, code)
  })
}

/**
 * Activates a municipality once DPIA, ROS, data processing agreement and service annex are
 * recorded, and appoints its first Administrator (created as a user if the person is new) in the
 * same transaction: an active municipality always has someone who can grant access.
 */
export async function activateKommune(
  db: Database,
  ctx: RequestContext,
  testEnvironment: boolean,
  code: string,
  input: z.output<typeof activateKommuneBody>,
) {
  authorize(ctx.actor, 'kommune.activate')
  const actor = ctx.actor
  const pid = checkPid(input.admin.nationalId, testEnvironment, 'body.admin.nationalId')
  return inTenant(db, { kommune: null, userId: actor.userId }, async (trx) => {
    const k = await requireKommuneRow(trx, code, true)
    if (k.status === 'active') throw unprocessable('already-active', 'Kommunen er allerede aktivert')
    const { missingForActivation: missing } = await loadChecklist(trx, code)
    if (missing.length > 0)
      throw new AppError(422, 'onboarding-incomplete', 'Kommunen kan ikke aktiveres ennå', {
        detail: `Dette må registreres først: ${missing.map((s) => onboardingStepLabels[s]).join(', ')}.`,
        missing,
      })
    await q.markActive(trx, code)
    const { user, existing } = await grantAccess(
      trx,
      { ...ctx, actor },
      {
        kommune: code,
        pid,
        name: input.admin.name,
        email: input.admin.email,
        roles: ['admin'],
        validTo: null,
      },
    )
    await audit(trx, ctx, {
      action: 'kommune.activate',
      recordType: 'org_unit',
      recordId: code,
      kommune: code,
      changes: [{ field: 'status', before: presentKommune(k).status, after: 'active' }],
      details: { administratorId: user.id, existingUser: existing },
    })
    return { checklist: await loadChecklist(trx, code), admin: { id: user.id, name: user.name, existing } }
  })
}

/** The Administrator's start date, training date and contact person, optimistically locked. */
export async function updateOwnSettings(
  db: Database,
  ctx: RequestContext,
  input: z.output<typeof updateSettingsBody>,
) {
  const kommune = requireKommune(ctx.actor, 'kommune-settings.manage')
  const { version, ...v } = input
  const values: q.SettingsValues = {
    start_date: v.startDate,
    training_date: v.trainingDate,
    contact_name: v.contactName,
    contact_email: v.contactEmail,
    contact_phone: v.contactPhone,
  }
  return inTenant(db, { kommune, userId: ctx.actor!.userId }, async (trx) => {
    const before = await q.findSettings(trx, kommune)
    const saved =
      version === 0
        ? await q.insertSettings(trx, kommune, values)
        : await q.updateSettings(trx, kommune, version, values)
    if (!saved) throw conflict(presentSettings(await q.findSettings(trx, kommune)))
    const { version: _b, ...shownBefore } = presentSettings(before)
    await audit(trx, ctx, {
      action: 'kommune-settings.update',
      recordType: 'kommune_settings',
      recordId: kommune,
      changes: diffFields(before ? shownBefore : null, v),
    })
    return presentSettings(await q.findSettings(trx, kommune))
  })
}
