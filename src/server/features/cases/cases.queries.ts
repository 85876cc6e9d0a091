import { type ExpressionBuilder, type Insertable, type Selectable, sql, type Updateable } from 'kysely'
import type { CasesTable, DB } from '../../db/schema'
import type { Trx } from '../../db/tenant'
import type { Cursor } from './cursor'

export type CaseRow = Selectable<CasesTable>
export type CaseValues = Updateable<CasesTable>

type From = DB & { c: CasesTable; p: DB['persons'] }

/** The person summary of a joined row (never the address). */
export const personSummaryColumns = [
  'p.national_id as p_national_id',
  'p.first_name as p_first_name',
  'p.last_name as p_last_name',
  'p.birth_date as p_birth_date',
  'p.phone as p_phone',
  'p.kommune as p_kommune',
] as const

export type PersonSummaryCols = {
  person_id: string
  p_national_id: string | null
  p_first_name: string
  p_last_name: string
  p_birth_date: string | null
  p_phone: string | null
  p_kommune: string
}

/** The microsecond-exact created_at as text, for keyset cursors (a JS Date keeps only ms). */
export const exactTimestamp = (col: string) =>
  sql<string>`to_char(${sql.ref(col)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`

const assigneeName = (eb: ExpressionBuilder<From, 'c'>) =>
  eb.selectFrom('users as u').select('u.name').whereRef('u.id', '=', 'c.assigned_to').as('assignee_name')

export async function insertCase(trx: Trx, values: Insertable<CasesTable>) {
  return trx.insertInto('cases').values(values).returning('id').executeTakeFirstOrThrow()
}

/** One case of this municipality with its person summary and assignee name, or undefined. */
export async function findCase(trx: Trx, { id, kommune }: { id: string; kommune: string }) {
  return trx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select(personSummaryColumns)
    .select((eb) => assigneeName(eb as never))
    .where('c.id', '=', id)
    .where('c.kommune', '=', kommune)
    .executeTakeFirst()
}
export type CaseWithPerson = NonNullable<Awaited<ReturnType<typeof findCase>>>

/** Optimistic update: undefined when the version no longer matches (or the case is not ours). */
export async function updateCase(
  trx: Trx,
  { id, kommune, version }: { id: string; kommune: string; version: number },
  values: CaseValues,
) {
  return trx
    .updateTable('cases')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('kommune', '=', kommune)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst()
}

/** Whether the user holds a case-work role in the municipality today (SPEC §2). */
export async function isCaseWorkerIn(trx: Trx, userId: string, kommune: string) {
  const row = await caseWorkerRoles(trx, kommune)
    .select('r.id')
    .where('r.user_id', '=', userId)
    .executeTakeFirst()
  return !!row
}

/** Active users with a tracer or administrator role in the municipality today: who a case can go to. */
export function caseWorkerRoles(trx: Trx, kommune: string) {
  return trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .where('r.kommune_code', '=', kommune)
    .where('r.role', 'in', ['tracer', 'admin'])
    .where('u.status', '=', 'active')
    .where('r.revoked_at', 'is', null)
    .where('r.valid_from', '<=', sql<string>`current_date`)
    .where((eb) => eb.or([eb('r.valid_to', 'is', null), eb('r.valid_to', '>=', sql<string>`current_date`)]))
}

/** The users a case or contact of the municipality can be assigned to, by name. */
export async function listCaseWorkers(trx: Trx, kommune: string) {
  return caseWorkerRoles(trx, kommune)
    .select(['u.id', 'u.name'])
    .distinct()
    .orderBy('u.name')
    .orderBy('u.id')
    .execute()
}

export type CaseSort = '-createdAt' | 'createdAt' | '-testDate' | 'testDate'

export interface CaseFilter {
  /** Owner units to include (a unit and the units below it). */
  units?: string[]
  status?: 'open' | 'closed' | undefined
  /** A user id, or null for unassigned. */
  assignedTo?: string | null | undefined
  interviewStatus?: 'not_started' | 'in_progress' | 'done' | undefined
  /** Worklist "interviews not done": not_started or in_progress. */
  interviewNotDone?: boolean
  testDateFrom?: string | undefined
  testDateTo?: string | undefined
  exposureSetting?: string | undefined
  search?: CaseSearch | undefined
  /** The cases of one person (the person page). */
  personId?: string | undefined
}

/** A classified free-text search: exact national id, phone number, or name words. */
export type CaseSearch =
  | { kind: 'nationalId'; value: string }
  | { kind: 'phone'; values: string[] }
  | { kind: 'name'; words: string[] }

const likePattern = (w: string) => `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`

/**
 * One keyset page (limit + 1 rows) of the municipality's cases with person summary, assignee and
 * contact count. Sorting by test date puts cases without one last in both directions.
 */
export async function listCases(
  trx: Trx,
  kommune: string,
  filter: CaseFilter,
  sort: CaseSort,
  after: Cursor | undefined,
  limit: number,
) {
  return listCasesQuery(trx, kommune, filter, sort, after, limit).execute()
}

