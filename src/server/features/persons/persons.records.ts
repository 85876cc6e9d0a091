import { PERSON_RECORDS_LIMIT, type PersonRecords } from '../../../shared/api/person-records'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { iso, presentCaseListItem } from '../cases/cases.present'
import { listCases } from '../cases/cases.queries'
import { todayOslo } from '../cases/cases.service'
import { presentContactListItem } from '../contacts/contacts.present'
import { listContactsOfPerson } from '../contacts/contacts.queries'
import { findPerson } from './persons.queries'

/** The person's event participations in this municipality, newest event first (read-only). */
async function eventsOfPerson(trx: Trx, kommune: string, personId: string, limit: number) {
  return trx
    .selectFrom('event_participants as ep')
    .innerJoin('events as e', 'e.id', 'ep.event_id')
    .select([
      'ep.id',
      'ep.event_id',
      'ep.role',
      'ep.exposure_at',
      'e.name as event_name',
      'e.outbreak',
      'e.starts_at',
    ])
    .where('ep.person_id', '=', personId)
    .where('ep.kommune', '=', kommune)
    .where('e.kommune', '=', kommune)
    .orderBy('e.starts_at', (ob) => ob.desc().nullsLast())
    .orderBy('ep.id', 'desc')
    .limit(limit)
    .execute()
}

/**
 * GET /api/persons/{id}/records: the person's cases, contact links and event participations in
 * the active municipality (also for a linked person: only this municipality's own records).
 * 404 for a person this municipality cannot see; audited as a read of the person.
 */
export async function getPersonRecords(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
): Promise<PersonRecords> {
  authorize(ctx.actor, 'person.read')
  const kommune = ctx.actor.kommune!
  const limit = PERSON_RECORDS_LIMIT
  return inTenant(deps.db, { kommune, userId: ctx.actor.userId }, async (trx) => {
    if (!(await findPerson(trx, { id, kommune }))) throw notFound('Personen')
    const cases = await listCases(trx, kommune, { personId: id }, '-createdAt', undefined, limit)
    const contacts = await listContactsOfPerson(trx, { personId: id, kommune }, limit + 1)
    const events = await eventsOfPerson(trx, kommune, id, limit + 1)
    const result = {
      cases: cases.slice(0, limit).map(presentCaseListItem),
      contacts: contacts.slice(0, limit).map((r) => presentContactListItem(r, todayOslo())),
      events: events.slice(0, limit).map((e) => ({
        id: e.id,
        eventId: e.event_id,
        eventName: e.event_name,
        outbreak: e.outbreak,
        startsAt: iso(e.starts_at),
        role: e.role,
        exposureAt: iso(e.exposure_at),
      })),
      truncated: [cases, contacts, events].some((l) => l.length > limit),
    }
    await audit(trx, ctx, {
      action: 'person.read',
      recordType: 'person',
      recordId: id,
      personId: id,
      details: {
        part: 'records',
        cases: result.cases.length,
        contacts: result.contacts.length,
        events: result.events.length,
      },
    })
    return result
  })
}
