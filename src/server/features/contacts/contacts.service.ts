import type { z } from 'zod'
import type {
  ContactDetail,
  contactAssigneeBody,
  contactNotifiedBody,
  contactPatch,
} from '../../../shared/api/contacts'
import { futureDateError } from '../../../shared/domain/caseDates'
import { formatNorwegianDate } from '../../../shared/domain/dates'
import { exposureWarning } from '../../../shared/domain/infectiousPeriod'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { badRequest, conflict, fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { type Action, authorize } from '../../policy/policy'
import { periodOf, presentPersonCols } from '../cases/cases.present'
import { findCase } from '../cases/cases.queries'
import { assertAssignable, scope, todayOslo } from '../cases/cases.service'
import { recomputeMeasures } from '../measures/measures.recompute'
import { contactAuditView, contactPeriod, presentContactDetail, toContactColumns } from './contacts.present'
import * as q from './contacts.queries'

/** The contact, or 404 (also when another municipality owns it). */
export async function requireContact(
  trx: Trx,
  ctx: RequestContext,
  id: string,
  action: Action = 'case.read',
) {
  const t = await q.findContact(trx, { id, kommune: ctx.actor!.kommune! })
  if (!t) throw notFound('Nærkontakten')
  authorize(ctx.actor, action, t)
  return t
}

/** The contact with its index case summary, as GET /api/contacts/{id} answers. */
export async function loadContactDetail(trx: Trx, t: q.ContactWithPerson): Promise<ContactDetail> {
  const c = t.case_id ? await findCase(trx, { id: t.case_id, kommune: t.kommune }) : undefined
  const indexCase = c
    ? {
        id: c.id,
        person: presentPersonCols(c),
        testDate: c.test_date,
        onsetDate: c.onset_date,
        infectiousPeriod: periodOf(c),
      }
    : null
  return presentContactDetail(t, indexCase, todayOslo())
}

/** GET /api/contacts/{id}: audited as a read of the contact person's data. */
export async function getContact(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx, 'case.read')
  return inTenant(deps.db, s, async (trx) => {
    const t = await requireContact(trx, ctx, id)
    const detail = await loadContactDetail(trx, t)
    await audit(trx, ctx, {
      action: 'contact.read',
      recordType: 'contact',
      recordId: id,
      personId: t.person_id,
      details: { caseId: t.case_id, indexPersonId: detail.indexCase?.person.id ?? null },
    })
    return detail
  })
}

/** Versioned write of a contact with its audit row; 409 with the current contact when stale. */
async function writeContact(
  trx: Trx,
  ctx: RequestContext,
  before: q.ContactWithPerson,
  version: number,
  values: q.ContactValues,
  action: string,
) {
  if (before.version !== version) throw conflict(await loadContactDetail(trx, before))
  const saved = await q.updateContact(trx, { id: before.id, kommune: before.kommune, version }, values)
  if (!saved) throw conflict(await loadContactDetail(trx, (await q.findContact(trx, before))!))
  if (saved.last_exposure !== before.last_exposure && saved.last_exposure)
    await recomputeMeasures(
      trx,
      ctx,
      before.kommune,
      { contactId: before.id },
      `Siste eksponering endret fra ${before.last_exposure ? formatNorwegianDate(before.last_exposure) : '(ingen)'} til ${formatNorwegianDate(saved.last_exposure)}`,
      todayOslo(),
    )
  await audit(trx, ctx, {
    action,
    recordType: 'contact',
    recordId: before.id,
    personId: before.person_id,
    changes: diffFields(contactAuditView(before), contactAuditView(saved)),
    details: { caseId: before.case_id },
  })
  return loadContactDetail(trx, (await q.findContact(trx, before))!)
}

/** PATCH /api/contacts/{id}: exposure fields and manual status, with optimistic locking. */
export async function patchContact(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  patch: z.output<typeof contactPatch>,
) {
  const s = scope(ctx, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireContact(trx, ctx, id, 'case.write')
    if (before.version !== patch.version) throw conflict(await loadContactDetail(trx, before))
    if (patch.status && before.status === 'became_case')
      throw fieldError('body.status', 'Nærkontakten er blitt et indekstilfelle; endre tilfellet i stedet')
    assertExposureDate(patch.lastExposure, before)
    const values = { ...toContactColumns(patch), ...(patch.status ? { status: patch.status } : {}) }
    return writeContact(trx, ctx, before, patch.version, values, 'contact.update')
  })
}

/** A future or implausibly old (wrong year) last exposure is refused; outside the period is a warning. */
function assertExposureDate(lastExposure: string | null | undefined, t: q.ContactWithPerson) {
  if (!lastExposure) return
  const today = todayOslo()
  const future = futureDateError(lastExposure, today, 'Siste eksponering')
  if (future) throw badRequest('Noen datoer er ikke mulige', [{ path: 'body.lastExposure', message: future }])
  const period = contactPeriod(t)
  const w = period ? exposureWarning(lastExposure, period, today) : null
  if (w?.kind === 'error')
    throw badRequest('Noen datoer er ikke mulige', [{ path: 'body.lastExposure', message: w.message }])
}

/** POST /api/contacts/{id}/notified: the date the contact was told, by the acting user (null clears). */
export async function markNotified(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof contactNotifiedBody>,
) {
  const s = scope(ctx, 'case.write')
  const future = futureDateError(body.notifiedAt, todayOslo(), 'Varslingsdato')
  if (future) throw badRequest('Noen datoer er ikke mulige', [{ path: 'body.notifiedAt', message: future }])
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireContact(trx, ctx, id, 'case.write')
    const values = { notified_at: body.notifiedAt, notified_by: body.notifiedAt ? s.userId : null }
    return writeContact(trx, ctx, before, body.version, values, 'contact.notify')
  })
}

/** PUT /api/contacts/{id}/assignee: a tracer or administrator of this municipality, or nobody. */
export async function assignContact(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof contactAssigneeBody>,
) {
  const s = scope(ctx, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireContact(trx, ctx, id, 'case.write')
    await assertAssignable(trx, body.userId, s.kommune, 'body.userId')
    return writeContact(trx, ctx, before, body.version, { assigned_to: body.userId }, 'contact.assign')
  })
}
