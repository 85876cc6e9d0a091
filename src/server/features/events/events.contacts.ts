import type { z } from 'zod'
import type { convertParticipantBody, makeContactsBody } from '../../../shared/api/events'
import { osloDate } from '../../../shared/domain/dates'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, badRequest, conflict } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { assertKommuneActive } from '../../policy/kommune-active'
import { authorize } from '../../policy/policy'
import { toCaseColumns } from '../cases/cases.present'
import * as cases from '../cases/cases.queries'
import { assertCaseDates, assertNoOpenCase, requireCase, scope, todayOslo } from '../cases/cases.service'
import * as contacts from '../contacts/contacts.queries'
import { saveContactRows } from '../contacts/contacts.save'
import { measuresOnInfection } from '../measures/measures.convert'
import { resolveOwnerUnit } from '../ownership/ownership.service'
import { registerContactReference } from '../persons/persons.merge'
import { requireParticipant } from './events.participants'
import { presentParticipant } from './events.present'
import * as q from './events.queries'
import { requireEvent } from './events.service'

// Two contact links of the same case collapse on a person merge: the participation follows.
registerContactReference('event_participants', 'contact_id')

/** The Oslo date of the exposure, or of the event's start; never after today. */
function exposureDate(p: q.ParticipantRow, e: q.EventRow): string | null {
  const at = p.exposure_at ?? e.starts_at
  if (!at) return null
  const d = osloDate(new Date(at))
  return d > todayOslo() ? null : d
}

type Outcome = z.infer<typeof import('../../../shared/api/events').makeContactsResult>['items'][number]

/**
 * POST /api/events/{id}/contacts (SPEC §3.4 bulk action): the chosen participants become close
 * contacts of a case, through the contacts feature's own save (same checks, same audit). The
 * contact records the event (event_id) and the participation records the contact. Participants
 * already contacts of that case are left as they are ('already'), so repeating the call is
 * harmless; the case's own person is skipped.
 */
export async function makeContacts(
  deps: AppDeps,
  ctx: RequestContext,
  eventId: string,
  body: z.output<typeof makeContactsBody>,
) {
  const s = scope(ctx, 'event.write')
  authorize(ctx.actor, 'case.write')
  return inTenant(deps.db, s, async (trx) => {
    const e = await requireEvent(trx, ctx, eventId, 'event.write')
    const c = await requireCase(trx, ctx, body.caseId, 'case.write')
    await assertKommuneActive(trx, s.kommune)
    const ids = [...new Set(body.participantIds)]
    const found = new Map(
      (await q.participantsByIds(trx, { eventId: e.id, kommune: e.kommune, ids })).map((p) => [p.id, p]),
    )
    const missing = ids.flatMap((id, i) =>
      found.has(id)
        ? []
        : [{ path: `body.participantIds.${i}`, message: 'Deltakeren finnes ikke på hendelsen' }],
    )
    if (missing.length) throw badRequest('Noen deltakere finnes ikke', missing)

    const outcomes = new Map<string, Outcome>()
    const toSave: { index: number; p: q.ParticipantWithPerson }[] = []
    for (const [index, id] of ids.entries()) {
      const p = found.get(id)!
      if (p.person_id === c.person_id)
        outcomes.set(id, {
          participantId: id,
          contactId: null,
          outcome: 'skipped',
          reason: 'Indekstilfellet selv',
          warnings: [],
        })
      else if (p.contact_id && p.contact_status && p.contact_case_id === c.id)
        outcomes.set(id, {
          participantId: id,
          contactId: p.contact_id,
          outcome: 'already',
          reason: null,
          warnings: [],
        })
      else toSave.push({ index, p })
    }
    const saved = await saveContactRows(
      deps,
      trx,
      ctx,
      c,
      toSave.map(({ p }) => ({
        person: { personId: p.person_id },
        lastExposure: exposureDate(p, e),
        exposureSetting: e.exposure_setting,
        symptoms: undefined,
        notes: undefined,
      })),
      (i) => `body.participantIds.${toSave[i]!.index}`,
    )
    for (const r of saved) {
      const { p } = toSave[r.row]!
      await linkContact(trx, ctx, e, p, r.contactId)
      outcomes.set(p.id, {
        participantId: p.id,
        contactId: r.contactId,
        outcome: r.created ? 'created' : 'linked',
        reason: null,
        warnings: r.warnings,
      })
    }
    const items = ids.map((id) => outcomes.get(id)!)
    await audit(trx, ctx, {
      action: 'event.make-contacts',
      recordType: 'event',
      recordId: e.id,
      details: {
        caseId: c.id,
        created: items.filter((i) => i.outcome === 'created').length,
        linked: items.filter((i) => i.outcome === 'linked').length,
        already: items.filter((i) => i.outcome === 'already').length,
      },
    })
    return { caseId: c.id, items }
  })
}

