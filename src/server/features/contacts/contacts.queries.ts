import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { ContactsTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'
import { exactTimestamp, personSummaryColumns } from '../cases/cases.queries'
import type { Cursor } from '../cases/cursor'

export type ContactRow = Selectable<ContactsTable>
export type ContactValues = Updateable<ContactsTable>

/** Contacts with their person summary and the index case's dates (for the period warnings). */
function contactsWithPerson(trx: Trx, kommune: string) {
  return trx
    .selectFrom('contacts as t')
    .innerJoin('persons as p', 'p.id', 't.person_id')
    .leftJoin('cases as c', (j) => j.onRef('c.id', '=', 't.case_id').on('c.kommune', '=', kommune))
    .leftJoin('users as a', 'a.id', 't.assigned_to')
    .selectAll('t')
    .select(personSummaryColumns)
    .select([
      'a.name as assigned_name',
      'c.symptomatic as c_symptomatic',
      'c.onset_date as c_onset_date',
      'c.test_date as c_test_date',
      'c.isolation_end as c_isolation_end',
      exactTimestamp('t.created_at').as('created_key'),
    ])
    .where('t.kommune', '=', kommune)
}
export type ContactWithPerson = NonNullable<Awaited<ReturnType<typeof findContact>>>

export async function findContact(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return contactsWithPerson(trx, kommune)
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .select('u.name')
        .whereRef('u.id', '=', 't.notified_by')
        .as('notified_by_name'),
    )
    .where('t.id', '=', id)
    .executeTakeFirst()
}

export async function listContactsOfCase(trx: Trx, { caseId, kommune }: { caseId: string; kommune: string }) {
  return contactsWithPerson(trx, kommune)
    .where('t.case_id', '=', caseId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute()
}

/** The person's contact links in this municipality, newest first (the person page). */
export async function listContactsOfPerson(
  trx: Trx,
  { personId, kommune }: { personId: string; kommune: string },
  limit: number,
) {
  return contactsWithPerson(trx, kommune)
    .where('t.person_id', '=', personId)
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute()
}

/**
 * Which active contacts a contact worklist holds: not yet notified (SPEC §3.7), or assigned to a
 * tracer ("my contacts"). Each has a partial index on (kommune, [assigned_to,] created_at, id).
 */
export type ContactWorklistFilter = { notNotified: true } | { assignedTo: string }

/** A contact worklist page, newest first (keyset on created_at, id). */
export async function listContactWorklist(
  trx: Trx,
  kommune: string,
  filter: ContactWorklistFilter,
  after: Cursor | undefined,
  limit: number,
) {
  return listContactWorklistQuery(trx, kommune, filter, after, limit).execute()
}

/** Worklist "contacts not yet notified": active contacts without a notification date, newest first. */
export async function listContactsNotNotified(
  trx: Trx,
  kommune: string,
  after: Cursor | undefined,
  limit: number,
) {
  return listContactsNotNotifiedQuery(trx, kommune, after, limit).execute()
}

/** The query behind listContactsNotNotified, unexecuted (the query-plan test EXPLAINs it). */
export function listContactsNotNotifiedQuery(
  trx: Trx,
  kommune: string,
  after: Cursor | undefined,
  limit: number,
) {
  return listContactWorklistQuery(trx, kommune, { notNotified: true }, after, limit)
}

/** The query behind listContactWorklist, unexecuted (the query-plan test EXPLAINs it). */
export function listContactWorklistQuery(
  trx: Trx,
  kommune: string,
  filter: ContactWorklistFilter,
  after: Cursor | undefined,
  limit: number,
) {
  let q = contactsWithPerson(trx, kommune)
    .where('t.status', '=', 'active')
    .$if('notNotified' in filter, (qb) => qb.where('t.notified_at', 'is', null))
    .$if('assignedTo' in filter, (qb) => qb.where('t.assigned_to', '=', assignee(filter)))
  if (after)
    q = q.where((eb) =>
      eb(
        eb.refTuple('t.created_at', 't.id'),
        '<',
        eb.tuple(sql<Date>`${after.k}::timestamptz`, sql<string>`${after.id}::uuid`),
      ),
    )
  return q
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(limit + 1)
}

const assignee = (f: ContactWorklistFilter) => ('assignedTo' in f ? f.assignedTo : '')

export async function countContactsNotNotified(trx: Trx, kommune: string) {
  return countContactWorklist(trx, kommune, { notNotified: true })
}

export async function countContactWorklist(trx: Trx, kommune: string, filter: ContactWorklistFilter) {
  const r = await countContactWorklistQuery(trx, kommune, filter).executeTakeFirstOrThrow()
  return r.n
}

export function countContactsNotNotifiedQuery(trx: Trx, kommune: string) {
  return countContactWorklistQuery(trx, kommune, { notNotified: true })
}

export function countContactWorklistQuery(trx: Trx, kommune: string, filter: ContactWorklistFilter) {
  return trx
    .selectFrom('contacts as t')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('t.kommune', '=', kommune)
    .where('t.status', '=', 'active')
    .$if('notNotified' in filter, (qb) => qb.where('t.notified_at', 'is', null))
    .$if('assignedTo' in filter, (qb) => qb.where('t.assigned_to', '=', assignee(filter)))
}

/** The existing link between a person and a case, locked for this transaction. */
export async function findCaseContactForUpdate(
  trx: Trx,
  input: { caseId: string; personId: string; kommune: string },
) {
  return trx
    .selectFrom('contacts')
    .selectAll()
    .where('case_id', '=', input.caseId)
    .where('person_id', '=', input.personId)
    .where('kommune', '=', input.kommune)
    .forUpdate()
    .executeTakeFirst()
}

export async function insertContact(trx: Trx, values: Insertable<ContactsTable>) {
  return trx.insertInto('contacts').values(values).returningAll().executeTakeFirstOrThrow()
}

/**
 * Updates a contact; with `version`, only if it still matches (optimistic locking). Undefined
 * when no row was updated.
 */
export async function updateContact(
  trx: Trx,
  where: { id: string; kommune: string; version?: number },
  values: ContactValues,
) {
  return trx
    .updateTable('contacts')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', where.id)
    .where('kommune', '=', where.kommune)
    .$if(where.version !== undefined, (qb) => qb.where('version', '=', where.version!))
    .returningAll()
    .executeTakeFirst()
}

/** A raw contact row of this municipality (for diffs and conflicts). */
export async function findContactRow(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .executeTakeFirst()
}

/** A follow-up call of one of the contact's quarantines (the call a conversion comes from). */
export async function callOfContact(
  trx: Trx,
  { kommune, contactId, callId }: { kommune: string; contactId: string; callId: string },
) {
  return trx
    .selectFrom('followup_calls as c')
    .innerJoin('measures as m', 'm.id', 'c.measure_id')
    .select(['c.id', 'c.planned_date', 'c.symptom_notes', 'c.remarks', 'c.onset_date'])
    .where('c.kommune', '=', kommune)
    .where('c.id', '=', callId)
    .where('m.contact_id', '=', contactId)
    .executeTakeFirst()
}
