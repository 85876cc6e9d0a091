import type { z } from 'zod'
import type { participantCreate, participantPatch } from '../../../shared/api/events'
import { audit, diffFields } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inSavepoint } from '../../db/savepoint'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, badRequest, conflict, type FieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { scope } from '../cases/cases.service'
import { resolvePerson } from '../persons/persons.service'
import { presentParticipant } from './events.present'
import * as q from './events.queries'
import { requireEvent } from './events.service'

type Row = z.output<typeof participantCreate>

/** A participant row in API field names, for audit diffs. */
const auditView = (r: Partial<q.ParticipantRow>) => ({
  role: r.role,
  exposureAt: r.exposure_at,
  caseId: r.case_id,
  contactId: r.contact_id,
  notes: r.notes,
})

/**
 * The row's person through the persons feature (SPEC §3.1 duplicate rules), inside a savepoint
 * so one failing row leaves the transaction usable for checking the others.
 */
async function resolveRow(
  deps: AppDeps,
  trx: Trx,
  ctx: RequestContext,
  row: Row,
  at: { index: number; path: string },
  errors: FieldError[],
  duplicates: { row: number; candidates: unknown[] }[],
) {
  try {
    return await inSavepoint(trx, 'participant_row', () =>
      resolvePerson(deps, trx, ctx, row.person, `${at.path}.person`),
    )
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    if (err.code === 'possible-duplicates') {
      duplicates.push({ row: at.index, candidates: (err.extra.candidates as unknown[]) ?? [] })
      errors.push({
        path: `${at.path}.person`,
        message: 'Personen kan allerede være registrert – velg en av forslagene eller bekreft ny person',
      })
    } else if (err.status === 400 && err.extra.errors?.length) errors.push(...err.extra.errors)
    else if (err.status === 400) errors.push({ path: `${at.path}.person`, message: err.title })
    else throw err
    return undefined
  }
}

function assertNotFuture(exposureAt: string | null | undefined, path: string, errors: FieldError[]) {
  if (exposureAt && new Date(exposureAt).getTime() > Date.now() + 60_000)
    errors.push({ path, message: 'Eksponeringstidspunktet kan ikke være fram i tid' })
}

/**
 * POST /api/events/{id}/participants/batch: the participant grid, all-or-nothing like the contact
 * grid. A person already taking part updates that participation (keeping the latest exposure). A
 * participant with role 'case' is linked to the person's open case in the municipality, if any.
 */
export async function saveParticipants(
  deps: AppDeps,
  ctx: RequestContext,
  eventId: string,
  rows: Row[],
  pathOf: (row: number) => string,
) {
  const s = scope(ctx, 'event.write')
  return inTenant(deps.db, s, async (trx) => {
    const e = await requireEvent(trx, ctx, eventId, 'event.write')
    await assertKommuneActive(trx, s.kommune)
    const errors: FieldError[] = []
    const duplicates: { row: number; candidates: unknown[] }[] = []
    const resolved: { row: number; personId: string; personCreated: boolean }[] = []
    for (const [i, row] of rows.entries()) {
      assertNotFuture(row.exposureAt, `${pathOf(i)}.exposureAt`, errors)
      const person = await resolveRow(deps, trx, ctx, row, { index: i, path: pathOf(i) }, errors, duplicates)
      if (person) resolved.push({ row: i, personId: person.personId, personCreated: person.created })
    }
    if (errors.length > 0)
      throw duplicates.length === errors.length
        ? new AppError(409, 'possible-duplicates', 'Noen personer kan allerede være registrert', {
            errors,
            duplicates,
          })
        : new AppError(400, 'validation', 'Noen rader har feil – ingenting er lagret', { errors, duplicates })
    const items = []
    for (const r of resolved) items.push(await upsertParticipant(trx, ctx, e, rows[r.row]!, r))
    return { items }
  })
}