/** The query behind listCases, unexecuted (the query-plan test EXPLAINs it). */
export function listCasesQuery(
  trx: Trx,
  kommune: string,
  filter: CaseFilter,
  sort: CaseSort,
  after: Cursor | undefined,
  limit: number,
) {
  const desc = sort.startsWith('-')
  const byTestDate = sort.endsWith('testDate')
  const s = filter.search
  let q = trx
    .selectFrom('cases as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select([
      'c.id',
      'c.person_id',
      'c.status',
      'c.probable',
      'c.test_date',
      'c.onset_date',
      'c.interview_status',
      'c.exposure_setting',
      'c.assigned_to',
      'c.created_at',
      'c.version',
      exactTimestamp('c.created_at').as('created_key'),
    ])
    .select(personSummaryColumns)
    .select((eb) => [
      assigneeName(eb as never),
      eb
        .selectFrom('contacts as t')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('t.case_id', '=', 'c.id')
        .as('contact_count'),
    ])
    .where('c.kommune', '=', kommune)
    .$if(!!filter.personId, (qb) => qb.where('c.person_id', '=', filter.personId!))
    .$if(!!filter.units?.length, (qb) => qb.where('c.owner_unit', 'in', filter.units!))
    .$if(!!filter.status, (qb) => qb.where('c.status', '=', filter.status!))
    .$if(filter.assignedTo !== undefined, (qb) =>
      filter.assignedTo === null
        ? qb.where('c.assigned_to', 'is', null)
        : qb.where('c.assigned_to', '=', filter.assignedTo!),
    )
    .$if(!!filter.interviewStatus, (qb) => qb.where('c.interview_status', '=', filter.interviewStatus!))
    .$if(!!filter.interviewNotDone, (qb) => qb.where('c.interview_status', '<>', 'done'))
    .$if(!!filter.testDateFrom, (qb) => qb.where('c.test_date', '>=', filter.testDateFrom!))
    .$if(!!filter.testDateTo, (qb) => qb.where('c.test_date', '<=', filter.testDateTo!))
    .$if(!!filter.exposureSetting, (qb) => qb.where('c.exposure_setting', '=', filter.exposureSetting!))
    .$if(s?.kind === 'nationalId', (qb) => qb.where('p.national_id', '=', (s as { value: string }).value))
    .$if(s?.kind === 'phone', (qb) =>
      qb.where((eb) =>
        eb.or([
          eb('p.phone', 'in', (s as { values: string[] }).values),
          eb('p.phone2', 'in', (s as { values: string[] }).values),
        ]),
      ),
    )
    .$if(s?.kind === 'name', (qb) =>
      qb.where((eb) =>
        eb.and((s as { words: string[] }).words.map((w) => eb('p.full_name', 'like', likePattern(w)))),
      ),
    )
  if (after) q = q.where((eb) => keysetAfter(eb as never, byTestDate, desc, after))
  const dir = desc ? 'desc' : 'asc'
  q = byTestDate
    ? q.orderBy(sql`c.test_date ${sql.raw(dir)} nulls last`).orderBy('c.id', dir)
    : q.orderBy('c.created_at', dir).orderBy('c.id', dir)
  return q.limit(limit + 1)
}
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number]

/** The "rows after the cursor" condition for the chosen sort (nulls last in both directions). */
function keysetAfter(eb: ExpressionBuilder<From, 'c'>, byTestDate: boolean, desc: boolean, after: Cursor) {
  const op = desc ? '<' : '>'
  if (!byTestDate) {
    return eb(
      eb.refTuple('c.created_at', 'c.id'),
      op,
      eb.tuple(sql<Date>`${after.k}::timestamptz`, sql<string>`${after.id}::uuid`),
    )
  }
  if (after.k === null) return eb.and([eb('c.test_date', 'is', null), eb('c.id', op, after.id)])
  return eb.or([
    eb('c.test_date', op, after.k),
    eb.and([eb('c.test_date', '=', after.k), eb('c.id', op, after.id)]),
    eb('c.test_date', 'is', null),
  ])
}

/** How many cases match (for worklist badges). */
export async function countCases(trx: Trx, kommune: string, filter: CaseFilter) {
  const r = await countCasesQuery(trx, kommune, filter).executeTakeFirstOrThrow()
  return r.n
}

export function countCasesQuery(trx: Trx, kommune: string, filter: CaseFilter) {
  return trx
    .selectFrom('cases as c')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('c.kommune', '=', kommune)
    .$if(!!filter.units?.length, (qb) => qb.where('c.owner_unit', 'in', filter.units!))
    .$if(!!filter.status, (qb) => qb.where('c.status', '=', filter.status!))
    .$if(filter.assignedTo !== undefined, (qb) =>
      filter.assignedTo === null
        ? qb.where('c.assigned_to', 'is', null)
        : qb.where('c.assigned_to', '=', filter.assignedTo!),
    )
    .$if(!!filter.interviewNotDone, (qb) => qb.where('c.interview_status', '<>', 'done'))
}

/**
 * Household suggestions (SPEC §3.3): persons of this municipality at the case person's street and
 * postcode who are not yet contacts of the case. The caller never calls this for a protected address.
 */
export async function personsAtAddress(
  trx: Trx,
  input: { kommune: string; caseId: string; personId: string; street: string; postcode: string },
) {
  return trx
    .selectFrom('persons as p')
    .select(['p.id', 'p.national_id', 'p.first_name', 'p.last_name', 'p.birth_date', 'p.phone', 'p.kommune'])
    .where('p.kommune', '=', input.kommune)
    .where(sql`lower(p.street)`, '=', input.street.trim().toLowerCase())
    .where('p.postcode', '=', input.postcode)
    .where('p.street', 'is not', null)
    .where('p.id', '<>', input.personId)
    .where('p.merged_into', 'is', null)
    .where('p.protected_address', '=', 'none')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('contacts as t')
            .select('t.id')
            .whereRef('t.person_id', '=', 'p.id')
            .where('t.case_id', '=', input.caseId),
        ),
      ),
    )
    .orderBy('p.birth_date')
    .orderBy('p.last_name')
    .limit(50)
    .execute()
}

/** The case person's address fields, for the household suggestion. */
export async function personAddress(trx: Trx, personId: string) {
  return trx
    .selectFrom('persons')
    .select(['street', 'postcode', 'protected_address'])
    .where('id', '=', personId)
    .executeTakeFirst()
}
