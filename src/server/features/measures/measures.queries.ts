import { type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { MeasureEventsTable, MeasuresTable } from '../../db/schema'
import type { Trx } from '../../db/tenant'

export type MeasureRow = Selectable<MeasuresTable>
export type MeasureValues = Updateable<MeasuresTable>

/** Measures of this municipality with the person summary and the rule set's name. */
function withPerson(trx: Trx, kommune: string) {
  return trx
    .selectFrom('measures as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id')
    .leftJoin('rule_sets as r', 'r.id', 'm.rule_set_id')
    .selectAll('m')
    .select([
      'p.national_id as p_national_id',
      'p.first_name as p_first_name',
      'p.last_name as p_last_name',
      'p.birth_date as p_birth_date',
      'p.phone as p_phone',
      'p.kommune as p_kommune',
      'r.name as rule_set_name',
    ])
    .where('m.kommune', '=', kommune)
}
export type MeasureWithPerson = NonNullable<Awaited<ReturnType<typeof findMeasure>>>

export async function findMeasure(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return withPerson(trx, kommune).where('m.id', '=', id).executeTakeFirst()
}

/** Row lock on the measure, so two changes to it cannot interleave. */
export async function lockMeasure(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('measures')
    .selectAll()
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .forUpdate()
    .executeTakeFirst()
}

export type MeasureFilter = { personId?: string; caseId?: string; contactId?: string }

/** Current and past measures of one person, case or contact, newest first. */
export async function listMeasures(trx: Trx, kommune: string, f: MeasureFilter) {
  let q = withPerson(trx, kommune)
  if (f.personId) q = q.where('m.person_id', '=', f.personId)
  if (f.caseId) q = q.where('m.case_id', '=', f.caseId)
  if (f.contactId) q = q.where('m.contact_id', '=', f.contactId)
  return q.orderBy('m.start_date', 'desc').orderBy('m.created_at', 'desc').execute()
}

/**
 * The measure of a case or contact that is not over on `today` (not cancelled, not exempted, end
 * not passed). There is at most one: the service refuses to start a second.
 */
export async function findOpenMeasure(
  trx: Trx,
  kommune: string,
  ref: { caseId: string } | { contactId: string },
  today: string,
) {
  let q = trx
    .selectFrom('measures')
    .selectAll()
    .where('kommune', '=', kommune)
    .where('status', '<>', 'cancelled')
    .where('end_reason', 'is', null)
    .where('end_date', '>=', today)
    .where((eb) => eb.or([eb('exempt_from', 'is', null), eb('exempt_from', '>', today)]))
  q = 'caseId' in ref ? q.where('case_id', '=', ref.caseId) : q.where('contact_id', '=', ref.contactId)
  return q.orderBy('start_date', 'desc').executeTakeFirst()
}

/** Measures of a contact or case that still follow the rules: not cancelled, exempted or ended early. */
export async function measuresToRecompute(
  trx: Trx,
  kommune: string,
  ref: { caseId: string } | { contactId: string },
) {
  let q = trx
    .selectFrom('measures')
    .select('id')
    .where('kommune', '=', kommune)
    .where('status', '<>', 'cancelled')
    .where('end_reason', 'is', null)
    .where('exempt_from', 'is', null)
  q = 'caseId' in ref ? q.where('case_id', '=', ref.caseId) : q.where('contact_id', '=', ref.contactId)
  return q.orderBy('start_date').orderBy('id').execute()
}

export async function insertMeasure(trx: Trx, values: Insertable<MeasuresTable>) {
  return trx.insertInto('measures').values(values).returningAll().executeTakeFirstOrThrow()
}

/** Optimistic update: undefined when the version no longer matches. */
export async function updateMeasure(trx: Trx, id: string, version: number, values: MeasureValues) {
  return trx
    .updateTable('measures')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst()
}

export async function insertEvent(trx: Trx, values: Insertable<MeasureEventsTable>) {
  await trx.insertInto('measure_events').values(values).execute()
}

export async function eventsFor(trx: Trx, kommune: string, measureIds: string[]) {
  if (measureIds.length === 0) return []
  return trx
    .selectFrom('measure_events as e')
    .leftJoin('users as u', 'u.id', 'e.created_by')
    .selectAll('e')
    .select('u.name as by_name')
    .where('e.kommune', '=', kommune)
    .where('e.measure_id', 'in', measureIds)
    .orderBy('e.created_at')
    .execute()
}

/** The facts isolation is computed from, with a row lock on the case. */
export async function caseForMeasure(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('cases')
    .select([
      'id',
      'kommune',
      'owner_unit',
      'person_id',
      'onset_date',
      'test_date',
      'source_contact_id',
      'status',
    ])
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .forUpdate()
    .executeTakeFirst()
}

/** The facts quarantine is computed from, with a row lock on the contact. */
export async function contactForMeasure(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('contacts')
    .select(['id', 'kommune', 'owner_unit', 'person_id', 'last_exposure', 'status'])
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .forUpdate()
    .executeTakeFirst()
}

/**
 * The case's infectious period runs until isolation ends (SPEC §3.2): keep cases.isolation_end in
 * step with the isolation. Not a user edit of the case, so its version is left alone (a tracer
 * with the case form open is not sent a conflict for a field the form does not hold).
 */
export async function setCaseIsolationEnd(trx: Trx, caseId: string, kommune: string, end: string | null) {
  await trx
    .updateTable('cases')
    .set({ isolation_end: end, updated_at: sql`now()` })
    .where('id', '=', caseId)
    .where('kommune', '=', kommune)
    .execute()
}