async function upsertParticipant(
  trx: Trx,
  ctx: RequestContext,
  e: q.EventRow,
  row: Row,
  r: { row: number; personId: string; personCreated: boolean },
) {
  const existing = await q.findParticipationForUpdate(trx, {
    eventId: e.id,
    personId: r.personId,
    kommune: e.kommune,
  })
  const ownCase =
    row.role === 'case' && !existing?.case_id
      ? await q.openCaseOfPerson(trx, { personId: r.personId, kommune: e.kommune })
      : undefined
  let saved: q.ParticipantRow
  if (existing) {
    const latest = [existing.exposure_at, row.exposureAt ? new Date(row.exposureAt) : null]
      .filter((d): d is Date => !!d)
      .sort((a, b) => a.getTime() - b.getTime())
      .pop()
    saved = (await q.updateParticipant(trx, existing, {
      role: row.role,
      exposure_at: latest ?? null,
      ...(row.notes !== undefined && row.notes !== null ? { notes: row.notes } : {}),
      ...(ownCase ? { case_id: ownCase.id } : {}),
    }))!
  } else {
    saved = await q.insertParticipant(trx, {
      kommune: e.kommune,
      event_id: e.id,
      person_id: r.personId,
      role: row.role,
      exposure_at: row.exposureAt ?? null,
      notes: row.notes ?? null,
      case_id: ownCase?.id ?? null,
      created_by: ctx.actor!.userId,
    })
  }
  await audit(trx, ctx, {
    action: existing ? 'event.participant-update' : 'event.participant-add',
    recordType: 'event',
    recordId: e.id,
    personId: r.personId,
    changes: diffFields(existing ? auditView(existing) : null, auditView(saved)),
    details: { participantId: saved.id },
  })
  return {
    row: r.row,
    participantId: saved.id,
    personId: r.personId,
    created: !existing,
    personCreated: r.personCreated,
  }
}

/** The participant of this event in this municipality, or 404. */
export async function requireParticipant(trx: Trx, e: q.EventRow, id: string) {
  const p = await q.findParticipant(trx, { id, eventId: e.id, kommune: e.kommune })
  if (!p) throw notFound('Deltakeren')
  return p
}

/** PATCH /api/events/{id}/participants/{participantId}: role, exposure time, notes (versioned). */
export async function patchParticipant(
  deps: AppDeps,
  ctx: RequestContext,
  eventId: string,
  id: string,
  patch: z.output<typeof participantPatch>,
) {
  const s = scope(ctx, 'event.write')
  return inTenant(deps.db, s, async (trx) => {
    const e = await requireEvent(trx, ctx, eventId, 'event.write')
    const before = await requireParticipant(trx, e, id)
    if (before.version !== patch.version) throw conflict(presentParticipant(before))
    const errors: FieldError[] = []
    assertNotFuture(patch.exposureAt, 'body.exposureAt', errors)
    if (errors.length) throw badRequest('Noen felt har ugyldige verdier', errors)
    const ownCase =
      patch.role === 'case' && !before.case_id
        ? await q.openCaseOfPerson(trx, { personId: before.person_id, kommune: e.kommune })
        : undefined
    const saved = await q.updateParticipant(
      trx,
      { id, kommune: e.kommune, version: patch.version },
      {
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.exposureAt !== undefined ? { exposure_at: patch.exposureAt } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...(ownCase ? { case_id: ownCase.id } : {}),
      },
    )
    if (!saved) throw conflict(presentParticipant((await requireParticipant(trx, e, id))!))
    await audit(trx, ctx, {
      action: 'event.participant-update',
      recordType: 'event',
      recordId: e.id,
      personId: before.person_id,
      changes: diffFields(auditView(before), auditView(saved)),
      details: { participantId: id },
    })
    return presentParticipant(await requireParticipant(trx, e, id))
  })
}

/**
 * DELETE /api/events/{id}/participants/{participantId}?version=n: removes a participation entered
 * by mistake. The person, and any case or contact record made from it, stay.
 */
export async function removeParticipant(
  deps: AppDeps,
  ctx: RequestContext,
  eventId: string,
  id: string,
  version: number,
) {
  const s = scope(ctx, 'event.write')
  return inTenant(deps.db, s, async (trx) => {
    const e = await requireEvent(trx, ctx, eventId, 'event.write')
    const before = await requireParticipant(trx, e, id)
    if (before.version !== version || !(await q.deleteParticipant(trx, { id, kommune: e.kommune, version })))
      throw conflict(presentParticipant(before))
    await audit(trx, ctx, {
      action: 'event.participant-remove',
      recordType: 'event',
      recordId: e.id,
      personId: before.person_id,
      changes: diffFields(auditView(before), null),
      details: { participantId: id },
    })
  })
}
