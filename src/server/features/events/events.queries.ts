import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { EventParticipantsTable, EventsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'
import { exactTimestamp, personSummaryColumns } from '../cases/cases.queries'
import type { Cursor } from '../cases/cursor'

export type EventRow = Selectable<EventsTable>
export type EventValues = Updateable<EventsTable>
export type ParticipantRow = Selectable<EventParticipantsTable>

export async function insertEvent(trx: Trx, values: Insertable<EventsTable>) {
  return trx.insertInto('events').values(values).returningAll().executeTakeFirstOrThrow()
}

/** One event of this municipality, or undefined. */
export async function findEvent(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
}

/** Optimistic update: undefined when the version no longer matches. */
export async function updateEvent(
  trx: Trx,
  { id, kommune, version }: { id: string; kommune: string; version: number },
  values: EventValues,
) {
  return trx
    .updateTable('events')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

export interface EventFilter {
  /** Owner units to include (a unit and the units below it). */
  units?: string[]
  setting?: string | undefined
  from?: string | undefined
  to?: string | undefined
  outbreak?: boolean | undefined
  status?: 'active' | 'closed' | undefined
  q?: string | undefined
}

const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * One keyset page (limit + 1 rows) of the municipality's events, newest registration first, with
 * participant and case counts. The date range matches events that overlap it (Oslo dates).
 */
export function listEventsQuery(
  trx: Trx,
  kommune: string,
  f: EventFilter,
  after: Cursor | undefined,
  limit: number,
) {
  const osloDate = (col: 'e.starts_at' | 'e.ends_at') =>
    sql<string>`(${sql.ref(col)} at time zone 'Europe/Oslo')::date`
  return trx
    .selectFrom('events as e')
    .selectAll('e')
    .select(exactTimestamp('e.created_at').as('created_key'))
    .select((eb) => [
      eb
        .selectFrom('event_participants as ep')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ep.event_id', '=', 'e.id')
        .as('participant_count'),
      eb
        .selectFrom('event_participants as ep')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ep.event_id', '=', 'e.id')
        .where('ep.role', '=', 'case')
        .as('case_count'),
    ])
    .where('e.kommune', '=', kommune)
    .$if(!!f.units?.length, (qb) => qb.where('e.owner_unit', 'in', f.units!))
    .$if(!!f.setting, (qb) => qb.where('e.exposure_setting', '=', f.setting!))
    .$if(f.outbreak !== undefined, (qb) => qb.where('e.outbreak', '=', f.outbreak!))
    .$if(!!f.status, (qb) => qb.where('e.status', '=', f.status!))
    .$if(!!f.from, (qb) =>
      qb.where(
        sql<boolean>`coalesce(${osloDate('e.ends_at')}, ${osloDate('e.starts_at')}) >= ${f.from}::date`,
      ),
    )
    .$if(!!f.to, (qb) => qb.where(sql<boolean>`${osloDate('e.starts_at')} <= ${f.to}::date`))
    .$if(!!f.q, (qb) =>
      qb.where((eb) =>
        eb.or([eb('e.name', 'ilike', likePattern(f.q!)), eb('e.location', 'ilike', likePattern(f.q!))]),
      ),
    )
    .$if(!!after, (qb) =>
      qb.where((eb) =>
        eb(
          eb.refTuple('e.created_at', 'e.id'),
          '<',
          eb.tuple(sql<Date>`${after!.k}::timestamptz`, sql<string>`${after!.id}::uuid`),
        ),
      ),
    )
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1)
}

/** Participants with their person summary and the status of their case or contact record. */
export async function listParticipants(trx: Trx, { eventId, kommune }: { eventId: string; kommune: string }) {
  return participantsWithPerson(trx, kommune).where('ep.event_id', '=', eventId).execute()
}

function participantsWithPerson(trx: Trx, kommune: string) {
  return trx
    .selectFrom('event_participants as ep')
    .innerJoin('persons as p', 'p.id', 'ep.person_id')
    .leftJoin('cases as c', (j) => j.onRef('c.id', '=', 'ep.case_id').on('c.kommune', '=', kommune))
    .leftJoin('contacts as t', (j) => j.onRef('t.id', '=', 'ep.contact_id').on('t.kommune', '=', kommune))
    .selectAll('ep')
    .select(personSummaryColumns)
    .select(['c.status as case_status', 't.status as contact_status', 't.case_id as contact_case_id'])
    .where('ep.kommune', '=', kommune)
    .orderBy('ep.created_at')
    .orderBy('ep.id')
}
export type ParticipantWithPerson = Awaited<ReturnType<typeof listParticipants>>[number]

export async function findParticipant(
  trx: Trx,
  { id, eventId, kommune }: { id: string; eventId: string; kommune: string },
) {
  return participantsWithPerson(trx, kommune)
    .where('ep.id', '=', id)
    .where('ep.event_id', '=', eventId)
    .executeTakeFirst()
}

/** Participants of the event among `ids` (others — another event's, another municipality's — are left out). */
export async function participantsByIds(
  trx: Trx,
  { eventId, kommune, ids }: { eventId: string; kommune: string; ids: string[] },
) {
  if (ids.length === 0) return []
  return participantsWithPerson(trx, kommune)
    .where('ep.event_id', '=', eventId)
    .where('ep.id', 'in', ids)
    .execute()
}

/** The existing participation of a person in an event, locked for this transaction. */
export async function findParticipationForUpdate(
  trx: Trx,
  { eventId, personId, kommune }: { eventId: string; personId: string; kommune: string },
) {
  return trx
    .selectFrom('event_participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('person_id', '=', personId)
    .where('kommune', '=', kommune)
    .forUpdate()
    .executeTakeFirst()
}

export async function insertParticipant(trx: Trx, values: Insertable<EventParticipantsTable>) {
  return trx.insertInto('event_participants').values(values).returningAll().executeTakeFirstOrThrow()
}

export async function updateParticipant(
  trx: Trx,
  where: { id: string; kommune: string; version?: number },
  values: Updateable<EventParticipantsTable>,
) {
  return trx
    .updateTable('event_participants')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', where.id)
    .where('kommune', '=', where.kommune)
    .$if(where.version !== undefined, (qb) => qb.where('version', '=', where.version!))
    .returningAll()
    .executeTakeFirst()
}

export async function deleteParticipant(trx: Trx, where: { id: string; kommune: string; version: number }) {
  return trx
    .deleteFrom('event_participants')
    .where('id', '=', where.id)
    .where('kommune', '=', where.kommune)
    .where('version', '=', where.version)
    .returning('id')
    .executeTakeFirst()
}

/** The person's open case in this municipality, if any (a participant with role 'case' links to it). */
export async function openCaseOfPerson(
  trx: Trx,
  { personId, kommune }: { personId: string; kommune: string },
) {
  return trx
    .selectFrom('cases')
    .select('id')
    .where('person_id', '=', personId)
    .where('kommune', '=', kommune)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
}

/**
 * Cases linked to the event: its infection source, or taking part as a case. Also the number of
 * contact records exposed at the event.
 */
export async function linkedCases(trx: Trx, { eventId, kommune }: { eventId: string; kommune: string }) {
  const cases = await trx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.test_date', 'c.status', 'c.source_event_id', 'c.person_id'])
    .select(personSummaryColumns)
    .where('c.kommune', '=', kommune)
    .where((eb) =>
      eb.or([
        eb('c.source_event_id', '=', eventId),
        eb.exists(
          eb
            .selectFrom('event_participants as ep')
            .whereRef('ep.case_id', '=', 'c.id')
            .where('ep.event_id', '=', eventId)
            .where('ep.kommune', '=', kommune),
        ),
      ]),
    )
    .orderBy('c.test_date')
    .orderBy('c.id')
    .execute()
  const exposed = await trx
    .selectFrom('contacts')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('event_id', '=', eventId)
    .where('kommune', '=', kommune)
    .executeTakeFirstOrThrow()
  return { cases, exposedContacts: exposed.n }
}
