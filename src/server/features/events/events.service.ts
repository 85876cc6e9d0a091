import type { z } from 'zod'
import type { eventCreate, eventListQuery, eventPatch, outbreakBody } from '../../../shared/api/events'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { badRequest, conflict, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { type Action, authorize } from '../../policy/policy'
import { scope } from '../cases/cases.service'
import { decodeCursor, page, TIMESTAMP_KEY } from '../cases/cursor'
import { ownerUnitFilter, resolveOwnerUnit } from '../ownership/ownership.service'
import { registerPersonReference } from '../persons/persons.merge'
import {
  eventAuditView,
  presentEvent,
  presentEventDetail,
  presentEventListItem,
  toEventColumns,
} from './events.present'
import * as q from './events.queries'

// A merge of two persons moves their event participations to the survivor.
registerPersonReference('event_participants')

/** The event, or 404 (also when another municipality owns it: its existence is not revealed). */
export async function requireEvent(trx: Trx, ctx: RequestContext, id: string, action: Action = 'event.read') {
  const e = await q.findEvent(trx, { id, kommune: ctx.actor!.kommune! })
  if (!e) throw notFound('Hendelsen')
  authorize(ctx.actor, action, e)
  return e
}

/** The event with participants, linked cases and counts, as GET /api/events/{id} answers. */
export async function loadEventDetail(trx: Trx, e: q.EventRow) {
  const participants = await q.listParticipants(trx, { eventId: e.id, kommune: e.kommune })
  const linked = await q.linkedCases(trx, { eventId: e.id, kommune: e.kommune })
  return presentEventDetail(e, participants, linked)
}

/** Start before end (SPEC §3.4), checked on what the event will hold after the change. */
function assertPeriod(startsAt: Date | string | null | undefined, endsAt: Date | string | null | undefined) {
  if (startsAt && endsAt && new Date(endsAt) < new Date(startsAt))
    throw badRequest('Noen felt har ugyldige verdier', [
      { path: 'body.endsAt', message: 'Slutt kan ikke være før start' },
    ])
}

/** POST /api/events. */
export async function createEvent(deps: AppDeps, ctx: RequestContext, input: z.output<typeof eventCreate>) {
  const s = scope(ctx, 'event.write')
  assertPeriod(input.startsAt, input.endsAt)
  return inTenant(deps.db, s, async (trx) => {
    await assertKommuneActive(trx, s.kommune)
    const e = await q.insertEvent(trx, {
      ...toEventColumns(input),
      name: input.name,
      exposure_setting: input.exposureSetting,
      kommune: s.kommune,
      owner_unit: await resolveOwnerUnit(trx, {
        kommune: s.kommune,
        userId: s.userId,
        requested: input.ownerUnit,
        path: 'body.ownerUnit',
      }),
      created_by: s.userId,
    })
    await audit(trx, ctx, {
      action: 'event.create',
      recordType: 'event',
      recordId: e.id,
      changes: diffFields(null, eventAuditView(e)),
    })
    return loadEventDetail(trx, e)
  })
}

/** GET /api/events/{id}: audited as a read of every participant's data. */
export async function getEvent(deps: AppDeps, ctx: RequestContext, id: string) {
  const s = scope(ctx, 'event.read')
  return inTenant(deps.db, s, async (trx) => {
    const e = await requireEvent(trx, ctx, id)
    const detail = await loadEventDetail(trx, e)
    await audit(trx, ctx, {
      action: 'event.read',
      recordType: 'event',
      recordId: id,
      details: {
        participantPersonIds: detail.participants.map((p) => p.person.id),
        linkedCaseIds: detail.linkedCases.map((c) => c.id),
      },
    })
    return detail
  })
}

/** GET /api/events: filtered, newest first, keyset-paged. Holds no personal data, so not audited. */
export async function listEvents(deps: AppDeps, ctx: RequestContext, query: z.output<typeof eventListQuery>) {
  const s = scope(ctx, 'event.read')
  const after = decodeCursor(query.cursor, TIMESTAMP_KEY)
  const filter: q.EventFilter = {
    setting: query.setting,
    from: query.from,
    to: query.to,
    outbreak: query.outbreak === undefined ? undefined : query.outbreak === 'true',
    status: query.status,
    q: query.q,
  }
  return inTenant(deps.db, s, async (trx) => {
    if (query.unit) filter.units = await ownerUnitFilter(trx, s.kommune, query.unit)
    const rows = await q.listEventsQuery(trx, s.kommune, filter, after, query.limit).execute()
    const p = page(rows, query.limit, (r) => r.created_key)
    return { items: p.items.map(presentEventListItem), nextCursor: p.nextCursor }
  })
}

/** Versioned write of an event with field-level audit; 409 with the current event when stale. */
async function writeEvent(
  trx: Trx,
  ctx: RequestContext,
  before: q.EventRow,
  version: number,
  values: q.EventValues,
  action: string,
) {
  if (before.version !== version) throw conflict(presentEvent(before))
  const after = await q.updateEvent(trx, { id: before.id, kommune: before.kommune, version }, values)
  if (!after) throw conflict(presentEvent((await q.findEvent(trx, before))!))
  await audit(trx, ctx, {
    action,
    recordType: 'event',
    recordId: before.id,
    changes: diffFields(eventAuditView(before), eventAuditView(after)),
  })
  return loadEventDetail(trx, after)
}

/** PATCH /api/events/{id}. */
export async function patchEvent(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  patch: z.output<typeof eventPatch>,
) {
  const s = scope(ctx, 'event.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireEvent(trx, ctx, id, 'event.write')
    const { version, ...fields } = patch
    if (before.version !== version) throw conflict(presentEvent(before))
    assertPeriod(
      fields.startsAt !== undefined ? fields.startsAt : before.starts_at,
      fields.endsAt !== undefined ? fields.endsAt : before.ends_at,
    )
    return writeEvent(trx, ctx, before, version, toEventColumns(fields), 'event.update')
  })
}

/**
 * PUT /api/events/{id}/outbreak: flags the event as an outbreak (utbrudd) with its common source,
 * or removes the flag. Cases linked to an outbreak count in weekly report item (iii).
 */
export async function setOutbreak(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  body: z.output<typeof outbreakBody>,
) {
  const s = scope(ctx, 'event.write')
  return inTenant(deps.db, s, async (trx) => {
    const before = await requireEvent(trx, ctx, id, 'event.write')
    const values: q.EventValues = body.outbreak
      ? {
          outbreak: true,
          outbreak_declared_at: before.outbreak ? before.outbreak_declared_at : new Date(),
          common_source: body.commonSource ?? before.common_source,
        }
      : { outbreak: false, outbreak_declared_at: null, common_source: body.commonSource ?? null }
    return writeEvent(
      trx,
      ctx,
      before,
      body.version,
      values,
      body.outbreak ? 'event.outbreak' : 'event.outbreak-end',
    )
  })
}