/** The contact records the event it came from; the participation records the contact. */
async function linkContact(
  trx: Trx,
  ctx: RequestContext,
  e: q.EventRow,
  p: q.ParticipantRow,
  contactId: string,
) {
  const contact = await contacts.findContactRow(trx, { id: contactId, kommune: e.kommune })
  if (contact && !contact.event_id) {
    await contacts.updateContact(trx, { id: contactId, kommune: e.kommune }, { event_id: e.id })
    await audit(trx, ctx, {
      action: 'contact.update',
      recordType: 'contact',
      recordId: contactId,
      personId: p.person_id,
      changes: [{ field: 'eventId', before: null, after: e.id }],
      details: { caseId: contact.case_id },
    })
  }
  const role = p.role === 'case' ? 'case' : 'contact'
  await q.updateParticipant(trx, { id: p.id, kommune: e.kommune }, { contact_id: contactId, role })
  await audit(trx, ctx, {
    action: 'event.participant-update',
    recordType: 'event',
    recordId: e.id,
    personId: p.person_id,
    changes: [
      { field: 'contactId', before: p.contact_id, after: contactId },
      ...(role !== p.role ? [{ field: 'role', before: p.role, after: role }] : []),
    ],
    details: { participantId: p.id },
  })
}

/**
 * POST /api/events/{id}/participants/{participantId}/convert-to-case: the participant tested
 * positive. One transaction creates the case — source event this one (weekly report item (iii) if
 * it is an outbreak), and the contact record it came from when the participant was a contact —
 * and links the participation (role 'case'); the contact's quarantine ends "Ble smittet" and
 * isolation starts with its call plan (issue 18). The answer lists the other participants, whom the
 * client offers to make contacts of the new case.
 */
export async function convertParticipant(
  deps: AppDeps,
  ctx: RequestContext,
  eventId: string,
  participantId: string,
  body: z.output<typeof convertParticipantBody>,
) {
  const s = scope(ctx, 'event.write')
  authorize(ctx.actor, 'case.write')
  const { version, ...fields } = body
  assertCaseDates(fields, 'body')
  return inTenant(deps.db, s, async (trx) => {
    const e = await requireEvent(trx, ctx, eventId, 'event.write')
    const p = await requireParticipant(trx, e, participantId)
    if (p.case_id && p.case_status)
      throw new AppError(409, 'already-case', 'Deltakeren er allerede registrert som indekstilfelle', {
        caseId: p.case_id,
      })
    if (p.version !== version) throw conflict(presentParticipant(p))
    await assertKommuneActive(trx, s.kommune)
    await assertNoOpenCase(trx, p.person_id, s.kommune, 'body')
    const fromContact = p.contact_id && p.contact_status === 'active' ? p.contact_id : null
    const { id: caseId } = await cases.insertCase(trx, {
      ...toCaseColumns(fields),
      exposure_setting: e.exposure_setting,
      infection_source: 'event',
      source_event_id: e.id,
      source_contact_id: fromContact,
      kommune: s.kommune,
      // A case found at an event: the tracer's default unit, else the event's unit.
      owner_unit: await resolveOwnerUnit(trx, {
        kommune: s.kommune,
        userId: s.userId,
        requested: null,
        path: 'body',
      }),
      person_id: p.person_id,
      created_by: s.userId,
    })
    await audit(trx, ctx, {
      action: 'case.create',
      recordType: 'case',
      recordId: caseId,
      personId: p.person_id,
      changes: Object.entries({
        ...fields,
        infectionSource: 'event',
        sourceEventId: e.id,
        sourceContactId: fromContact,
      })
        .filter(([, v]) => v !== undefined && v !== null)
        .map(([field, after]) => ({ field, before: null, after })),
      details: { fromEventId: e.id, participantId: p.id },
    })
    if (fromContact) {
      await contacts.updateContact(
        trx,
        { id: fromContact, kommune: s.kommune },
        { status: 'became_case', became_case_id: caseId },
      )
      await audit(trx, ctx, {
        action: 'contact.convert',
        recordType: 'contact',
        recordId: fromContact,
        personId: p.person_id,
        changes: [
          { field: 'status', before: 'active', after: 'became_case' },
          { field: 'becameCaseId', before: null, after: caseId },
        ],
        details: { caseId, fromEventId: e.id },
      })
    }
    await q.updateParticipant(trx, { id: p.id, kommune: e.kommune }, { role: 'case', case_id: caseId })
    await audit(trx, ctx, {
      action: 'event.participant-update',
      recordType: 'event',
      recordId: e.id,
      personId: p.person_id,
      changes: [
        { field: 'caseId', before: p.case_id, after: caseId },
        ...(p.role !== 'case' ? [{ field: 'role', before: p.role, after: 'case' }] : []),
      ],
      details: { participantId: p.id },
    })
    const created = (await cases.findCase(trx, { id: caseId, kommune: s.kommune }))!
    const measures = await measuresOnInfection(
      trx,
      ctx,
      s.kommune,
      { caseId, sourceContactId: fromContact, testDate: created.test_date },
      todayOslo(),
    )
    const all = await q.listParticipants(trx, { eventId: e.id, kommune: e.kommune })
    return {
      caseId,
      measures,
      participant: presentParticipant(all.find((x) => x.id === p.id)!),
      otherParticipantIds: all.filter((x) => x.id !== p.id && x.person_id !== p.person_id).map((x) => x.id),
    }
  })
}
